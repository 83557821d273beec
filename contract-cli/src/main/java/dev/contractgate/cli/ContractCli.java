package dev.contractgate.cli;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the command line and returns its exit code (see {@link ExitCodes}). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System::getenv, args);
  }

  /** As {@link #run(PrintWriter, PrintWriter, String...)} with the environment variables given (for tests). */
  static int run(PrintWriter out, PrintWriter err, Function<String, String> environment, String... args) {
    CommandLine cl = RootCommand.commandLine(out, err, environment);
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
