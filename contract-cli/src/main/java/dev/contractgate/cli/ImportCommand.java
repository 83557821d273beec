package dev.contractgate.cli;

import dev.contractgate.openapi.ImportedVersion;
import dev.contractgate.openapi.OpenApiImport;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.SemVer;
import java.io.PrintWriter;
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
      ImportedVersion v = OpenApiImport.importInto(specFile, out, namespace, version, Optional.ofNullable(basePath), force);
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

    private CommandLine.ParameterException usage(String message) {
      return new CommandLine.ParameterException(spec.commandLine(), message);
    }
  }
}
