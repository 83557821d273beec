package dev.contractgate.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} and {@code --verbose} for subcommands, which use {@code --version} for a contract version. */
final class HelpOption {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--verbose", description = "Print the stack trace of an internal error; for diff, every finding's details too.")
  boolean verbose;
}
