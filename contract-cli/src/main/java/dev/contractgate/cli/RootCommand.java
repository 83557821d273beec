package dev.contractgate.cli;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(
    name = "contract-gate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Versioned JSON Schema contracts for every /api/... namespace: lint them, validate responses,"
            + " diff versions, gate deploys.",
    synopsisSubcommandLabel = "COMMAND",
    // The subcommands are COMMANDS, registered by commandLine: only the one a run names, when it names one.
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:passed: nothing at or above --fail-on",
      "1:failed: breaking changes or contract violations found",
      "2:usage error: unknown option, missing or invalid argument",
      "3:input error: contract or input missing or unreadable, invalid schema, unresolved or remote $ref",
      "4:backend unreachable (live gate only)",
      "5:internal error (a bug); the stack trace is printed with --verbose",
    },
    footerHeading = "%n",
    footer = {
      "Without --contracts, commands use the nearest contract tree upward from the working directory (a folder"
          + " with a contract-gate.yaml, or its contracts/ subfolder); without one they exit 2."
          + " --contracts classpath:examples names the example contracts packaged with the command.",
      "Docs: README.md and docs/ in the Contract Gate repository."
    })
final class RootCommand implements Runnable {

  /**
   * The subcommands by name, in the order {@code --help} lists them. Building a command's picocli model (its
   * options, mixins, converters) costs start-up time, so {@link #commandLine(PrintWriter, PrintWriter, Function,
   * Redactor, String...)} builds only the one a run names; each name must be its class's {@code @Command} name
   * (RootCommandTest checks).
   */
  static final java.util.Map<String, Class<?>> COMMANDS = commands();

  private static java.util.Map<String, Class<?>> commands() {
    java.util.LinkedHashMap<String, Class<?>> m = new java.util.LinkedHashMap<>();
    m.put("demo", DemoCommand.class);
    m.put("verify", VerifyCommand.class);
    m.put("can-deploy", CanDeployCommand.class);
    m.put("check-history", CheckHistoryCommand.class);
    m.put("release", ReleaseCommand.class);
    m.put("record-deployment", RecordDeploymentCommand.class);
    m.put("deployments", DeploymentsCommand.class);
    m.put("diff", DiffCommand.class);
    m.put("drift", DriftCommand.class);
    m.put("import", ImportCommand.class);
    m.put("infer", InferCommand.class);
    m.put("validate", ValidateCommand.class);
    m.put("list", ListCommand.class);
    m.put("stub", StubCommand.class);
    m.put("help", CommandLine.HelpCommand.class);
    return java.util.Collections.unmodifiableMap(m); // in insertion order
  }

  @Spec CommandLine.Model.CommandSpec spec;

  /** Where the search for the nearest contract tree starts; tests pass their own. */
  java.nio.file.Path workingDirectory = java.nio.file.Path.of("").toAbsolutePath();

  /** Where token variables are read; tests pass their own. */
  Function<String, String> environment = System::getenv;

  /** The run's one redaction path: standard output and standard error already go through it. */
  Redactor redactor = new Redactor();

  /** The tree a command loaded and its root folder, for the report's metadata and locations; null before. */
  ContractRegistry loaded;
  java.nio.file.Path loadedRoot;

  /** Teaches the run's redactor the token values of a tree a command loaded; returns the tree. */
  ContractRegistry learn(ContractRegistry registry) {
    redactor.learn(registry, environment);
    return registry;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: pick one of "
        + spec.subcommands().keySet());
  }

  /** The command line with every subcommand (tests run several command lines on one). */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, Function<String, String> environment,
      Redactor redactor) {
    return commandLine(out, err, environment, redactor, new String[0]);
  }

  /**
   * The command line for {@code args}: when the first argument names a command other than {@code help}, only
   * that command is registered, for nothing else of the line can reach another; otherwise (no arguments, an
   * option, {@code help}, an unknown word) every command is, so {@code --help}, {@code help COMMAND} and the
   * usage errors list them all as before.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, Function<String, String> environment,
      Redactor redactor, String... args) {
    RootCommand root = new RootCommand();
    root.environment = environment;
    root.redactor = redactor;
    CommandLine cl = new CommandLine(root);
    String named = args.length > 0 && !"help".equals(args[0]) && COMMANDS.containsKey(args[0]) ? args[0] : null;
    // Registered before the settings below, which picocli applies to the subcommands present at the time.
    COMMANDS.forEach((name, type) -> {
      if (named == null || named.equals(name)) {
        cl.addSubcommand(name, type);
      }
    });
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(new Failures());
    cl.setParameterExceptionHandler(new UsageErrors());
    return cl;
  }

  /**
   * The usage error for a first word that names no command, or null. Checked before picocli parses: with the
   * root's {@code --version} or {@code --help} anywhere on the line, picocli would print that and exit 0, so
   * {@code contract-gate relase --version 1.2.0} looked like a success.
   */
  static Integer unknownCommand(CommandLine cl, String[] args) {
    if (args.length == 0 || args[0].startsWith("-") || COMMANDS.containsKey(args[0])) {
      return null;
    }
    String word = args[0];
    java.util.List<String> names = COMMANDS.keySet().stream().filter(n -> !n.equals("help")).toList();
    String w = word.toLowerCase(java.util.Locale.ROOT);
    // The nearest names within two edits (a prefix of three letters or more counts as one edit away).
    java.util.function.ToIntFunction<String> away = n -> w.length() >= 3 && n.startsWith(w) ? 1 : distance(w, n);
    int best = names.stream().mapToInt(away).min().orElse(Integer.MAX_VALUE);
    java.util.List<String> close = best > 2 ? java.util.List.of()
        : names.stream().filter(n -> away.applyAsInt(n) == best).toList();
    PrintWriter err = cl.getErr();
    err.println("Usage error: unknown command '" + word + "'");
    if (!close.isEmpty()) {
      err.println("Did you mean: " + String.join(" or ", close) + "?");
    }
    err.println("The commands: " + String.join(", ", names) + ". Run 'contract-gate --help' for what each does.");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** Edit distance with adjacent transpositions: "relase" is 1 from "release", "veirfy" 1 from "verify". */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /*
   * The handlers are named classes, not method references: picocli's interfaces are compiled for Java 5, and a
   * lambda implementing one links it while the launcher dumps its class-data archive, which keeps it (and
   * picocli's own implementations) out of the archive and makes every run open the jar to load them.
   */
  private static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
      return handleUsage(e, args);
    }
  }

  private static final class Failures implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
      return handle(e, cl, parsed);
    }
  }

  private static int handleUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("Usage error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof ContractException ce) {
      err.println(ce.getMessage());
      err.flush();
      return ExitCodes.INPUT;
    }
    if (e instanceof CommandFailure f) {
      err.println(f.getMessage());
      err.flush();
      return f.exitCode();
    }
    boolean verbose = parsed.hasMatchedOption("--verbose")
        || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
    err.println("Internal error (a bug in contract-gate): " + e);
    if (verbose) {
      e.printStackTrace(err);
    } else {
      err.println("Run again with --verbose for the stack trace, and report it with the command you ran.");
    }
    err.flush();
    return ExitCodes.INTERNAL;
  }
}
