package dev.contractgate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command with captured output. */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(String... args) {
    return withEnv(k -> null, args);
  }

  static CliRun withEnv(java.util.function.Function<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ContractCli.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
    return new CliRun(code, out.toString(), err.toString());
  }

  String all() {
    return out + err;
  }
}
