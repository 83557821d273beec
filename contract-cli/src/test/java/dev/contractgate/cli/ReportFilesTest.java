package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Report files: standard output first (a directory that cannot be written loses no verdict), and a report set
 * that is never mixed: no file of an earlier run beside a file of this one, whatever point a run dies at.
 */
class ReportFilesTest {

  static final String INVALID = ContractCliTest.SAMPLES + "ivanpin-1.2.0-blog.list-missing-author-name.json";
  static final List<String> SET =
      List.of("validate.html", "validate.json", "validate.md", "validate.sarif", "validate.txt", "validate.xml");
  /** Pins the report time, so the sets of two runs compare byte for byte (the metadata names the time). */
  static final String EPOCH = "1780000000";

  static Path valid;

  @BeforeAll
  static void validResponse(@TempDir Path dir) throws IOException {
    GateCommandsTest.load();
    ContractRegistry registry = ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT, null);
    valid = dir.resolve("valid.json");
    Files.writeString(valid, registry.schemaDocument("ivanpin/1.2.0/schemas/blog-list.schema.json").orElseThrow()
        .path("examples").get(0).toString());
  }

  static CliRun validate(Path response, Path reportDir) {
    return CliRun.withEnv(k -> k.equals(ReportContext.SOURCE_DATE_EPOCH) ? EPOCH : null, "validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "blog.list", "-q", "--color", "never", "--report-dir",
        reportDir.toString(), response.toString());
  }

  /** Every file and directory name in {@code dir} with the content of the files. */
  static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        out.put(p.getFileName().toString(), Files.isRegularFile(p) ? Files.readString(p) : "(directory)");
      }
    }
    return out;
  }

  @Test
  void report_files_get_the_permissions_the_umask_gives_not_owner_only(@TempDir Path dir) throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    // GIVEN what this process's umask gives a new file and directory (reports hold no secrets, so no 0600)
    Path plainFile = Files.createFile(dir.resolve("plain.txt"));
    Path plainDir = Files.createDirectory(dir.resolve("plain"));
    var filePerms = Files.getPosixFilePermissions(plainFile);
    // WHEN a report set is written into a new directory
    Path reports = dir.resolve("reports");
    assertThat(validate(valid, reports).exitCode()).isZero();
    // THEN every file has those permissions, whatever the staging directory had
    for (String name : SET) {
      assertThat(Files.getPosixFilePermissions(reports.resolve(name))).as(name).isEqualTo(filePerms);
    }
    assertThat(Files.getPosixFilePermissions(reports)).isEqualTo(Files.getPosixFilePermissions(plainDir));
  }

  @Test
  void should_print_the_report_and_then_exit_3_naming_the_directory_when_it_cannot_be_written(@TempDir Path dir)
      throws IOException {
    // GIVEN a report directory below a regular file, and one that is a regular file
    Path file = Files.writeString(dir.resolve("file.txt"), "x");
    try (EmbeddedBackend backend = GateCommandsTest.conformingBackend(s -> s)) {
      for (Path reports : List.of(file.resolve("reports"), file)) {
        // WHEN the live gate runs
        CliRun run = CliRun.withEnv(GateCommandsTest.ENV::get, "verify", "--contracts", "classpath:examples", "--base-url", backend.baseUrl(), "-q",
            "--color", "never", "--report-dir", reports.toString());
        // THEN the verdict is on standard output, and the exit code and message say the files are missing
        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.out()).contains("contract-gate verify " + backend.baseUrl(), "PASSED: 18 checks",
            "ok   blog.list").doesNotContain("Reports written:");
        assertThat(run.err()).contains("Cannot write report files: " + reports,
            "expected: a writable directory for verify.* (6 files)",
            "but was : " + (reports.equals(file) ? "a file, not a directory (" + file + ")" : "Not a directory"),
            "hint    : the report above went to standard output only; choose another --report-dir");
      }
    }
  }

  @Test
  void should_leave_no_file_of_the_previous_set_when_a_file_cannot_be_replaced(@TempDir Path dir) throws IOException {
    // GIVEN a passing set, and a directory where the new HTML report would go
    Path reports = dir.resolve("reports");
    assertThat(validate(valid, reports).exitCode()).isZero();
    Files.delete(reports.resolve("validate.html"));
    Files.createDirectories(reports.resolve("validate.html").resolve("in-the-way"));
    // WHEN a failing run writes its set there
    CliRun run = validate(Path.of(INVALID), reports);
    // THEN it says so after printing its verdict, and no file still says PASSED
    assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
    assertThat(run.out()).contains("FAILED: 1 of 1 check failed");
    assertThat(run.err()).contains("Cannot write report files: " + reports);
    assertThat(contents(reports)).containsOnlyKeys("validate.html");
  }

  @ParameterizedTest
  @ValueSource(strings = {"old set removed", "written txt", "written xml", "moved txt", "moved html", "moved json"})
  void should_never_leave_a_mixed_set_when_the_process_dies_while_writing(String step, @TempDir Path dir)
      throws Exception {
    // GIVEN a passing set, and the failing set a complete run writes
    Path reference = dir.resolve("reference");
    assertThat(validate(Path.of(INVALID), reference).exitCode()).isEqualTo(1);
    Map<String, String> failing = contents(reference);
    assertThat(failing).containsOnlyKeys(SET);
    Path reports = dir.resolve("reports");
    assertThat(validate(valid, reports).exitCode()).isZero();
    // WHEN a failing run is killed at the step
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), KillAt.class.getName(),
        step, "validate", "--contracts", "classpath:examples", "-n", "ivanpin", "-e", "blog.list", "-q", "--color",
        "never", "--report-dir",
        reports.toString(), INVALID).redirectErrorStream(true);
    pb.environment().put(ReportContext.SOURCE_DATE_EPOCH, EPOCH);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    // THEN every report file there is one of the failing set, and JSON and JUnit XML only with the whole set
    assertThat(p.exitValue()).as(out).isEqualTo(137);
    assertThat(out).contains("FAILED: 1 of 1 check failed", "halted at " + step);
    Map<String, String> left = contents(reports);
    left.keySet().removeIf(name -> name.startsWith(".validate.report-tmp-"));
    assertThat(left).as(step).allSatisfy((name, content) -> assertThat(content).isEqualTo(failing.get(name)));
    if (left.containsKey("validate.json") || left.containsKey("validate.xml")) {
      assertThat(left).containsKeys("validate.txt", "validate.md", "validate.html");
    }
    // AND the next run writes the whole set and removes what the killed one left
    assertThat(validate(Path.of(INVALID), reports).exitCode()).isEqualTo(1);
    assertThat(contents(reports)).isEqualTo(failing);
  }
}
