package dev.contractgate.cli;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import org.apiguardian.api.API;
import picocli.CommandLine;

/**
 * Entry point of the {@code contract-gate} command.
 *
 * <p>{@link #main} only exits with what {@link #run} returns, so tests call {@code run} with their own
 * writers and assert on output and exit code.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContractCli {

  private ContractCli() {}

  public static void main(String[] args) {
    // Two look-ups that opened the 25 MB jar and indexed its 15,000 entries (~20 ms, issue 15), although every
    // class a run needs comes from the class-data archive: picocli asks for Groovy's Closure class, and SLF4J
    // (networknt's logging) searches the class path for a provider; the jar holds only the no-op one. A value
    // the user set (-D in JAVA_OPTS) is kept.
    defaultProperty("picocli.disable.closures", "true");
    defaultProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
    defaultProperty("slf4j.internal.verbosity", "WARN"); // else SLF4J says on stderr that it took the provider named
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Redactor redactor = new Redactor();
    FutureTask<Void> scan = scan(redactor, args, System::getenv, readsInput(args) ? ContractCli::warmJackson : null);
    // What libraries print or log (java.util.logging writes to System.err) goes through the same redaction.
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    System.setOut(redactor.stream(stdout));
    System.setErr(redactor.stream(stderr));
    int code = run(out, err, System::getenv, redactor, scan, args);
    out.flush();
    err.flush();
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  private static void defaultProperty(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }

  /**
   * Whether the run is a command that reads contracts or inputs (and so builds Jackson's first mapper), not
   * help or an unknown command. ({@code --version} after a command name is an option of its own: release's.)
   */
  static boolean readsInput(String[] args) {
    if (args.length == 0 || "help".equals(args[0]) || !RootCommand.COMMANDS.containsKey(args[0])) {
      return false;
    }
    for (String a : args) {
      if ("--".equals(a)) {
        break;
      }
      if ("-h".equals(a) || "--help".equals(a)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Builds Jackson's shared mapper, which reading a contract or printing a JSON value needs: the first mapper
   * of a JVM costs about 0.1 s of one core (its date format's calendar makes the JDK list every CLDR locale;
   * the java.time set-up), so it is built on the scan's thread while picocli builds the command's model on
   * the main one, and nothing waits for it but the first use.
   */
  private static void warmJackson() {
    try {
      tools.jackson.databind.json.JsonMapper.shared();
    } catch (RuntimeException | LinkageError e) {
      // the command's own first use reports it
    }
  }

  /** Runs the command line and returns its exit code (see {@link ExitCodes}). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System::getenv, args);
  }

  /** As {@link #run(PrintWriter, PrintWriter, String...)} with the environment variables given (for tests). */
  static int run(PrintWriter out, PrintWriter err, Function<String, String> environment, String... args) {
    Redactor redactor = new Redactor();
    return run(out, err, environment, redactor, scan(redactor, args, environment, null), args);
  }

  /**
   * Starts the run's first pass for secrets ({@link SecretScan}) on a thread of its own, which overlaps with
   * picocli's building of the command's model; {@link #awaitScan} waits for it before anything is parsed, read
   * or printed. The thread then runs {@code then} (when not null), which nothing waits for.
   */
  private static FutureTask<Void> scan(Redactor redactor, String[] args, Function<String, String> environment,
      Runnable then) {
    FutureTask<Void> task = new FutureTask<>(() -> SecretScan.beforeParse(redactor, args, environment), null);
    Runnable both = then == null ? task : () -> {
      task.run();
      then.run();
    };
    Thread thread = new Thread(both, "contract-gate-secret-scan");
    thread.setDaemon(true);
    thread.start();
    return task;
  }

  /**
   * Waits for the first pass; false when it failed, and then nothing may be printed but a fixed message: the
   * redactor may not know every secret yet.
   */
  private static boolean awaitScan(FutureTask<Void> scan) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          scan.get();
          return true;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          return false;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Runs with standard output and standard error masked by {@code redactor}: whatever the command, picocli
   * or an error handler prints goes through it.
   */
  private static int run(PrintWriter rawOut, PrintWriter rawErr, Function<String, String> environment,
      Redactor redactor, FutureTask<Void> scan, String... args) {
    Redactor.MaskingWriter maskedOut = redactor.writer(rawOut);
    Redactor.MaskingWriter maskedErr = redactor.writer(rawErr);
    PrintWriter out = maskedOut.printer();
    PrintWriter err = maskedErr.printer();
    try {
      return execute(out, err, environment, redactor, scan, args);
    } finally {
      out.flush();
      err.flush();
      try {
        maskedOut.drain();
        maskedErr.drain();
      } catch (java.io.IOException e) {
        // the caller's writers do not throw (PrintWriter)
      }
    }
  }

  private static int execute(PrintWriter out, PrintWriter err, Function<String, String> environment,
      Redactor redactor, FutureTask<Void> scan, String... args) {
    CommandLine cl;
    boolean scanned;
    try {
      cl = RootCommand.commandLine(out, err, environment, redactor, args);
    } finally {
      scanned = awaitScan(scan); // also before a failure here is printed
    }
    if (!scanned) {
      err.println("Internal error (a bug in contract-gate): the scan of the arguments for secrets failed."
          + " Report it with the command you ran.");
      err.flush();
      return ExitCodes.INTERNAL;
    }
    Integer unknown = RootCommand.unknownCommand(cl, args);
    if (unknown != null) {
      return unknown;
    }
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      // Never exit 1 ("contract violated") because the tool itself broke.
      err.println("Internal error: out of memory. Give the JVM more heap, e.g. JAVA_OPTS=-Xmx2g ./contract-gate ...");
      err.flush();
      return ExitCodes.INTERNAL;
    } catch (StackOverflowError e) {
      err.println("Internal error (a bug in contract-gate): stack overflow. Report it with the command you ran.");
      err.flush();
      return ExitCodes.INTERNAL;
    } catch (Throwable e) {
      // picocli hands only Exceptions to the handler; a broken install (NoClassDefFoundError ...) lands here.
      err.println("Internal error (a bug or a broken installation): " + e.getClass().getName()
          + ". Report it with the command you ran.");
      err.flush();
      return ExitCodes.INTERNAL;
    }
  }
}
