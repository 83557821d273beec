package dev.contractgate.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, falling back for runs from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = ContractCli.class.getPackage().getImplementationVersion();
    return new String[] {
      "contract-gate " + (v == null ? "0.1.0-SNAPSHOT" : v),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
