package dev.contractgate.cli;

import dev.contractgate.record.Redaction;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The last line of defence against leaking a token: every text the command prints or writes passes through
 * here, and every value of a token variable the tree names is replaced, wherever it appears.
 */
final class Redactor {
  static final String MASK = "***";
  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  static Redactor forTree(ContractRegistry registry, Function<String, String> env) {
    List<String> secrets = new ArrayList<>();
    for (Namespace ns : registry.namespaces()) {
      ns.auth().ifPresent(a -> {
        String v = env.apply(a.tokenEnv());
        if (v != null) {
          secrets.add(v);
        }
      });
    }
    return new Redactor(List.copyOf(secrets));
  }

  static Redactor none() {
    return new Redactor(List.of());
  }

  String apply(String text) {
    return Redaction.maskSecrets(text, secrets, MASK);
  }
}
