package dev.contractgate.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code import --force} never leaves a version missing: a process killed (or a write failing) at any step of the
 * swap leaves a tree whose history a reader sees complete, with the old or the new version, and the next import
 * finishes or undoes the swap and leaves no hidden folder behind.
 */
class ImportForceSwapTest {

  static final Map<String, List<String>> OLD = Map.of("1.0.0", List.of("orders.get"), "1.1.0", List.of("orders.get"));
  static final Map<String, List<String>> NEW = Map.of("1.0.0", List.of("orders.fetch"), "1.1.0", List.of("orders.get"));

  @TempDir Path tmp;
  Path tree;
  Path replacement;

  @BeforeEach
  void twoVersions() throws IOException {
    tree = tmp.resolve("tree");
    Path v1 = Files.writeString(tmp.resolve("v1.yaml"), OpenApiImportTest.Tree.V1);
    OpenApiImport.importInto(v1, tree, "shop", "1.0.0", Optional.empty(), false);
    OpenApiImport.importInto(v1, tree, "shop", "1.1.0", Optional.empty(), false);
    replacement = Files.writeString(tmp.resolve("v1b.yaml"), OpenApiImportTest.Tree.V1.replace("orders.get", "orders.fetch"));
    assertThat(history()).isEqualTo(OLD);
  }

  @AfterEach
  void noHook() {
    ContractWriter.step = s -> { };
  }

  /** What a reader ({@code contract-gate list}, the JUnit extension, the gate) sees: endpoint ids per version. */
  Map<String, List<String>> history() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ContractVersion v : ContractRegistry.load(tree).versions("shop")) {
      out.put(v.version().toString(), v.endpoints().stream().map(Endpoint::id).toList());
    }
    return out;
  }

  List<String> onDisk() throws IOException {
    try (Stream<Path> s = Files.list(tree.resolve("shop"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The next import (of another version) puts the tree in order: what readers saw stays, nothing hidden is left. */
  void nextImportCleansUp(Map<String, List<String>> seen) throws IOException {
    Path v1 = tmp.resolve("v1.yaml");
    OpenApiImport.importInto(v1, tree, "shop", "1.2.0", Optional.empty(), false);
    Map<String, List<String>> expected = new LinkedHashMap<>(seen);
    expected.put("1.2.0", List.of("orders.get"));
    assertThat(history()).isEqualTo(expected);
    assertThat(onDisk()).containsExactly("1.0.0", "1.1.0", "1.2.0", "namespace.yaml");
    try (Stream<Path> s = Files.list(tree)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("shop");
    }
  }

  Process child(String step, String mode) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        ImportKillMain.class.getName(), replacement.toString(), tree.toString(), "1.0.0", step, mode)
        .redirectErrorStream(true).start();
  }

  @ParameterizedTest
  @ValueSource(strings = {"staged", "new complete", "old moved aside", "new in place"})
  void should_keep_every_version_readable_when_the_process_dies_at_a_step(String step) throws Exception {
    // WHEN import --force dies at the step (halted: no finally block runs)
    Process p = child(step, "halt");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isEqualTo(137);
    // THEN a reader sees the whole history, with the old version until the new one was complete, then the new one
    Map<String, List<String>> seen = history();
    assertThat(seen).isEqualTo(step.equals("staged") || step.equals("new complete") ? OLD : NEW);
    // AND the next import finishes or undoes the swap and cleans up
    nextImportCleansUp(seen);
  }

  @Test
  void should_keep_the_new_version_readable_after_a_real_kill_9_between_the_renames() throws Exception {
    // GIVEN import --force waiting after it moved the old version aside, before it moved the new one in
    Process p = child("old moved aside", "wait");
    BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = in.readLine();
    while (line != null && !line.equals("waiting at old moved aside")) {
      line = in.readLine();
    }
    assertThat(line).isEqualTo("waiting at old moved aside");
    assertThat(onDisk()).containsExactly(".1.0.0.import-new", ".1.0.0.import-old", "1.1.0", "namespace.yaml");
    // WHEN it is killed with SIGKILL
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(p.pid())).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(137);
    // THEN readers see every version, 1.0.0 the new one, although its folder is not in place on disk
    assertThat(onDisk()).doesNotContain("1.0.0");
    assertThat(history()).isEqualTo(NEW);
    // AND the next import moves it into place and deletes the old one
    nextImportCleansUp(NEW);
  }

  @ParameterizedTest
  @ValueSource(strings = {"staged", "new complete", "old moved aside"})
  void should_put_the_old_version_back_when_a_step_fails(String step) throws IOException {
    // GIVEN a write that fails at the step
    ContractWriter.step = s -> {
      if (s.equals(step)) {
        throw new IOException("No space left on device");
      }
    };
    // WHEN
    ContractException e = catchThrowableOfType(ContractException.class,
        () -> OpenApiImport.importInto(replacement, tree, "shop", "1.0.0", Optional.empty(), true));
    // THEN the error says so, and the tree is as before, without any leftover
    assertThat(e.getMessage()).contains("Cannot import OpenAPI description", "No space left on device",
        "the version folder is as it was before");
    assertThat(history()).isEqualTo(OLD);
    assertThat(onDisk()).containsExactly("1.0.0", "1.1.0", "namespace.yaml");
  }

  @Test
  void should_replace_with_force_and_leave_nothing_hidden() throws IOException {
    OpenApiImport.importInto(replacement, tree, "shop", "1.0.0", Optional.empty(), true);
    assertThat(history()).isEqualTo(NEW);
    assertThat(onDisk()).containsExactly("1.0.0", "1.1.0", "namespace.yaml");
  }
}
