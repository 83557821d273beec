package dev.contractgate.registry;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Where a value sits in a document, as the walk that reached it: the JSON pointer is spelled out only when asked
 * for (a message, an {@code $id} or anchor to record). Walks over every node of a large description built a
 * pointer string per node although almost none was ever read (issue 15).
 */
@API(status = INTERNAL, since = "0.4")
public final class PointerTrail {

  private final PointerTrail parent;
  private final String member; // unescaped member name, or null for an array index
  private final int index;
  private String text;

  private PointerTrail(PointerTrail parent, String member, int index, String text) {
    this.parent = parent;
    this.member = member;
    this.index = index;
    this.text = text;
  }

  /** A trail starting at {@code pointer} (RFC 6901, empty for the document). */
  public static PointerTrail at(String pointer) {
    return new PointerTrail(null, null, -1, pointer);
  }

  /** One member further down. */
  public PointerTrail member(String name) {
    return new PointerTrail(this, name, -1, null);
  }

  /** One array item further down. */
  public PointerTrail item(int i) {
    return new PointerTrail(this, null, i, null);
  }

  /** Whether this is where the trail started. */
  public boolean isStart() {
    return parent == null;
  }

  /** The JSON pointer, escaped as RFC 6901 requires; built once. */
  @Override
  public String toString() {
    if (text == null) {
      List<PointerTrail> chain = new ArrayList<>();
      PointerTrail t = this;
      while (t.text == null) {
        chain.add(t);
        t = t.parent;
      }
      StringBuilder b = new StringBuilder(t.text);
      for (int i = chain.size() - 1; i >= 0; i--) {
        PointerTrail c = chain.get(i);
        b.append('/').append(c.member == null ? Integer.toString(c.index) : SourceLocation.escape(c.member));
      }
      text = b.toString();
    }
    return text;
  }
}
