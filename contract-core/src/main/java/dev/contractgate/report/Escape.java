package dev.contractgate.report;

import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import java.util.ArrayList;
import java.util.List;

/** Text clean-up and escaping shared by the renderers. */
final class Escape {

  private Escape() {}

  /**
   * Drops what no rendering may carry: control characters other than tab and line feed, DEL and the C1
   * controls, lone surrogates, U+FFFE and U+FFFF (all illegal in XML 1.0, or parse errors in HTML). Line
   * breaks become {@code \n}.
   */
  static String clean(String s) {
    StringBuilder b = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean keep;
      if (c == '\r') {
        if (b == null) {
          b = new StringBuilder(n).append(s, 0, i);
        }
        if (i + 1 < n && s.charAt(i + 1) == '\n') {
          continue;
        }
        b.append('\n');
        continue;
      }
      if (Character.isHighSurrogate(c)) {
        keep = i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
        if (keep) {
          if (b != null) {
            b.append(c).append(s.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else if (Character.isLowSurrogate(c)) {
        keep = false;
      } else {
        keep = c == '\t' || c == '\n' || (c >= 0x20 && c < 0x7F) || (c > 0x9F && c != 0xFFFE && c != 0xFFFF);
      }
      if (keep) {
        if (b != null) {
          b.append(c);
        }
      } else if (b == null) {
        b = new StringBuilder(n).append(s, 0, i);
      }
    }
    return b == null ? s : b.toString();
  }

  /** {@link #clean} and every line break as one space, for one-line contexts. */
  static String oneLine(String s) {
    return clean(s).replace('\n', ' ').replace('\t', ' ');
  }

  /** HTML text and attribute values: {@code & < > " '}. */
  static String html(String s) {
    String c = clean(s);
    StringBuilder b = new StringBuilder(c.length() + 16);
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  /** XML character data and attribute values; line breaks and tabs survive attribute normalisation. */
  static String xml(String s, boolean attribute) {
    String c = clean(s);
    StringBuilder b = new StringBuilder(c.length() + 16);
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append(attribute ? "&quot;" : "\"");
        case '\'' -> b.append(attribute ? "&apos;" : "'");
        case '\n' -> b.append(attribute ? "&#10;" : "\n");
        case '\t' -> b.append(attribute ? "&#9;" : "\t");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  /**
   * One finding in the fact shape (docs/reports.md#the-fact-shape): a head line, then the facts with aligned keys, multi-line
   * values indented under their key, the hint last but before the schema fragments.
   */
  static void factBlock(StringBuilder b, String indent, int index, Finding f) {
    b.append(indent).append('[').append(index).append("] ").append(f.level().name()).append(' ')
        .append(oneLine(f.rule()));
    if (!f.where().isEmpty()) {
      b.append(" at ").append(oneLine(f.where()));
    }
    b.append('\n');
    facts(b, indent + "    ", f, true);
  }

  /** The fact lines of {@link #factBlock}, each starting with {@code pad}; fragments only when asked. */
  static void facts(StringBuilder b, String pad, Finding f, boolean fragments) {
    List<Fact> lines = new ArrayList<>(f.facts());
    if (!f.hint().isEmpty()) {
      lines.add(new Fact("hint", f.hint()));
    }
    if (fragments && !f.oldFragment().isEmpty()) {
      lines.add(new Fact("old", f.oldFragment()));
    }
    if (fragments && !f.newFragment().isEmpty()) {
      lines.add(new Fact("new", f.newFragment()));
    }
    int width = 8;
    for (Fact fact : lines) {
      width = Math.max(width, oneLine(fact.key()).length());
    }
    String continuation = "\n" + " ".repeat(pad.length() + width + 2);
    for (Fact fact : lines) {
      String key = oneLine(fact.key());
      b.append(pad).append(key).append(" ".repeat(width - key.length())).append(": ")
          .append(clean(fact.value()).replace("\n", continuation)).append('\n');
    }
  }
}
