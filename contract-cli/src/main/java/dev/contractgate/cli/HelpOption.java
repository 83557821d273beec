package dev.contractgate.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} for subcommands, which use {@code --version} for a contract version. */
final class HelpOption {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;
}
