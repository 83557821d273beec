package dev.contractgate.cli;

import dev.contractgate.record.Redaction;
import dev.contractgate.record.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first pass, before the command line is parsed or any input read: what the redactor must know before a
 * contract tree loads, since a tree that does not load has no namespaces to ask for their token variables,
 * and its error message may quote the token.
 *
 * <ul>
 *   <li>every {@code namespace.yaml} of the contract trees the arguments point at ({@code --contracts DIR},
 *       {@code --out DIR}, and any directory argument, with its parent and grandparent: a version folder's tree)
 *       is read as text, line by line, so that even a file that is not valid YAML is understood: each
 *       {@code tokenEnv:} value names a variable whose value is a secret; a value that is not an upper-case
 *       variable name that is set (a token pasted where the name belongs) is a secret itself; each
 *       {@code header:} value is a secret header;
 *   <li>the user-info of every URL among the arguments ({@code --base-url https://user:password@host});
 *   <li>the values of secret headers given as arguments ({@code validate -H 'X-WGP-Token: ...'}).
 * </ul>
 */
final class SecretScan {

  private static final Pattern TOKEN_ENV = Pattern.compile("[\"']?tokenEnv[\"']?\\s*:\\s*(.*)");
  private static final Pattern HEADER = Pattern.compile("[\"']?header[\"']?\\s*:\\s*(.*)");
  private static final Pattern VARIABLE = Pattern.compile("[A-Z_][A-Z0-9_]*");
  private static final Pattern HEADER_ARG = Pattern.compile("\\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)\\s*:\\s*(.*)", Pattern.DOTALL);
  /** Children of a directory looked at for their {@code namespace.yaml}. */
  private static final int MAX_CHILDREN = 1000;
  private static final int MAX_FILE_BYTES = 1 << 20;

  private SecretScan() {}

  /** Adds what the arguments tell to {@code redactor}. */
  static void beforeParse(Redactor redactor, String[] args, Function<String, String> env) {
    List<String> secrets = new ArrayList<>();
    Set<String> headers = new TreeSet<>(Redaction.DEFAULT_HEADERS);
    Set<Path> dirs = new LinkedHashSet<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a == null) {
        continue;
      }
      Secrets.userInfo(a).ifPresent(u -> Secrets.learnUserInfo(u, secrets));
      directory(a.startsWith("--") && a.indexOf('=') > 0 ? a.substring(a.indexOf('=') + 1) : a, dirs);
    }
    Set<Path> files = new LinkedHashSet<>();
    for (Path d : dirs) {
      Path abs = d.toAbsolutePath().normalize();
      for (Path x = abs; x != null && abs.getNameCount() - x.getNameCount() <= 2; x = x.getParent()) {
        namespaceFiles(x, files);
      }
    }
    for (Path f : files) {
      scan(f, env, secrets, headers);
    }
    Redaction names = Redaction.defaults().withHeaders(headers);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a == null) {
        continue;
      }
      if (a.startsWith("--header=")) {
        a = a.substring("--header=".length());
      } else if (a.startsWith("-H") && a.length() > 2) {
        a = a.substring(2);
      }
      Matcher m = HEADER_ARG.matcher(a);
      if (m.matches() && names.isSecretHeader(m.group(1))) {
        names.learnHeader(m.group(1), m.group(2).trim(), secrets);
      }
    }
    redactor.add(secrets);
  }

  /**
   * What a {@code tokenEnv} value stands for: the variable's value when it is set; the value itself when it
   * is not a conventional variable name (upper case, digits, '_') that is set, for then it may be the token
   * pasted where its variable's name belongs.
   */
  static List<String> tokenEnv(String value, Function<String, String> env) {
    List<String> out = new ArrayList<>();
    String v = value.trim();
    if (v.isEmpty()) {
      return out;
    }
    String set = v.matches("[A-Za-z_][A-Za-z0-9_]*") ? env.apply(v) : null;
    if (set != null) {
      out.add(set);
    }
    if (set == null && !VARIABLE.matcher(v).matches()) {
      Secrets.learnCredential(v, out);
    }
    return out;
  }

  private static void directory(String arg, Set<Path> dirs) {
    if (arg.isEmpty() || arg.indexOf('\0') >= 0 || arg.startsWith("-")) {
      return;
    }
    try {
      Path p = Path.of(arg);
      if (Files.isDirectory(p)) {
        dirs.add(p);
      }
    } catch (RuntimeException e) {
      // not a path
    }
  }

  /** {@code dir/namespace.yaml} and {@code dir/* /namespace.yaml} (or {@code .yml}). */
  private static void namespaceFiles(Path dir, Set<Path> files) {
    namespaceFile(dir, files);
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      int n = 0;
      for (Path child : children) {
        if (n++ == MAX_CHILDREN) {
          break;
        }
        if (Files.isDirectory(child)) {
          namespaceFile(child, files);
        }
      }
    } catch (IOException | RuntimeException e) {
      // unreadable: the command says so, masked
    }
  }

  private static void namespaceFile(Path dir, Set<Path> files) {
    for (String name : List.of("namespace.yaml", "namespace.yml")) {
      Path f = dir.resolve(name);
      if (Files.isRegularFile(f)) {
        files.add(f);
      }
    }
  }

  /** Reads one {@code namespace.yaml} as text: every {@code tokenEnv:} and {@code header:} value. */
  private static void scan(Path file, Function<String, String> env, List<String> secrets, Set<String> headers) {
    String text;
    try (InputStream in = Files.newInputStream(file)) {
      text = new String(in.readNBytes(MAX_FILE_BYTES), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return;
    }
    for (String line : text.split("\r\n|\r|\n")) {
      Matcher t = TOKEN_ENV.matcher(line);
      if (t.find()) {
        secrets.addAll(tokenEnv(scalar(t.group(1)), env));
      }
      Matcher h = HEADER.matcher(line);
      if (h.find()) {
        String name = scalar(h.group(1));
        if (!name.isEmpty()) {
          headers.add(name.toLowerCase(Locale.ROOT));
        }
      }
    }
  }

  /** The YAML scalar at the start of {@code rest}: quoted, or up to a ',', '}', ']' or comment. */
  static String scalar(String rest) {
    String r = rest.trim();
    if (r.startsWith("\"") || r.startsWith("'")) {
      int close = r.indexOf(r.charAt(0), 1);
      return close < 0 ? r.substring(1).trim() : r.substring(1, close);
    }
    int end = r.length();
    for (int i = 0; i < r.length(); i++) {
      char c = r.charAt(i);
      if (c == ',' || c == '}' || c == ']' || (c == '#' && i > 0 && Character.isWhitespace(r.charAt(i - 1)))) {
        end = i;
        break;
      }
    }
    return r.substring(0, end).trim();
  }
}
