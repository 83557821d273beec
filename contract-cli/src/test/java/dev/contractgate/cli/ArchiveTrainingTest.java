package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run of the launcher's class-data archive must keep exercising what users run: if a command of
 * it fell into a usage or input error, the archive would silently lose that command's classes and every later
 * run would load them from the jar again.
 */
class ArchiveTrainingTest {

  @TempDir Path dir;

  @Test
  void every_training_command_runs_to_a_verdict_not_to_an_error() throws Exception {
    List<String[]> commands = ArchiveTraining.commands(dir);
    assertThat(commands).hasSizeGreaterThanOrEqualTo(8);
    for (String[] args : commands) {
      CliRun r = CliRun.run(args);
      // 0 passed, 1 findings; never 2 (usage), 3 (input) or 5 (internal)
      assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isIn(ExitCodes.OK, ExitCodes.FAILED);
    }
  }

  @Test
  void the_openapi_pair_changes_what_the_engine_and_the_report_read() throws Exception {
    List<String[]> commands = ArchiveTraining.commands(dir);
    CliRun yaml = CliRun.run(commands.get(0));
    CliRun json = CliRun.run(commands.get(1));
    assertThat(yaml.exitCode()).isEqualTo(ExitCodes.FAILED);
    // the same findings from the YAML and the JSON text of the descriptions
    assertThat(json.out().lines().skip(2).toList()).isEqualTo(yaml.out().lines().skip(2).toList());
    assertThat(yaml.out()).contains("endpoint.removed", "request.property.required-added", "request.type.narrowed",
        "response.enum.value-added", "request.security.tightened", "GET /pets/{id} (getPet)");
  }
}
