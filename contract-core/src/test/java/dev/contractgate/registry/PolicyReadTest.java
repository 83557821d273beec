package dev.contractgate.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Policy#read(Path)}: a policy file given on its own, as to {@code diff --policy}. */
class PolicyReadTest {

  @TempDir Path dir;

  private Path policyFile(String yaml) throws Exception {
    return Files.writeString(Files.createDirectories(dir.resolve("ci")).resolve("strict.yaml"), yaml);
  }

  @Test
  void should_read_a_policy_file_outside_a_tree_and_name_it_by_its_file_name() throws Exception {
    // GIVEN
    Path file = policyFile("""
        severities:
          response.enum.value-added: breaking
        exceptions:
          - rule: response.property.removed
            location: shop/1.0.0/order.get
            reason: never read
        """);
    // WHEN
    Policy policy = Policy.read(file);
    // THEN
    assertThat(policy.file()).isEqualTo("strict.yaml");
    assertThat(policy.severities()).containsEntry("response.enum.value-added", "breaking");
    assertThat(policy.exemptions()).singleElement()
        .satisfies(x -> assertThat(x.source()).hasToString("strict.yaml#/exceptions/0"));
    assertThat(policy.limits()).isEqualTo(Policy.Limits.defaults());
  }

  @Test
  void should_name_a_bad_policy_file_by_its_file_name_with_line_and_column() throws Exception {
    // GIVEN
    Path file = policyFile("""
        severities:
          response.enum.value-added: fatal
        """);
    // WHEN
    ContractException e = catchThrowableOfType(ContractException.class, () -> Policy.read(file));
    // THEN
    assertThat(e.file()).isEqualTo("strict.yaml");
    assertThat(e.where()).isEqualTo("line 2, column 30, at /severities/response.enum.value-added");
    assertThat(e.getMessage())
        .startsWith("Cannot load contract: strict.yaml (line 2, column 30, at /severities/response.enum.value-added)")
        .contains("expected: one of [breaking, info, off, warning]")
        .contains("but was : \"fatal\"");
  }

  @Test
  void should_fail_on_a_missing_policy_file() {
    // GIVEN
    Path file = dir.resolve("nope.yaml");
    // WHEN
    ContractException e = catchThrowableOfType(ContractException.class, () -> Policy.read(file));
    // THEN
    assertThat(e.file()).isEqualTo(file.toString());
    assertThat(e.where()).isEmpty();
    assertThat(e.getMessage())
        .startsWith("Cannot load policy: " + file + "\n")
        .contains("expected: a contract-gate.yaml policy file")
        .contains("but was : no such file")
        .contains("hint    : check the path given to --policy");
  }
}
