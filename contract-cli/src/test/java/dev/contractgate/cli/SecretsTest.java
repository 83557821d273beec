package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.Namespace;
import dev.contractgate.stub.Stub;
import dev.contractgate.stub.StubPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command, run with known token values in the environment: none of them appears anywhere. */
class SecretsTest {

  static final String IVANPIN = "ivanpin-s3cret-9f2b71c4";
  static final String WGP = "wgp-s3cret-4d81e0aa";
  static final Map<String, String> ENV = Map.of("IVANPIN_API_TOKEN", IVANPIN, "WGP_API_TOKEN", WGP);

  @Test
  void no_command_prints_or_writes_a_token(@TempDir Path dir) throws IOException {
    // GIVEN a backend that echoes the tokens in a header the contract checks (Vary must contain Origin)
    List<String> outputs = new ArrayList<>();
    Path reports = dir.resolve("reports");
    ContractRegistry registry = ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT, null);
    List<Stub> stubs = new ArrayList<>();
    for (Namespace ns : registry.namespaces()) {
      StubPlan.of(registry, registry.latest(ns.id())).forEach(s -> stubs.add(s.withHeader("Vary", "Token " + IVANPIN + " " + WGP)));
      StubPlan.refusal(registry, registry.latest(ns.id())).ifPresent(stubs::add);
    }
    try (EmbeddedBackend backend = EmbeddedBackend.start(0, stubs, ns -> ns.equals("ivanpin") ? IVANPIN : WGP)) {
      // WHEN every command runs with the tokens in its environment
      String samples = "../contracts/src/test/resources/samples/invalid/";
      List<String[]> commands = List.of(
          new String[] {"verify", "--base-url", backend.baseUrl(), "--report-dir", reports.resolve("verify").toString()},
          new String[] {"verify", "--base-url", backend.baseUrl(), "--format", "json"},
          new String[] {"demo", "-q", "--report-dir", reports.resolve("demo").toString()},
          new String[] {"demo", "-q", "--break", "no-token-answered", "--report-dir", reports.resolve("demo2").toString()},
          new String[] {"can-deploy", "-n", "ivanpin", "--candidate", "1.2.0", "--report-dir",
              reports.resolve("can-deploy").toString()},
          new String[] {"check-history", "--report-dir", reports.resolve("history").toString()},
          new String[] {"diff", "--namespace", "ivanpin", "--from", "1.1.0", "--to", "1.2.0", "--format", "html"},
          new String[] {"validate", "-n", "ivanpin", "-e", "blog.list", "-H", "X-WGP-Token: " + IVANPIN,
              "-H", "Set-Cookie: PHPSESSID=" + WGP, samples + "ivanpin-1.2.0-blog.list-missing-author-name.json"},
          new String[] {"validate", "-n", "ivanpin", "-e", "blog.list", "-H", "Vary: Token " + IVANPIN + " " + WGP,
              "--format", "json", "--report-dir", reports.resolve("validate").toString(),
              samples + "ivanpin-1.2.0-blog.list-missing-author-name.json"},
          new String[] {"list", "--format", "json"},
          new String[] {"list", "--report-dir", reports.resolve("list").toString()},
          new String[] {"verify", "--base-url", "http://127.0.0.1:1", "--retries", "0", "--timeout", "500ms"},
          new String[] {"verify", "--base-url", "not a url"});
      for (String[] args : commands) {
        CliRun run = CliRun.withEnv(ENV::get, args);
        outputs.add(args[0] + " => " + run.all());
      }
    }
    // THEN
    assertThat(outputs).hasSize(13).allSatisfy(o -> assertThat(o).doesNotContain(IVANPIN).doesNotContain(WGP));
    List<Path> files;
    try (Stream<Path> s = Files.walk(reports)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertThat(files).hasSizeGreaterThan(20);
    for (Path f : files) {
      assertThat(Files.readString(f)).as(f.toString()).doesNotContain(IVANPIN).doesNotContain(WGP);
    }
  }
}
