package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./contract-gate} launcher and its class-data-sharing archive, run on a copy of the launcher and
 * the packaged jar (so that it never rebuilds and never touches the developer's archive): the archive must
 * not change what the command prints or how it exits, whatever state it is in.
 */
class LauncherIT {

  @TempDir
  Path root;

  Path jar;
  Path archive;

  @BeforeEach
  void copyLauncherAndJar() throws IOException {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    Path launcher = root.resolve("contract-gate");
    Files.copy(repo.resolve("contract-gate"), launcher);
    assertThat(launcher.toFile().setExecutable(true)).isTrue();
    Path built = repo.resolve("contract-cli/target/contract-gate.jar");
    assertThat(built).as("the packaged command; run through Maven's verify phase").exists();
    jar = Files.createDirectories(root.resolve("contract-cli/target")).resolve("contract-gate.jar");
    Files.copy(built, jar, StandardCopyOption.COPY_ATTRIBUTES);
    archive = jar.resolveSibling("contract-gate.jsa");
  }

  @Test
  void first_run_records_the_archive_and_later_runs_use_it_with_the_same_output() throws Exception {
    Run plain = run(Map.of("CONTRACT_GATE_CDS", "0"), "list", "--contracts", "classpath:examples");
    assertThat(plain.exit).isZero();
    assertThat(plain.out).contains("ivanpin", "wgp");
    assertThat(archive).doesNotExist();

    Run first = run(Map.of(), "list", "--contracts", "classpath:examples");
    assertThat(first.exit).isZero();
    assertThat(first.out).isEqualTo(plain.out);
    assertThat(first.err).isEqualTo(plain.err);
    assertThat(archive).exists();
    assertThat(Files.size(archive)).isPositive();
    try (var files = Files.list(archive.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }

    Run second = run(Map.of(), "list", "--contracts", "classpath:examples");
    assertThat(second.exit).isZero();
    assertThat(second.out).isEqualTo(plain.out);
    assertThat(second.err).isEqualTo(plain.err);

    // The JVM says where each class came from; our own classes must come from the archive now, and so must
    // picocli's (compiled for Java 5: only a static archive holds them on Java 17) and the classes that
    // implement picocli's interfaces.
    Run traced = run(Map.of("JAVA_OPTS", "-Xlog:class+load=info"), "list", "--contracts", "classpath:examples");
    assertThat(traced.exit).isZero();
    for (String type : List.of("dev.contractgate.cli.ContractCli ", "picocli.CommandLine ",
        "picocli.CommandLine$Model$CommandSpec ", "dev.contractgate.cli.VersionProvider ",
        "picocli.CommandLine$IParameterExceptionHandler ", "dev.contractgate.cli.RootCommand$UsageErrors ")) {
      assertThat(traced.out.lines().filter(l -> l.contains("] " + type))).as(type)
          .singleElement().asString().contains("source: shared objects file");
    }
  }

  @Test
  void diff_commands_use_c1_only_unless_java_opts_say_otherwise_and_others_keep_the_default() throws Exception {
    Path s1 = Files.writeString(root.resolve("s1.json"), "{\"type\":\"string\"}\n");
    // -XX:+PrintFlagsFinal prints every flag's final value on standard output before the command runs.
    Run plain = run(Map.of("CONTRACT_GATE_CDS", "0", "JAVA_OPTS", "-XX:+PrintFlagsFinal"), "diff", s1.toString(),
        s1.toString());
    assertThat(plain.exit).isZero();
    assertThat(flag(plain.out, "TieredStopAtLevel")).isEqualTo("1");
    assertThat(run(Map.of(), "diff", s1.toString(), s1.toString()).exit).isZero();
    assertThat(archive).exists();
    Run diff = run(Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "diff", s1.toString(), s1.toString());
    assertThat(diff.exit).isZero();
    assertThat(flag(diff.out, "TieredStopAtLevel")).isEqualTo("1");
    Run restored = run(Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=4 -XX:+PrintFlagsFinal"), "diff", s1.toString(),
        s1.toString());
    assertThat(flag(restored.out, "TieredStopAtLevel")).isEqualTo("4");
    Run list = run(Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "list", "--contracts", "classpath:examples");
    assertThat(list.exit).isZero();
    assertThat(flag(list.out, "TieredStopAtLevel")).isEqualTo("4");
    Run history = run(Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "check-history", "--contracts",
        "classpath:examples");
    assertThat(flag(history.out, "TieredStopAtLevel")).as(history.err).isEqualTo("1");
  }

  @Test
  void the_archive_serves_a_diff_although_the_first_run_after_the_build_was_the_help() throws Exception {
    assertThat(run(Map.of(), "--help").exit).isZero();
    assertThat(archive).exists();
    Path s1 = Files.writeString(root.resolve("s1.json"), "{\"type\":\"string\",\"maxLength\":5}\n");
    Path s2 = Files.writeString(root.resolve("s2.json"), "{\"type\":\"integer\"}\n");
    Run traced = run(Map.of("JAVA_OPTS", "-Xlog:class+load=info"), "diff", s1.toString(), s2.toString());
    assertThat(traced.exit).as(traced.err).isEqualTo(1);
    // the classes of the engine, the OpenAPI import and the reports were recorded by the training run
    for (String type : List.of("dev.contractgate.cli.DiffCommand ", "dev.contractgate.diff.engine.Engine ",
        "dev.contractgate.diff.engine.Planner ", "dev.contractgate.openapi.OpenApiImport ",
        "dev.contractgate.report.TextRenderer ")) {
      assertThat(traced.out.lines().filter(l -> l.contains("] " + type))).as(type)
          .singleElement().asString().contains("source: shared objects file");
    }
    try (var files = Files.list(archive.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no training list left behind")
          .noneMatch(n -> n.endsWith(".training") || n.endsWith(".classes"));
    }
  }

  @Test
  void diff_commands_collect_with_the_parallel_collector_unless_java_opts_pick_one() throws Exception {
    Path s1 = Files.writeString(root.resolve("s1.json"), "{\"type\":\"string\"}\n");
    Run parallel = run(Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "diff", s1.toString(), s1.toString());
    assertThat(parallel.exit).isZero();
    assertThat(flag(parallel.out, "UseParallelGC")).isEqualTo("true");
    assertThat(flag(parallel.out, "UsePerfData")).isEqualTo("false");
    // a collector of the user's own: two collectors would stop the JVM from starting
    Run g1 = run(Map.of("JAVA_OPTS", "-XX:+UseG1GC -XX:+PrintFlagsFinal"), "diff", s1.toString(), s1.toString());
    assertThat(g1.exit).as(g1.err).isZero();
    assertThat(flag(g1.out, "UseG1GC")).isEqualTo("true");
    assertThat(flag(g1.out, "UseParallelGC")).isEqualTo("false");
    Run serial = run(Map.of("JAVA_OPTS", "-XX:+UseSerialGC -XX:+PrintFlagsFinal"), "diff", s1.toString(),
        s1.toString());
    assertThat(serial.exit).as(serial.err).isZero();
    assertThat(flag(serial.out, "UseSerialGC")).isEqualTo("true");
    // long runs keep the JVM's default collector
    Run list = run(Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), "list", "--contracts", "classpath:examples");
    assertThat(flag(list.out, "UseParallelGC")).isEqualTo("false");
  }

  private static String flag(String printFlagsFinal, String name) {
    return printFlagsFinal.lines().map(String::trim).filter(l -> l.matches("\\S+\\s+" + name + "\\s+=.*"))
        .map(l -> l.replaceAll(".*=\\s*(\\S+).*", "$1")).findFirst().orElse("absent");
  }

  @Test
  void a_diff_of_two_schemas_records_and_prints_the_same_report_with_and_without_the_archive() throws Exception {
    Path s1 = Files.writeString(root.resolve("s1.json"),
        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}\n");
    Path s2 = Files.writeString(root.resolve("s2.json"),
        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}},\"required\":[\"a\"]}\n");
    Run plain = run(Map.of("CONTRACT_GATE_CDS", "0"), "diff", s1.toString(), s2.toString());
    assertThat(plain.exit).isEqualTo(1);
    assertThat(plain.out).contains("BREAKING response.type.changed").endsWith("\n");

    Run first = run(Map.of(), "diff", s1.toString(), s2.toString());
    assertThat(archive).exists();
    Run second = run(Map.of(), "diff", s1.toString(), s2.toString());
    for (Run r : List.of(first, second)) {
      assertThat(r.exit).isEqualTo(plain.exit);
      assertThat(r.out).isEqualTo(plain.out);
      assertThat(r.err).isEqualTo(plain.err);
    }
    try (var files = Files.list(archive.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no list or archive left behind")
          .noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".classes") || n.endsWith(".probe"));
    }
  }

  @Test
  void a_diff_with_the_archive_never_opens_the_jar_and_says_nothing_on_standard_error() throws Exception {
    Path s1 = Files.writeString(root.resolve("s1.json"), "{\"type\":\"string\"}\n");
    Path s2 = Files.writeString(root.resolve("s2.json"), "{\"type\":\"integer\"}\n");
    assertThat(run(Map.of(), "diff", s1.toString(), s2.toString()).exit).isEqualTo(1);
    assertThat(archive).exists();
    // Opening the jar (reading the index of its 15,000 entries) cost ~20 ms of every run: picocli asked for
    // Groovy's Closure class and SLF4J searched for a provider (ContractCli.main). The JVM logs the classes it
    // loads; the jar's reader is among them only when something opened a jar.
    Run traced = run(Map.of("JAVA_OPTS", "-Xlog:class+load=info"), "diff", s1.toString(), s2.toString());
    assertThat(traced.exit).isEqualTo(1);
    assertThat(traced.out).contains("BREAKING response.type.changed", "source: shared objects file")
        .doesNotContain("java.util.zip.ZipFile$Source ", "URLClassPath$JarLoader ");
    assertThat(traced.err).isEmpty();
    Run plain = run(Map.of("CONTRACT_GATE_CDS", "0"), "diff", s1.toString(), s2.toString());
    assertThat(plain.err).as("no note from SLF4J about its provider").isEmpty();
  }

  @Test
  void an_archive_that_does_not_match_the_jar_is_ignored_silently() throws Exception {
    Run plain = run(Map.of("CONTRACT_GATE_CDS", "0"), "list", "--contracts", "classpath:examples");
    assertThat(run(Map.of(), "list", "--contracts", "classpath:examples").exit).isZero();
    assertThat(archive).exists();
    // The archive names the jar's time stamp; a jar touched since (yet older than the archive, so the
    // launcher still picks the archive) makes the JVM refuse it, and by default it says so on stdout.
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));

    Run mismatched = run(Map.of(), "list", "--contracts", "classpath:examples");
    assertThat(mismatched.exit).isZero();
    assertThat(mismatched.out).isEqualTo(plain.out);
    assertThat(mismatched.err).isEqualTo(plain.err);
  }

  @Test
  void a_broken_archive_is_ignored_silently() throws Exception {
    Run plain = run(Map.of("CONTRACT_GATE_CDS", "0"), "list", "--contracts", "classpath:examples");
    Files.writeString(archive, "not an archive");
    Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(60)));

    Run broken = run(Map.of(), "list", "--contracts", "classpath:examples");
    assertThat(broken.exit).isZero();
    assertThat(broken.out).isEqualTo(plain.out);
    assertThat(broken.err).isEqualTo(plain.err);
  }

  @Test
  void an_archive_older_than_the_jar_is_recorded_again() throws Exception {
    Files.writeString(archive, "stale");
    Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(3600)));
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));

    Run run = run(Map.of(), "list", "--contracts", "classpath:examples");
    assertThat(run.exit).isZero();
    assertThat(Files.readAllBytes(archive)).isNotEqualTo("stale".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.getLastModifiedTime(archive).toInstant()).isAfter(Files.getLastModifiedTime(jar).toInstant());
  }

  @Test
  void the_exit_code_and_error_survive_the_recording_run() throws Exception {
    Run plain = run(Map.of("CONTRACT_GATE_CDS", "0"), "validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "nosuch", "missing.json");
    assertThat(plain.exit).isNotZero();

    Run first = run(Map.of(), "validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "nosuch", "missing.json");
    assertThat(first.exit).isEqualTo(plain.exit);
    assertThat(first.err).isEqualTo(plain.err);
    assertThat(first.out).isEqualTo(plain.out);
  }

  @Test
  void the_recording_run_reads_standard_input() throws Exception {
    Run plain = runWithInput(Map.of("CONTRACT_GATE_CDS", "0"), "{}", "validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "blog.list", "-");
    assertThat(plain.exit).isEqualTo(1);
    assertThat(plain.out).contains("feature_enabled");

    Run first = runWithInput(Map.of(), "{}", "validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "blog.list", "-");
    assertThat(archive).exists();
    assertThat(first.exit).isEqualTo(plain.exit);
    assertThat(first.out).isEqualTo(plain.out);
    assertThat(first.err).isEqualTo(plain.err);
  }

  @Test
  void java_opts_that_rule_out_class_sharing_still_run_the_command_and_record_nothing() throws Exception {
    // With -Xshare:off a JVM asked to record an archive does not start at all, and says so on stdout.
    Map<String, String> env = Map.of("JAVA_OPTS", "-Xshare:off");
    Run plain = run(Map.of("CONTRACT_GATE_CDS", "0", "JAVA_OPTS", "-Xshare:off"), "list", "--contracts", "classpath:examples");
    assertThat(plain.exit).isZero();

    Run run = run(env, "list", "--contracts", "classpath:examples");
    assertThat(run.exit).isZero();
    assertThat(run.out).isEqualTo(plain.out);
    assertThat(run.err).isEqualTo(plain.err);
    assertThat(archive).doesNotExist();
  }

  private record Run(int exit, String out, String err) {}

  private Run run(Map<String, String> env, String... args) throws Exception {
    return runWithInput(env, null, args);
  }

  private Run runWithInput(Map<String, String> env, String input, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("contract-gate").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
    pb.environment().remove("JAVA_OPTS");
    pb.environment().remove("CONTRACT_GATE_CDS");
    // Reports name their time; pinned, so runs compare byte for byte (docs/reports.md, metadata).
    pb.environment().put(ReportContext.SOURCE_DATE_EPOCH, "1780000000");
    pb.environment().putAll(env);
    Path out = Files.createTempFile(root, "out", ".txt");
    Path err = Files.createTempFile(root, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    if (input != null) {
      Path in = Files.writeString(Files.createTempFile(root, "in", ".txt"), input);
      pb.redirectInput(in.toFile());
    }
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command finished").isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
