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
      // Messages truncate long values ("abc..."): a cut-off token is still a secret.
      for (int len = s.length() - 1; len >= MIN_PREFIX; len--) {
        String cut = s.substring(0, len) + "...";
        if (out.contains(cut)) {
          out = out.replace(cut, MASK);
        }
      }
    }
    return out;
  }

  /** Shorter prefixes of a token are too likely to be ordinary text to mask. */
  private static final int MIN_PREFIX = 8;
}
