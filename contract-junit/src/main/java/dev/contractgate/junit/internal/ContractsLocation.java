package dev.contractgate.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Where the contract tree comes from: {@code dir:<path>} (relative to the working directory, which Maven and
 * Gradle set to the module), {@code classpath:<root>}, or a bare classpath root.
 *
 * @param key normalised, so that two spellings of one location share one loaded registry
 * @param setting the raw setting, for messages
 */
@API(status = INTERNAL, since = "0.1")
public record ContractsLocation(String key, Setting setting) {

  public ContractsLocation {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(setting, "setting");
  }

  public static ContractsLocation of(Setting setting) {
    String v = setting.value();
    if (v.startsWith("dir:")) {
      String dir = v.substring("dir:".length()).trim();
      if (dir.isEmpty()) {
        throw invalid(setting, "a directory after dir:");
      }
      return new ContractsLocation("dir:" + Path.of(dir).toAbsolutePath().normalize(), setting);
    }
    String root = v.startsWith("classpath:") ? v.substring("classpath:".length()) : v;
    root = root.replaceAll("^/+", "").replaceAll("/+$", "");
    if (root.isEmpty()) {
      throw invalid(setting, "a classpath root after classpath:");
    }
    return new ContractsLocation("classpath:" + root, setting);
  }

  /** Loads the tree; any problem becomes a configuration error that also says where the location was set. */
  public ContractRegistry load(ClassLoader loader) {
    try {
      if (key.startsWith("dir:")) {
        Path dir = Path.of(key.substring("dir:".length()));
        if (!Files.isDirectory(dir)) {
          throw new ExtensionConfigurationException(Messages.of(
              "Cannot load the contracts at " + key + " (from " + setting.source() + ")",
              "a directory holding a contract tree (<namespace>/<version>/endpoints.yaml)",
              Files.exists(dir) ? "a file, not a directory" : "no such directory",
              "check the path (relative paths start at the module directory), or use classpath:"
                  + ContractRegistry.DEFAULT_CLASSPATH_ROOT + " with the contracts jar; see " + Messages.DOCS));
        }
        return ContractRegistry.load(dir);
      }
      return ContractRegistry.loadClasspath(key.substring("classpath:".length()), loader);
    } catch (ContractException e) {
      throw new ExtensionConfigurationException(Messages.of(
          "Cannot load the contracts at " + key + " (from " + setting.source() + ")",
          "a contract tree that loads",
          e.getMessage().replace("\n", "\n  "),
          key.startsWith("classpath:")
              ? "add the jar that packages the contracts as a test dependency, or set " + Configuration.CONTRACTS
                  + "=dir:path/to/contracts; see " + Messages.DOCS
              : "fix the contract tree as the message above says"), e);
    }
  }

  private static ExtensionConfigurationException invalid(Setting setting, String expected) {
    return new ExtensionConfigurationException(Messages.of(
        "Invalid " + setting.key() + " (from " + setting.source() + ")", expected,
        Messages.quote(setting.value()),
        "write dir:path/to/contracts or classpath:" + ContractRegistry.DEFAULT_CLASSPATH_ROOT + "; see "
            + Messages.DOCS));
  }
}
