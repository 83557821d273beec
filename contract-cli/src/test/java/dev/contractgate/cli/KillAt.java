package dev.contractgate.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Run by tests in a child JVM: the command line after the first argument, with the process halted (as by
 * {@code kill -9}: no finally block, no shutdown hook runs) when the report writing reaches the step named by the
 * first argument (see {@link ReportOptions#writeSet}).
 */
public final class KillAt {

  private KillAt() {}

  public static void main(String[] args) {
    String at = args[0];
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    ReportOptions.step = step -> {
      if (step.equals(at)) {
        out.flush();
        err.println("halted at " + step);
        err.flush();
        Runtime.getRuntime().halt(137);
      }
    };
    int code = ContractCli.run(out, err, Arrays.copyOfRange(args, 1, args.length));
    out.flush();
    err.flush();
    System.exit(code);
  }
}
