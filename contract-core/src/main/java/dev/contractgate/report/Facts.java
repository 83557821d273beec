package dev.contractgate.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The one layout of a message with facts, after Truth's fact keys: a headline, then one indented, aligned
 * {@code key: value} line per fact, continuation lines under the value.
 *
 * <pre>
 * Cannot load contract: ivanpin/1.0.0/endpoints.yaml (line 7, column 5)
 *     expected: one of [GET, POST, ...] for "method"
 *     but was : "FETCH"
 *     hint    : use an HTTP method name in upper case
 * </pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Facts {

  /** Keys are padded to this width so that the colons line up. */
  public static final int KEY_WIDTH = 8;

  private static final String INDENT = "    ";
  private static final String CONTINUATION = "\n" + " ".repeat(INDENT.length() + KEY_WIDTH + 2);

  private Facts() {}

  /** Appends one fact line; an empty value is written too (callers decide what to leave out). */
  public static StringBuilder append(StringBuilder b, String key, String value) {
    b.append('\n').append(INDENT).append(key);
    for (int i = key.length(); i < KEY_WIDTH; i++) {
      b.append(' ');
    }
    return b.append(": ").append(value.replace("\n", CONTINUATION));
  }

  /** The headline, then every fact with a non-empty value. */
  public static String render(String headline, List<Report.Fact> facts) {
    StringBuilder b = new StringBuilder(headline);
    for (Report.Fact f : facts) {
      if (!f.value().isEmpty()) {
        append(b, f.key(), f.value());
      }
    }
    return b.toString();
  }
}
