package dev.contractgate.cli;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.report.Report;
import dev.contractgate.validate.ObservedResponse;
import dev.contractgate.validate.ResponseValidator;
import dev.contractgate.validate.ValidationReports;
import dev.contractgate.validate.ValidationResult;
import dev.contractgate.validate.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    description = {
      "Validate a recorded response body against an endpoint of a contract version.",
      "Headers are checked too when at least one --header is given (Content-Type, Vary, Set-Cookie ...).",
      "The result is a report (kind validate) with one entry, the endpoint (group NAMESPACE@VERSION), and a"
          + " finding per violation: pointer, expected, but was, schema, rule and hint, as the live gate shows"
          + " them. For scripts, --format json prints it as the report JSON (contract-gate/report/1,"
          + " docs/report.schema.json)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the response matches the contract",
      "1:the response violates the contract (each violation is printed with pointer, expected and actual)",
      "2:usage error",
      "3:the response file or the contract cannot be read"
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ContractsOption contracts;
  @picocli.CommandLine.ParentCommand RootCommand root;
  @Mixin HelpOption help;
  @Mixin ReportOptions reports;

  @Option(names = {"-n", "--namespace"}, required = true, paramLabel = "NS", description = "Namespace id, e.g. ivanpin.")
  String namespace;

  @Option(names = {"-v", "--version"}, paramLabel = "V", description = "Contract version (default: the newest).")
  String version;

  @Option(names = {"-e", "--endpoint"}, required = true, paramLabel = "ID", description = "Endpoint id, e.g. blog.list.")
  String endpoint;

  @Option(names = {"-s", "--status"}, defaultValue = "200", paramLabel = "STATUS",
      description = "HTTP status of the response (default: ${DEFAULT-VALUE}).")
  int status;

  @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
      description = "A response header; repeat for more. Turns on header, content-type and cookie checks.")
  List<String> headers = new ArrayList<>();

  @Parameters(index = "0", paramLabel = "RESPONSE.json", description = "The response body; '-' reads standard input.")
  String response;

  @Override
  public Integer call() {
    reports.validate(spec.commandLine());
    ContractRegistry registry = contracts.load();
    ContractVersion v = version == null ? registry.latest(namespace) : registry.requireVersion(namespace, version);
    Endpoint e = registry.requireEndpoint(v, endpoint);
    String body = readBody(registry.policy().limits().maxBodyBytes());
    Map<String, List<String>> headerMap = new LinkedHashMap<>();
    for (String h : headers) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "Invalid --header '" + h + "': expected 'NAME: VALUE', e.g. --header 'Vary: Origin'");
      }
      headerMap.computeIfAbsent(h.substring(0, colon).trim(), k -> new ArrayList<>()).add(h.substring(colon + 1).trim());
    }
    ValidationResult result = ResponseValidator.of(registry).validate(v, e, new ObservedResponse(status, headerMap, body));
    if (headers.isEmpty()) {
      List<Violation> bodyOnly = result.violations().stream()
          .filter(x -> !x.instancePointer().startsWith("header:") && !x.instancePointer().startsWith("cookie:"))
          .toList();
      result = new ValidationResult(result.subject(), result.status(), bodyOnly);
    }
    reports.emit(report(v, e, result), spec.commandLine().getOut(), spec.commandLine().getErr(),
        Redactor.forTree(registry, root.environment));
    return result.isValid() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private String readBody(long limit) {
    try (InputStream in = response.equals("-") ? System.in : Files.newInputStream(Path.of(response))) {
      // One byte past the limit is enough for the validator to report body.too-large; more is never read.
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(bytes.length > limit ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new CommandFailure(ExitCodes.INPUT, "Cannot read response: " + response
          + "\n    expected: a file with the response body\n    but was : no such file"
          + "\n    hint    : check the path, or pass '-' to read standard input");
    } catch (CharacterCodingException e) {
      throw new CommandFailure(ExitCodes.INPUT, "Cannot read response: " + response
          + "\n    expected: UTF-8 text\n    but was : bytes that are not UTF-8"
          + "\n    hint    : JSON is UTF-8; convert the file or save the body as text");
    } catch (IOException e) {
      throw new CommandFailure(ExitCodes.INPUT, "Cannot read response: " + response
          + "\n    expected: a readable file\n    but was : " + e.getClass().getSimpleName()
          + "\n    hint    : check the path and permissions");
    }
  }

  /** One entry, the endpoint, with a finding per violation: the same facts the live gate shows. */
  private Report report(ContractVersion v, Endpoint e, ValidationResult result) {
    int n = result.violations().size();
    Report.Entry entry = new Report.Entry(v.label(), e.id(), result.isValid() ? Report.Status.PASSED : Report.Status.FAILED,
        "status " + result.status() + ", " + (n == 0 ? "no violations" : n + (n == 1 ? " violation" : " violations")),
        ValidationReports.findings(result.violations()), 0);
    List<String> notes = headers.isEmpty()
        ? List.of("Headers not checked: pass --header 'NAME: VALUE' to check Content-Type, Vary and cookies.")
        : List.of();
    String input = response.equals("-") ? "standard input" : response;
    return new Report("validate", "validate " + input + " against " + result.subject(), List.of(entry), notes);
  }
}
