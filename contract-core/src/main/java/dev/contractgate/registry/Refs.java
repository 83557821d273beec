package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apiguardian.api.API;

/**
 * Resolves a {@code $ref} against the file it appears in, inside the contract tree only.
 *
 * <p>Resolution is purely lexical: a file path relative to the referring file's directory and a JSON pointer
 * fragment. Anything that would need a network, the file system outside the tree, or {@code $id}-based base
 * URIs is refused with a {@link RefException}, so no caller can reach beyond the tree by accident.
 */
@API(status = INTERNAL, since = "0.1")
public final class Refs {


  private Refs() {}

  /** Why a {@code $ref} cannot be resolved; the message is a fragment for a larger error. */
  public static final class RefException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    RefException(String message, String hint) {
      super(message);
      this.hint = hint;
    }

    public String hint() {
      return hint;
    }
  }

  /** True when the reference names a scheme, i.e. would leave the tree ({@code http:}, {@code file:} ...). */
  public static boolean isRemote(String ref) {
    // A scheme ("https:", "urn:"), checked by hand rather than by regex: this runs for every reference of
    // every schema compared.
    if (ref.isEmpty() || !isAsciiLetter(ref.charAt(0))) {
      return false;
    }
    for (int i = 1; i < ref.length(); i++) {
      char c = ref.charAt(i);
      if (c == ':') {
        return true;
      }
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
        return false;
      }
    }
    return false;
  }

  /** A scheme's {@code //}, then user-info up to the last {@code @} before the host (a password may hold one). */
  private static final java.util.regex.Pattern USER_INFO =
      java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\\s\"'<>]+@");

  /**
   * {@code text} with the user-info of every URL in it replaced by {@code mask}
   * ({@code https://user:pw@host} → {@code https://***@host}); e-mail addresses and URLs without user-info
   * are left alone.
   */
  public static String maskUserInfo(String text, String mask) {
    if (text == null || text.indexOf("://") < 0 || text.indexOf('@') < 0) {
      return text;
    }
    return USER_INFO.matcher(text).replaceAll("$1" + java.util.regex.Matcher.quoteReplacement(mask) + "@");
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /**
   * Resolves {@code ref} found in {@code from.file()}.
   *
   * @return the target file (tree-relative) and JSON pointer
   * @throws RefException for a remote reference, one that escapes the tree, or an anchor fragment
   */
  public static SourceLocation resolve(SourceLocation from, String ref) {
    if (isRemote(ref)) {
      throw new RefException(
          "a remote reference",
          "$ref resolves only inside the contract tree; copy the schema into the tree and use a relative"
              + " path such as \"common.schema.json#/$defs/Author\"");
    }
    int hash = ref.indexOf('#');
    String pathPart = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : decode(ref.substring(hash + 1));
    if (!fragment.isEmpty() && !fragment.startsWith("/")) {
      throw new RefException(
          "a plain-name fragment (anchor) \"#" + fragment + "\"",
          "refer to the definition by JSON pointer, e.g. \"#/$defs/" + fragment + "\"");
    }
    String file = pathPart.isEmpty() ? from.file() : join(directory(from.file()), decode(pathPart));
    return new SourceLocation(file, fragment);
  }

  static String directory(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "" : file.substring(0, slash);
  }

  /** Joins and normalises, refusing any path that climbs above the tree root. */
  public static String join(String dir, String relative) {
    if (relative.startsWith("/")) {
      throw new RefException(
          "an absolute path \"" + relative + "\"",
          "write the path relative to the file that holds the $ref");
    }
    Deque<String> parts = new ArrayDeque<>();
    if (!dir.isEmpty()) {
      for (String p : dir.split("/")) {
        parts.addLast(p);
      }
    }
    for (String p : relative.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          throw new RefException(
              "a path that leaves the contract tree \"" + relative + "\"",
              "keep shared schemas inside the contract tree and refer to them with a path that stays in it");
        }
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }

  private static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new RefException(
          "a malformed percent-encoding \"" + s + "\"",
          "write '%' followed by two hex digits (e.g. %20 for a space), or avoid '%' in file and definition names");
    }
  }
}
