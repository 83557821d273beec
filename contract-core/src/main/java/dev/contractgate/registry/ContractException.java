package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A contract tree, schema or input file that cannot be used as it is.
 *
 * <p>The message always names the file, the line and column or the JSON pointer, what was expected, and a
 * hint, in the shape:
 *
 * <pre>
 * Cannot load contract: ivanpin/1.0.0/endpoints.yaml (line 7, column 5)
 *     expected: one of [GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS] for "method"
 *     but was : "FETCH"
 *     hint    : use an HTTP method name in upper case
 * </pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContractException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final String where;

  /**
   * @param headline what failed, e.g. {@code "Cannot load contract"}
   * @param file the file (tree-relative or as given by the user)
   * @param where {@code "line 7, column 5"} or a JSON pointer; may be empty
   * @param expected what was expected
   * @param actual what was found
   * @param hint what to do about it
   */
  public ContractException(
      String headline, String file, String where, String expected, String actual, String hint) {
    this(headline, file, where, expected, actual, hint, null);
  }

  public ContractException(
      String headline,
      String file,
      String where,
      String expected,
      String actual,
      String hint,
      Throwable cause) {
    super(format(headline, file, where, expected, actual, hint), cause);
    this.file = Objects.requireNonNull(file, "file");
    this.where = where == null ? "" : where;
  }

  /** The file the problem is in. */
  public String file() {
    return file;
  }

  /** The line and column, or the JSON pointer, inside {@link #file()}; empty when the whole file is meant. */
  public String where() {
    return where;
  }

  private static String format(
      String headline, String file, String where, String expected, String actual, String hint) {
    StringBuilder b = new StringBuilder(headline).append(": ").append(file);
    if (where != null && !where.isEmpty()) {
      b.append(where.startsWith("/") || where.startsWith("#") ? " at " + where : " (" + where + ")");
    }
    appendFact(b, "expected", expected);
    appendFact(b, "but was ", actual);
    appendFact(b, "hint    ", hint);
    return b.toString();
  }

  private static void appendFact(StringBuilder b, String key, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    b.append('\n').append("    ").append(key).append(": ");
    b.append(value.replace("\n", "\n" + " ".repeat(4 + key.length() + 2)));
  }
}
