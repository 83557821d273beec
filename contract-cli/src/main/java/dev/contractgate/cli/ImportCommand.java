package dev.contractgate.cli;

import dev.contractgate.openapi.ImportedVersion;
import dev.contractgate.openapi.OpenApiImport;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.SemVer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

@Command(
    name = "import",
    description = "Turn an API description into a contract version (see docs/openapi.md).",
    synopsisSubcommandLabel = "FORMAT",
    subcommands = {ImportCommand.OpenApi.class})
final class ImportCommand implements Runnable {

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin HelpOption help;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing format: pick one of "
        + spec.subcommands().keySet() + ", e.g. contract-gate import openapi petstore.yaml --namespace pets"
        + " --version 1.0.0 --out contracts/src/main/contracts");
  }

  @Command(
      name = "openapi",
      description = {
        "Write an OpenAPI 3.0 or 3.1 description (JSON or YAML, one self-contained file) into a contract tree as"
            + " DIR/NS/V/endpoints.yaml with schemas/*.schema.json, and DIR/NS/namespace.yaml when the namespace"
            + " has none.",
        "One endpoint per operation; 3.0 nullable, exclusive bounds and example become JSON Schema 2020-12;"
            + " readOnly properties leave request schemas and writeOnly ones leave response schemas.",
        "All or nothing: the files are written beside the target and moved into place. --force swaps an existing"
            + " version folder with renames, so that readers always see the old or the new version; an import"
            + " killed half-way is finished or undone by the next one, which also removes what it left."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:imported",
        "2:usage error",
        "3:the description cannot be read or converted (remote $ref, duplicate key, malformed YAML ...),"
            + " or the version exists already (use --force)"
      },
      footerHeading = "%nExample:%n",
      footer = {"  contract-gate import openapi petstore.yaml --namespace pets --version 1.0.0 --out contracts/src/main/contracts"})
  static final class OpenApi implements Callable<Integer> {

    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin HelpOption help;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The OpenAPI description (.json, .yaml, .yml).")
    Path specFile;

    @Option(names = {"-n", "--namespace"}, required = true, paramLabel = "NS",
        description = "The namespace id ([a-z][a-z0-9-]*).")
    String namespace;

    @Option(names = "--version", required = true, paramLabel = "V", description = "The contract version, e.g. 1.0.0.")
    String version;

    @Option(names = "--base-path", paramLabel = "P",
        description = "The namespace's base path for a new namespace.yaml (default: the path of the first servers"
            + " URL, or /). An existing namespace.yaml keeps its own.")
    String basePath;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The root of the contract tree.")
    Path out;

    @Option(names = "--force", description = "Replace the version folder if it exists (swapped in whole; see"
        + " docs/openapi.md).")
    boolean force;

    @Override
    public Integer call() {
      if (!namespace.matches("[a-z][a-z0-9-]*")) {
        throw usage("--namespace must be lower-case letters, digits and '-', starting with a letter: \"" + namespace + "\"");
      }
      if (!SemVer.isValid(version)) {
        throw usage("--version must be a semantic version such as 1.0.0: \"" + version + "\"");
      }
      if (basePath != null && (!basePath.startsWith("/") || basePath.contains("?") || basePath.contains("#"))) {
        throw usage("--base-path must be a path starting with '/', e.g. /api/pets/: \"" + basePath + "\"");
      }
      if (!Files.isRegularFile(specFile)) {
        throw ContractException.builder("Cannot import OpenAPI description", specFile.toString())
            .expected("an OpenAPI description file")
            .butWas(Files.exists(specFile) ? "a folder" : "nothing at this path")
            .hint("check the path")
            .build();
      }
      ImportedVersion v = importMasked();
      PrintWriter w = spec.commandLine().getOut();
      w.println("Imported " + specFile + " as " + namespace + "/" + version + " into " + out + ": "
          + v.version().endpoints().size() + " endpoints, " + v.schemas().size() + " schema files, base path "
          + v.namespace().basePath());
      int shown = 0;
      for (String note : v.notes()) {
        if (shown++ == 20) {
          w.println("  ... and " + (v.notes().size() - 20) + " more notes");
          break;
        }
        w.println("  note: " + note);
      }
      w.println("Check it with: contract-gate list --contracts " + out);
      w.flush();
      return ExitCodes.OK;
    }

    /**
     * Imports with every known secret masked in the description first, so that no file of the tree holds one:
     * a token the tree's variables hold, the user-info of a URL in the description ({@code servers}). When the
     * description holds one, it is read as JSON or YAML, every string and key masked, and the import reads
     * that copy from a private temporary folder (its positions are then those of the copy: one JSON line).
     */
    private ImportedVersion importMasked() {
      Redactor redactor = Redactor.of(spec);
      Path temp = null;
      Path source = specFile;
      try {
        String text = Files.readString(specFile, StandardCharsets.UTF_8);
        java.util.List<String> urls = new java.util.ArrayList<>();
        java.util.regex.Matcher m = URL.matcher(text);
        while (m.find()) {
          dev.contractgate.record.Secrets.userInfo(m.group()).ifPresent(u -> dev.contractgate.record.Secrets.learnUserInfo(u, urls));
        }
        redactor.add(urls);
        if (!redactor.apply(text).equals(text)) {
          JsonNode tree = (text.stripLeading().startsWith("{") ? JsonMapper.builder().build() : YAMLMapper.builder().build())
              .readTree(text);
          if (tree != null && tree.isContainer()) {
            temp = Files.createTempDirectory("contract-gate-import");
            source = temp.resolve(specFile.getFileName().toString());
            Files.writeString(source, JsonMapper.builder().build().writeValueAsString(masked(tree, redactor)),
                StandardCharsets.UTF_8);
          }
        }
      } catch (java.io.IOException | RuntimeException e) {
        // unreadable or not JSON/YAML: the import reads the file itself and says what is wrong
        source = specFile;
      }
      try {
        ImportedVersion v = OpenApiImport.importInto(source, out, namespace, version, Optional.ofNullable(basePath), force);
        if (temp != null) {
          String copy = source.toString();
          return new ImportedVersion(v.namespace(), v.version(), v.schemas(),
              v.notes().stream().map(n -> n.replace(copy, specFile.toString())).toList());
        }
        return v;
      } catch (ContractException e) {
        if (temp == null) {
          throw e;
        }
        throw new CommandFailure(ExitCodes.INPUT, e.getMessage().replace(source.toString(), specFile.toString()));
      } finally {
        if (temp != null) {
          try {
            Files.deleteIfExists(source);
            Files.deleteIfExists(temp);
          } catch (java.io.IOException e) {
            // a temporary folder of masked text: nothing secret is left in it
          }
        }
      }
    }

    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'@/?#]*@");

    /** A copy with every string value and key masked. */
    private static JsonNode masked(JsonNode node, Redactor redactor) {
      if (node instanceof ObjectNode o) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (java.util.Map.Entry<String, JsonNode> e : o.properties()) {
          copy.set(redactor.apply(e.getKey()), masked(e.getValue(), redactor));
        }
        return copy;
      }
      if (node instanceof ArrayNode a) {
        ArrayNode copy = JsonNodeFactory.instance.arrayNode();
        a.forEach(x -> copy.add(masked(x, redactor)));
        return copy;
      }
      if (node.isString()) {
        return JsonNodeFactory.instance.stringNode(redactor.apply(node.stringValue()));
      }
      return node;
    }

    private CommandLine.ParameterException usage(String message) {
      return new CommandLine.ParameterException(spec.commandLine(), message);
    }
  }
}
