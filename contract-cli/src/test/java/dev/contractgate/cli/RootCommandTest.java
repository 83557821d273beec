package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The root command registers only the subcommand a run names (its picocli model is most of the start-up of a
 * small command), and every listing of the commands stays as it was when all were registered up front. The
 * help texts under {@code help/} were captured from the command before that change.
 */
class RootCommandTest {

  static final List<String> ALL = List.of("demo", "verify", "can-deploy", "check-history", "release",
      "record-deployment", "deployments", "diff", "drift", "import", "infer", "validate", "list", "stub", "help");

  static CommandLine commandLine(String... args) {
    PrintWriter sink = new PrintWriter(new StringWriter());
    return RootCommand.commandLine(sink, sink, k -> null, new Redactor(), args);
  }

  static String resource(String name) throws IOException {
    try (InputStream in = RootCommandTest.class.getResourceAsStream("help/" + name)) {
      assertThat(in).as("test resource help/" + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Standard output or error as it would reach a terminal on this project's reference platform. */
  static String unix(String s) {
    return s.replace(System.lineSeparator(), "\n");
  }

  @Nested
  class Registration {

    @Test
    void every_listed_name_is_its_commands_own_name_in_the_order_help_lists_them() {
      assertThat(RootCommand.COMMANDS.keySet()).containsExactlyElementsOf(ALL);
      RootCommand.COMMANDS.forEach((name, type) ->
          assertThat(type.getAnnotation(CommandLine.Command.class).name()).as(type.getSimpleName()).isEqualTo(name));
    }

    @Test
    void a_run_that_names_a_command_builds_only_that_commands_model() {
      assertThat(commandLine("diff", "old.json", "new.json").getSubcommands().keySet()).containsExactly("diff");
      assertThat(commandLine("verify", "--help").getSubcommands().keySet()).containsExactly("verify");
      // A nested command comes with its parent.
      CommandLine imp = commandLine("import", "openapi", "--help");
      assertThat(imp.getSubcommands().keySet()).containsExactly("import");
      assertThat(imp.getSubcommands().get("import").getSubcommands().keySet()).containsExactly("openapi");
    }

    @Test
    void help_no_command_an_option_first_or_an_unknown_word_registers_every_command_in_order() {
      for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help"},
          new String[] {"help", "diff"}, new String[] {"-V"}, new String[] {"relase"}, new String[] {"Diff"},
          new String[] {"--verbose", "diff"}, new String[] {""})) {
        assertThat(commandLine(args).getSubcommands().keySet()).as(String.join(" ", args))
            .containsExactlyElementsOf(ALL);
      }
      assertThat(RootCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
          k -> null, new Redactor()).getSubcommands().keySet()).containsExactlyElementsOf(ALL);
    }

    @Test
    void settings_reach_the_lazily_registered_command() {
      // Case-insensitive enum values and the usage-error handler are set on the root after registration.
      CliRun run = CliRun.run("diff", "--fail-on", "WARNING", "--bogus");
      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).startsWith("Usage error: Unknown option: '--bogus'")
          .contains("Run 'contract-gate diff --help' for the options.");
      assertThat(run.out()).isEmpty();
    }
  }

  @Nested
  class Help_is_unchanged {

    @Test
    void root_help_and_help_without_a_command() throws IOException {
      String expected = resource("root.txt");
      for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"})) {
        CliRun run = CliRun.run(args);
        assertThat(run.exitCode()).isZero();
        assertThat(unix(run.out())).as(String.join(" ", args)).isEqualTo(expected);
        assertThat(run.err()).isEmpty();
      }
    }

    @Test
    void a_commands_help_by_option_and_by_the_help_command() throws IOException {
      assertThat(unix(CliRun.run("diff", "--help").out())).isEqualTo(resource("diff.txt"));
      assertThat(unix(CliRun.run("help", "diff").out())).isEqualTo(resource("diff.txt"));
      assertThat(unix(CliRun.run("verify", "--help").out())).isEqualTo(resource("verify.txt"));
      assertThat(unix(CliRun.run("help", "verify").out())).isEqualTo(resource("verify.txt"));
    }

    @Test
    void no_command_lists_every_command() throws IOException {
      CliRun run = CliRun.run();
      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(unix(run.err())).isEqualTo(resource("no-command.err.txt"));
    }

    @Test
    void an_unknown_command_still_gets_its_did_you_mean_and_the_full_list() {
      CliRun run = CliRun.run("relase", "--version", "1.2.0");
      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(unix(run.err())).isEqualTo("Usage error: unknown command 'relase'\n"
          + "Did you mean: release?\n"
          + "The commands: demo, verify, can-deploy, check-history, release, record-deployment, deployments, diff,"
          + " drift, import, infer, validate, list, stub. Run 'contract-gate --help' for what each does.\n");
    }
  }

  @Nested
  class Secret_scan_on_a_thread_of_its_own {

    @TempDir
    Path dir;

    @Test
    void what_it_finds_is_masked_in_the_first_thing_printed() {
      // The scan runs while picocli builds the command's model; the usage error quoting the URL comes after it.
      String password = "pw" + "x7Kq2mZr9Tb4";
      for (int i = 0; i < 20; i++) {
        CliRun run = CliRun.run("diff", "https://ci:" + password + "@example.test/old.json", "new.json");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).contains("Cannot read input: https:/" + Redactor.MASK + "@example.test/old.json")
            .doesNotContain(password).doesNotContain(password.substring(0, 8));
      }
    }

    @Test
    void a_scan_that_fails_prints_only_a_fixed_message_and_exits_internal() throws IOException {
      Path ns = Files.createDirectories(dir.resolve("tree/pets"));
      Files.writeString(ns.resolve("namespace.yaml"), "id: pets\nauth:\n  tokenEnv: PETS_TOKEN\n");
      String secret = "sk_live_" + "Zq8Wm3Rt6Yp1";
      CliRun run = CliRun.withEnv(k -> {
        throw new IllegalStateException("environment unreadable: " + secret);
      }, "list", "--contracts", dir.resolve("tree").toString());
      assertThat(run.exitCode()).isEqualTo(ExitCodes.INTERNAL);
      assertThat(run.err()).isEqualTo("Internal error (a bug in contract-gate): the scan of the arguments for"
          + " secrets failed. Report it with the command you ran." + System.lineSeparator());
      assertThat(run.out()).isEmpty();
    }
  }

  @Nested
  class Diff_output {

    @TempDir
    Path dir;

    @Test
    void ends_with_a_line_separator_in_every_format_so_the_shell_prompt_starts_on_its_own_line() throws IOException {
      Path s1 = Files.writeString(dir.resolve("s1.json"),
          "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}");
      Path s2 = Files.writeString(dir.resolve("s2.json"),
          "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}},\"required\":[\"a\"]}");
      Map<String, List<String>> runs = Map.of(
          "changed", List.of(s1.toString(), s2.toString()),
          "unchanged", List.of(s1.toString(), s1.toString()));
      for (Map.Entry<String, List<String>> pair : runs.entrySet()) {
        for (List<String> options : List.of(List.<String>of(), List.of("--verbose"), List.of("--show-info"),
            List.of("--format", "markdown"), List.of("--format", "json"), List.of("--format", "html"),
            List.of("--format", "sarif"), List.of("--format", "junit"), List.of("--color", "always"))) {
          List<String> args = new java.util.ArrayList<>(List.of("diff"));
          args.addAll(pair.getValue());
          args.addAll(options);
          CliRun run = CliRun.run(args.toArray(String[]::new));
          assertThat(run.exitCode()).as(pair.getKey() + " " + options).isEqualTo("changed".equals(pair.getKey()) ? 1 : 0);
          assertThat(run.out()).as(pair.getKey() + " " + options).isNotBlank().endsWith("\n");
          assertThat(run.out()).as(pair.getKey() + " " + options).doesNotEndWith("\n\n");
        }
      }
    }
  }
}
