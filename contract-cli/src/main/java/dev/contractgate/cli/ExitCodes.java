package dev.contractgate.cli;

/** The command's exit codes; "deploy blocked" (1) is kept apart from "tool broken" (3-5). */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int INPUT = 3;
  static final int UNREACHABLE = 4;
  static final int INTERNAL = 5;

  static final String[] LIST = {
    "0:passed: nothing at or above --fail-on",
    "1:failed: breaking changes or contract violations found",
    "2:usage error: unknown option, missing or invalid argument",
    "3:input error: contract or input missing or unreadable, invalid schema, unresolved or remote $ref",
    "4:backend unreachable (live gate only)",
    "5:internal error (a bug); the stack trace is printed with --verbose",
  };

  private ExitCodes() {}
}
