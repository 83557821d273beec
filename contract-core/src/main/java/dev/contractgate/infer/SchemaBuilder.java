package dev.contractgate.infer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the shape of one place (a response body, a query) into a JSON Schema 2020-12 document: types from the
 * values seen, {@code required} from the keys present in every object, {@code format} and {@code enum} only
 * with enough evidence, every place annotated with {@code x-inferred} counts. Object shapes that occur at
 * several places with the same schema become one {@code $defs} entry, built from all their samples.
 */
final class SchemaBuilder {

  static final String SCHEMA = "https://json-schema.org/draft/2020-12/schema";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final InferOptions o;
  /** Map places: the merged shape of their values. */
  private final IdentityHashMap<Shape, Shape> mapValues = new IdentityHashMap<>();
  private final IdentityHashMap<Shape, Boolean> isMap = new IdentityHashMap<>();
  private final IdentityHashMap<Shape, String> keys = new IdentityHashMap<>();
  /** Shared object shapes: key to members in first-seen order, and the name each group gets. */
  private final LinkedHashMap<String, List<Shape>> groups = new LinkedHashMap<>();
  private final LinkedHashMap<String, String> hints = new LinkedHashMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();

  SchemaBuilder(InferOptions o) {
    this.o = o;
  }

  /** A whole schema document for the values of {@code root}. */
  ObjectNode document(Shape root, String title, String description) {
    key(root);
    visit(root, "", true);
    Set<String> taken = new HashSet<>();
    for (Map.Entry<String, List<Shape>> g : groups.entrySet()) {
      if (g.getValue().size() >= 2) {
        String base = pascal(hints.get(g.getKey()));
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
          name = base + i;
        }
        names.put(g.getKey(), name);
      }
    }
    ObjectNode doc = NODES.objectNode();
    doc.put("$schema", SCHEMA);
    doc.put("title", title);
    doc.put("description", description);
    doc.setAll(emit(List.of(root), true));
    if (!names.isEmpty()) {
      ObjectNode defs = doc.putObject("$defs");
      for (Map.Entry<String, String> n : names.entrySet()) {
        defs.set(n.getValue(), emit(groups.get(n.getKey()), true));
      }
    }
    return doc;
  }

  /** The schema of one place as a fragment: no {@code $schema}, no title, every shape inline. */
  ObjectNode inline(Shape s) {
    return emit(List.of(s), true);
  }

  private boolean map(Shape s) {
    return isMap.computeIfAbsent(s, x -> {
      if (x.values != null) {
        return true;
      }
      if (x.props == null || x.props.isEmpty() || x.objects == 0) {
        return false;
      }
      if (!x.nonIdKey) {
        return true;
      }
      return x.props.size() >= o.minMapKeys() && x.props.values().stream().noneMatch(p -> p.present >= x.objects);
    });
  }

  private Shape values(Shape s) {
    if (s.values != null) {
      return s.values;
    }
    return mapValues.computeIfAbsent(s, x -> {
      Shape v = new Shape();
      for (Shape.Prop p : x.props.values()) {
        v.merge(p.shape, o);
      }
      return v;
    });
  }

  /** The schema of a shape, without annotations, as text: equal keys mean equal schemas. */
  private String key(Shape s) {
    String k = keys.get(s);
    if (k != null) {
      return k;
    }
    StringBuilder b = new StringBuilder("{");
    b.append(types(s)).append(';').append(format(s)).append(';').append(enumValues(s));
    if (s.objects > 0) {
      if (map(s)) {
        b.append(";map:").append(key(values(s)));
      } else {
        b.append(";o:");
        for (Map.Entry<String, Shape.Prop> e : s.orderedProps()) {
          b.append(e.getKey().length()).append(':').append(e.getKey())
              .append(e.getValue().present >= s.objects ? '!' : '?').append(key(e.getValue().shape)).append(',');
        }
      }
    }
    if (s.items != null) {
      b.append(";i:").append(key(s.items));
    }
    k = b.append('}').toString();
    keys.put(s, k);
    return k;
  }

  /** Collects the object shapes below the root by key, depth first in output order. */
  private void visit(Shape s, String hint, boolean root) {
    if (s.objects > 0 && !map(s) && s.props != null && !s.props.isEmpty() && !root) {
      String k = key(s);
      groups.computeIfAbsent(k, x -> new ArrayList<>()).add(s);
      hints.putIfAbsent(k, hint);
    }
    if (s.objects > 0) {
      if (map(s)) {
        visit(values(s), hint + "Value", false);
      } else {
        for (Map.Entry<String, Shape.Prop> e : s.orderedProps()) {
          visit(e.getValue().shape, e.getKey(), false);
        }
      }
    }
    if (s.items != null) {
      visit(s.items, singular(hint.isEmpty() ? "item" : hint), false);
    }
  }

  /** The schema of the places in {@code cons} (one place, or every member of a shared shape). */
  private ObjectNode emit(List<Shape> cons, boolean inDefinition) {
    if (!inDefinition) {
      String name = names.get(key(cons.get(0)));
      if (name != null) {
        ObjectNode ref = NODES.objectNode();
        ref.put("$ref", "#/$defs/" + name);
        return ref;
      }
    }
    Shape m = cons.size() == 1 ? cons.get(0) : merged(cons);
    ObjectNode n = NODES.objectNode();
    ObjectNode evidence = NODES.objectNode();
    evidence.put("samples", m.count);
    if (m.nulls > 0) {
      evidence.put("nulls", m.nulls);
    }
    if (m.redacted > 0) {
      evidence.put("redacted", m.redacted);
      n.put("description", "Values were redacted in the recordings: the type is not inferred.");
    } else {
      List<String> types = types(m);
      if (types.size() == 1) {
        n.put("type", types.get(0));
      } else if (types.size() > 1) {
        ArrayNode t = n.putArray("type");
        types.forEach(t::add);
      }
      String format = format(m);
      if (format != null) {
        n.put("format", format);
        evidence.put("format", m.text.count);
      }
      List<String> values = enumValues(m);
      if (values != null) {
        ArrayNode e = n.putArray("enum");
        values.forEach(e::add);
        if (m.nulls > 0) {
          e.addNull();
        }
        evidence.put("enum", m.text.count);
      }
    }
    if (m.objects > 0) {
      if (map(m)) {
        List<Shape> vals = new ArrayList<>();
        for (Shape c : cons) {
          vals.add(values(c));
        }
        n.set("additionalProperties", emit(vals, false));
        evidence.put("mapKeys", m.values != null ? m.mapKeys : m.props.values().stream().mapToLong(p -> p.present).sum());
      } else if (m.props != null && !m.props.isEmpty()) {
        ObjectNode props = n.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (Map.Entry<String, Shape.Prop> e : m.orderedProps()) {
          List<Shape> children = new ArrayList<>();
          for (Shape c : cons) {
            children.add(c.props.get(e.getKey()).shape);
          }
          props.set(e.getKey(), emit(children, false));
          if (e.getValue().present >= m.objects) {
            required.add(e.getKey());
          }
        }
        if (!required.isEmpty()) {
          n.set("required", required);
        }
      }
    }
    if (m.items != null) {
      List<Shape> items = new ArrayList<>();
      for (Shape c : cons) {
        items.add(c.items);
      }
      n.set("items", emit(items, false));
    }
    n.set("x-inferred", evidence);
    return n;
  }

  private Shape merged(List<Shape> cons) {
    Shape m = new Shape();
    for (Shape c : cons) {
      m.merge(c, o);
    }
    // A merged place is a map exactly when its members are (their keys were equal).
    isMap.put(m, map(cons.get(0)));
    return m;
  }

  private static List<String> types(Shape s) {
    List<String> t = new ArrayList<>(6);
    if (s.redacted > 0) {
      return t;
    }
    if (s.objects > 0) {
      t.add("object");
    }
    if (s.arrays > 0) {
      t.add("array");
    }
    if (s.strings > 0) {
      t.add("string");
    }
    if (s.numbers > 0) {
      t.add("number");
    } else if (s.integers > 0) {
      t.add("integer");
    }
    if (s.booleans > 0) {
      t.add("boolean");
    }
    if (s.nulls > 0) {
      t.add("null");
    }
    return t;
  }

  private String format(Shape s) {
    if (s.redacted > 0 || s.text == null || s.strings == 0) {
      return null;
    }
    StringStats.Format f = s.text.format(o.minFormatSamples());
    return f == null ? null : f.keyword;
  }

  /** Enum values, only for a place whose values are strings (and nulls) without a format. */
  private List<String> enumValues(Shape s) {
    if (s.redacted > 0 || s.text == null || s.strings == 0 || s.typed() != s.strings || format(s) != null
        || o.maxEnumValues() == 0) {
      return null;
    }
    return s.text.enumValues(o.minEnumSamples(), o.maxEnumValues());
  }

  /** {@code author} → {@code Author}, {@code feature_enabled} → {@code FeatureEnabled}. */
  static String pascal(String hint) {
    StringBuilder b = new StringBuilder();
    boolean up = true;
    for (int i = 0; i < hint.length(); i++) {
      char c = hint.charAt(i);
      if (c < 128 && Character.isLetterOrDigit(c)) {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      } else {
        up = true;
      }
    }
    if (b.length() == 0 || !Character.isLetter(b.charAt(0))) {
      b.insert(0, "Shape");
    }
    return b.toString();
  }

  /** {@code items} → {@code item}, {@code categories} → {@code category}; otherwise {@code xItem}. */
  static String singular(String plural) {
    String p = plural.toLowerCase(Locale.ROOT);
    if (p.endsWith("ies") && p.length() > 3) {
      return plural.substring(0, plural.length() - 3) + "y";
    }
    if (p.endsWith("s") && !p.endsWith("ss") && p.length() > 1) {
      return plural.substring(0, plural.length() - 1);
    }
    return plural + "Item";
  }
}
