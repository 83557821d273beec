package dev.contractgate.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.VersionDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second opinion of a large description pair is bounded by counts, not by a share of time: the same pair
 * tries the same instances and gets the same verdicts on any machine, under any load (issue 15).
 */
class SecondOpinionBudgetTest {

  @TempDir Path dir;

  /** {@code ops} operations whose response adds a branch that overlaps: undecided by the rules alone. */
  private static String description(int ops, boolean changed) {
    StringBuilder b = new StringBuilder("openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n");
    for (int i = 0; i < ops; i++) {
      b.append("  /items").append(i).append(":\n    get:\n      operationId: get").append(i)
          .append("\n      responses: {'200': {description: ok, content: {application/json: {schema: {oneOf: [")
          .append("{type: string}, {type: integer}").append(changed ? ", {type: string, maxLength: " + (i + 1) + "}" : "")
          .append("]}}}}}\n");
    }
    return b.toString();
  }

  private VersionDiff diff(int ops) throws IOException {
    Path o = Files.writeString(dir.resolve("old" + ops + ".yaml"), description(ops, false));
    Path n = Files.writeString(dir.resolve("new" + ops + ".yaml"), description(ops, true));
    return OpenApiImport.compare(OpenApiImport.convert(o, "api", "1.0.0", Optional.empty()),
        OpenApiImport.convert(n, "api", "2.0.0", Optional.empty()), DiffPolicy.defaults(), LocalDate.of(2026, 1, 1));
  }

  @Test
  void the_same_pair_tries_the_same_instances_within_the_run_bounds() throws IOException {
    VersionDiff first = diff(120);
    VersionDiff second = diff(120);
    assertThat(first.secondOpinionInstances()).isPositive().isLessThanOrEqualTo(400)
        .isEqualTo(second.secondOpinionInstances());
    assertThat(first.changes()).isEqualTo(second.changes());
  }

  @Test
  void a_small_pair_is_searched_in_full() throws IOException {
    // two endpoints stay far below the run's bounds: each gets its whole search
    assertThat(diff(2).secondOpinionInstances()).isGreaterThan(diff(1).secondOpinionInstances());
  }
}
