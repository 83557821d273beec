package dev.contractgate.cli;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.Namespace;
import java.util.ArrayList;
import java.util.Comparator;
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
        // Very short values would mask ordinary words; no real token is that short.
        if (v != null && v.length() >= 4) {
          secrets.add(v);
        }
      });
    }
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(List.copyOf(secrets));
  }

  static Redactor none() {
    return new Redactor(List.of());
  }

  String apply(String text) {
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, MASK);
    }
    return out;
  }
}
