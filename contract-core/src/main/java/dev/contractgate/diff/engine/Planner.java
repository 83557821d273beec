package dev.contractgate.diff.engine;

import static dev.contractgate.diff.engine.Types.ARR;
import static dev.contractgate.diff.engine.Types.NULL;
import static dev.contractgate.diff.engine.Types.NUM;
import static dev.contractgate.diff.engine.Types.OBJ;
import static dev.contractgate.diff.engine.Types.STR;

import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.engine.Pair.Hint;
import dev.contractgate.diff.engine.Pair.HintKind;
import dev.contractgate.registry.SourceLocation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Decides what one (old, new) pair contributes on its own and which sub-pairs it depends on. It never
 * descends itself: sub-pairs are handed to {@link Engine#pair}, which queues them, so the depth of the
 * schema never becomes depth of the Java stack.
 */
final class Planner {

  static final Set<String> KNOWN;

  static {
    Set<String> k = new java.util.HashSet<>(Set.of("type", "enum", "const", "multipleOf", "maximum",
        "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "format", "items",
        "prefixItems", "additionalItems", "unevaluatedItems", "contains", "minContains", "maxContains",
        "maxItems", "minItems", "uniqueItems", "properties", "patternProperties", "additionalProperties",
        "unevaluatedProperties", "propertyNames", "required", "dependentRequired", "dependentSchemas",
        "dependencies", "maxProperties", "minProperties", "not", "if", "then", "else", "nullable"));
    k.addAll(Side.ANNOTATIONS);
    k.addAll(Side.CONTAINERS);
    k.addAll(Side.APPLICATORS);
    KNOWN = Set.copyOf(k);
  }

  private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Engine engine;
  private final Side so;
  private final Side sn;
  private final DiffPolicy policy;

  Planner(Engine engine, Side so, Side sn, DiffPolicy policy) {
    this.engine = engine;
    this.so = so;
    this.sn = sn;
    this.policy = policy;
  }

  void plan(Pair p) {
    Node a = so.resolve(p.o);
    Node b = sn.resolve(p.n);
    if (guarded(a) || guarded(b)) {
      p.unevaluatedGuard = true;
    }
    List<Node> ca = so.conjunctsCached(a);
    List<Node> cb = sn.conjunctsCached(b);
    if (ca.size() == 1 && cb.size() == 1) {
      single(p, ca.get(0), cb.get(0));
    } else {
      group(p, Pair.GroupKind.ALL, a, b, ca, cb);
    }
  }

  /**
   * unevaluated* depends on what sibling applicators evaluated, so splitting such a schema into conjuncts
   * would misread it; the pair is compared anyway and any difference becomes UNKNOWN.
   */
  static boolean guarded(Node x) {
    if (!x.json.isObject()) {
      return false;
    }
    JsonNode j = x.json;
    boolean props = j.has("unevaluatedProperties") && !isTrueJson(j.get("unevaluatedProperties"));
    boolean items = j.has("unevaluatedItems") && !isTrueJson(j.get("unevaluatedItems"));
    if (!props && !items) {
      return false;
    }
    boolean applicators = j.has("$ref") || j.has("allOf") || j.has("anyOf") || j.has("oneOf") || j.has("if")
        || j.has("$dynamicRef");
    return applicators || props && (j.has("dependentSchemas") || j.has("dependencies"))
        || items && j.has("contains");
  }

  private static boolean isTrueJson(JsonNode j) {
    return j.isBoolean() ? j.booleanValue() : j.isObject() && j.isEmpty();
  }

  private void single(Pair p, Node x, Node y) {
    boolean xu = x.mode == Node.Mode.ANY || x.mode == Node.Mode.ONE;
    boolean yu = y.mode == Node.Mode.ANY || y.mode == Node.Mode.ONE;
    if (!xu && !yu) {
      plain(p, x, y);
      return;
    }
    boolean one = x.mode == Node.Mode.ONE || y.mode == Node.Mode.ONE;
    List<Node> bx = xu ? so.branches(x) : List.of(x);
    List<Node> by = yu ? sn.branches(y) : List.of(y);
    group(p, one ? Pair.GroupKind.ONE : Pair.GroupKind.ANY, x, y, bx, by);
  }

  private void group(Pair p, Pair.GroupKind kind, Node ho, Node hn, List<Node> olds, List<Node> news) {
    // Pairs are only built between likely partners (same place or same text). Everything else is a "cross"
    // pair: it exists only so the matching can pair a moved and modified branch, and it compares two
    // different schemas, whose sub-schemas (often other components, through $refs) are then compared with
    // each other, and so on: the product of two unrelated parts of the schema graph. So cross pairs are
    // built only where they can help, and through Engine#crossPair, which explores them after everything
    // else and under a budget of their own:
    //   - a branch without any likely partner is tried against every branch of the other side;
    //   - in small groups, branches that have no same-text partner are tried against each other. A branch
    //     with a same-text partner keeps that partner only: the same text is the natural match, and trying
    //     it against every modified sibling is what made a 3000-component schema with allOf chains
    //     ([$ref previous, own properties]) exceed the pair budget, comparing each component with every
    //     other one reachable from it.
    // A missing cross pair can only leave branches unmatched (reported as added + removed), never hide a
    // difference: any one-to-one matching is sound.
    int m = olds.size();
    int k = news.size();
    Pair[][] cross = new Pair[m][k];
    String[] to = new String[m];
    String[] tn = new String[k];
    for (int i = 0; i < m; i++) {
      to[i] = so.text(olds.get(i));
    }
    for (int j = 0; j < k; j++) {
      tn[j] = sn.text(news.get(j));
    }
    boolean[] oldHas = new boolean[m];
    boolean[] newHas = new boolean[k];
    boolean[] oldSame = new boolean[m];
    boolean[] newSame = new boolean[k];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < k; j++) {
        boolean sameText = to[i].equals(tn[j]);
        if (sameText || olds.get(i).loc.pointer().equals(news.get(j).loc.pointer())) {
          cross[i][j] = engine.pair(olds.get(i), news.get(j));
          oldHas[i] = true;
          newHas[j] = true;
          oldSame[i] |= sameText;
          newSame[j] |= sameText;
        }
      }
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < k; j++) {
        if (cross[i][j] == null
            && (!oldHas[i] || !newHas[j] || m * k <= 64 && !oldSame[i] && !newSame[j])) {
          cross[i][j] = engine.crossPair(olds.get(i), news.get(j));
        }
      }
    }
    boolean disjoint = kind == Pair.GroupKind.ONE && Disjoint.all(so, olds) && Disjoint.all(sn, news);
    p.groups.add(new Pair.Group(kind, ho, hn, olds, news, cross, disjoint));
  }

  // ---------------------------------------------------------------------------------------------------------

  private void plain(Pair p, Node a, Node b) {
    if (a.isFalse() || b.isFalse()) {
      if (!a.isFalse()) {
        p.local(Kind.SCHEMA_BECAME_FALSE, "", "", show(a), "false", a.loc, b.loc, null);
      } else if (!b.isFalse()) {
        p.local(Kind.SCHEMA_NO_LONGER_FALSE, "", "", "false", show(b), a.loc, b.loc, null);
      }
      return;
    }
    JsonNode oj = a.json.isObject() ? a.json : EMPTY;
    JsonNode nj = b.json.isObject() ? b.json : EMPTY;
    int mo = Types.mask(a);
    int mn = Types.mask(b);
    if (mo == Types.BAD || mn == Types.BAD) {
      if (!Canon.json(oj.path("type")).equals(Canon.json(nj.path("type")))) {
        p.local(Kind.UNKNOWN_KEYWORD, "", "type", kw(oj, "type"), kw(nj, "type"), a.loc.child("type"),
            b.loc.child("type"), null);
      }
      // an unreadable type makes any type comparison guesswork: compare everything else as if untyped
      mo = Types.ALL;
      mn = Types.ALL;
    }
    // An enum/const admits only the types of its values: {"type":"string","enum":["a"]} equals {"const":"a"}.
    mo &= valueTypes(a);
    mn &= valueTypes(b);
    if (Types.mask(a) != Types.BAD && Types.mask(b) != Types.BAD) {
      types(p, a, b, mo, mn);
    }
    values(p, a, b, oj, nj);
    int common = mo & mn;
    if ((common & STR) != 0) {
      strings(p, a, b, oj, nj);
    }
    if ((common & NUM) != 0) {
      numbers(p, a, b, oj, nj);
    }
    if ((common & ARR) != 0) {
      arrays(p, a, b, oj, nj);
    }
    if ((common & OBJ) != 0) {
      objects(p, a, b, oj, nj);
    }
    logic(p, a, b, oj, nj);
    others(p, a, b, oj, nj);
  }

  private void types(Pair p, Node a, Node b, int mo, int mn) {
    if (mo == mn) {
      return; // the common case: no texts and locations built for a finding that does not exist
    }
    SourceLocation lo = a.loc.child("type");
    SourceLocation ln = b.loc.child("type");
    String to = "type " + Types.text(mo);
    String tn = "type " + Types.text(mn);
    if ((mo & NULL) == 0 && (mn & NULL) != 0) {
      p.local(Kind.NULLABLE_ADDED, "", "", to, tn, lo, ln, new Hint(HintKind.VALUE, null, F.nullNode()));
    } else if ((mo & NULL) != 0 && (mn & NULL) == 0) {
      p.local(Kind.NULLABLE_REMOVED, "", "", to, tn, lo, ln, new Hint(HintKind.VALUE, null, F.nullNode()));
    }
    int ro = mo & ~NULL;
    int rn = mn & ~NULL;
    if (ro == rn) {
      return;
    }
    if ((ro & ~rn) == 0) {
      p.local(Kind.TYPE_WIDENED, "", Types.text(rn & ~ro), to, tn, lo, ln,
          new Hint(HintKind.VALUE, null, Types.sample(rn & ~ro)));
    } else if ((rn & ~ro) == 0) {
      p.local(Kind.TYPE_NARROWED, "", Types.text(ro & ~rn), to, tn, lo, ln,
          new Hint(HintKind.VALUE, null, Types.sample(ro & ~rn)));
    } else {
      p.local(Kind.TYPE_CHANGED, "", Types.text(ro) + " → " + Types.text(rn), to, tn, lo, ln,
          new Hint(HintKind.VALUE, null, Types.sample(rn & ~ro)));
    }
  }

  /** The values allowed by const/enum, or null when they do not restrict. */
  static List<JsonNode> valueSet(Node x) {
    if (!x.json.isObject()) {
      return null;
    }
    JsonNode c = x.json.get("const");
    JsonNode e = x.json.get("enum");
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (e != null && e.isArray()) {
      for (JsonNode v : e.values()) {
        out.putIfAbsent(Canon.json(v), v);
      }
      if (c != null) {
        out.keySet().retainAll(Set.of(Canon.json(c)));
      }
    } else if (c != null) {
      out.put(Canon.json(c), c);
    } else {
      return null;
    }
    JsonNode nullable = x.json.get("nullable");
    if (x.orNull || x.json.has("type") && nullable != null && nullable.isBoolean() && nullable.booleanValue()) {
      out.putIfAbsent("null", F.nullNode());
    }
    return new ArrayList<>(out.values());
  }

  private void values(Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    List<JsonNode> vo = valueSet(a);
    List<JsonNode> vn = valueSet(b);
    if (vo == null && vn == null) {
      return;
    }
    String to = valuesText(oj);
    String tn = valuesText(nj);
    SourceLocation lo = a.loc.child(oj.has("enum") ? "enum" : "const");
    SourceLocation ln = b.loc.child(nj.has("enum") ? "enum" : "const");
    if (vo == null) {
      p.local(Kind.ENUM_ADDED, "", canonList(vn), to, tn, lo, ln, null);
      return;
    }
    if (vn == null) {
      p.local(Kind.ENUM_REMOVED, "", canonList(vo), to, tn, lo, ln, null);
      return;
    }
    Map<String, JsonNode> so = new TreeMap<>();
    vo.forEach(v -> so.put(Canon.json(v), v));
    Map<String, JsonNode> sn = new TreeMap<>();
    vn.forEach(v -> sn.put(Canon.json(v), v));
    for (var e : sn.entrySet()) {
      if (!so.containsKey(e.getKey())) {
        p.local(Kind.ENUM_VALUE_ADDED, "", e.getKey(), to, tn, lo, ln,
            new Hint(HintKind.VALUE, null, e.getValue()));
      }
    }
    for (var e : so.entrySet()) {
      if (!sn.containsKey(e.getKey())) {
        p.local(Kind.ENUM_VALUE_REMOVED, "", e.getKey(), to, tn, lo, ln,
            new Hint(HintKind.VALUE, null, e.getValue()));
      }
    }
  }

  private static int valueTypes(Node x) {
    List<JsonNode> vs = valueSet(x);
    if (vs == null) {
      return Types.ALL;
    }
    int m = 0;
    for (JsonNode v : vs) {
      m |= Types.of(v);
    }
    return m;
  }

  private static String canonList(List<JsonNode> vs) {
    return vs.stream().map(Canon::json).sorted().toList().toString();
  }

  private static String valuesText(JsonNode j) {
    if (j.has("enum") && j.has("const")) {
      return kw(j, "enum") + ", " + kw(j, "const");
    }
    return j.has("const") ? kw(j, "const") : j.has("enum") ? kw(j, "enum") : "no enum or const";
  }

  // --- strings -----------------------------------------------------------------------------------------------

  private void strings(Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    Long minO = longOf(oj, "minLength");
    Long minN = longOf(nj, "minLength");
    long lo = minO == null ? 0 : minO;
    long ln = minN == null ? 0 : minN;
    if (ln < lo) {
      p.local(Kind.MIN_LENGTH_LOWERED, "", lo + "", kw(oj, "minLength"), kw(nj, "minLength"),
          a.loc.child("minLength"), b.loc.child("minLength"), str(ln));
    } else if (ln > lo) {
      p.local(Kind.MIN_LENGTH_RAISED, "", ln + "", kw(oj, "minLength"), kw(nj, "minLength"),
          a.loc.child("minLength"), b.loc.child("minLength"), str(lo));
    }
    Long maxO = longOf(oj, "maxLength");
    Long maxN = longOf(nj, "maxLength");
    if (maxO != null && (maxN == null || maxN > maxO)) {
      p.local(Kind.MAX_LENGTH_RAISED, "", maxO + "", kw(oj, "maxLength"), kw(nj, "maxLength"),
          a.loc.child("maxLength"), b.loc.child("maxLength"), str(maxO + 1));
    } else if (maxN != null && (maxO == null || maxN < maxO)) {
      p.local(Kind.MAX_LENGTH_LOWERED, "", maxN + "", kw(oj, "maxLength"), kw(nj, "maxLength"),
          a.loc.child("maxLength"), b.loc.child("maxLength"), str(maxN + 1));
    }
    String po = textOf(oj, "pattern");
    String pn = textOf(nj, "pattern");
    if (po == null && pn != null) {
      p.local(Kind.PATTERN_ADDED, "", pn, kw(oj, "pattern"), kw(nj, "pattern"), a.loc.child("pattern"),
          b.loc.child("pattern"), null);
    } else if (po != null && pn == null) {
      p.local(Kind.PATTERN_REMOVED, "", po, kw(oj, "pattern"), kw(nj, "pattern"), a.loc.child("pattern"),
          b.loc.child("pattern"), null);
    } else if (po != null && !po.equals(pn)) {
      p.local(Kind.PATTERN_CHANGED, "", po + " → " + pn, kw(oj, "pattern"), kw(nj, "pattern"),
          a.loc.child("pattern"), b.loc.child("pattern"), null);
    }
    String fo = textOf(oj, "format");
    String fn = textOf(nj, "format");
    if (fo == null ? fn == null : fo.equals(fn)) {
      return;
    }
    Kind k;
    if (policy.format() == DiffPolicy.FormatMode.ANNOTATION) {
      k = Kind.ANNOTATION_CHANGED;
    } else {
      k = fo == null ? Kind.FORMAT_ADDED : fn == null ? Kind.FORMAT_REMOVED : Kind.FORMAT_CHANGED;
    }
    String subject = k == Kind.ANNOTATION_CHANGED ? "format"
        : k == Kind.FORMAT_CHANGED ? fo + " → " + fn : fo == null ? fn : fo;
    p.local(k, "", subject, kw(oj, "format"), kw(nj, "format"), a.loc.child("format"), b.loc.child("format"),
        fo == null || fn == null ? new Hint(HintKind.VALUE, null, F.stringNode("not-a-" + subject)) : null);
  }

  private static Hint str(long length) {
    if (length < 0 || length > 10_000) {
      return null;
    }
    return new Hint(HintKind.VALUE, null, F.stringNode("a".repeat((int) length)));
  }

  // --- numbers -----------------------------------------------------------------------------------------------

  /** A bound: value and whether it is exclusive; null value = unbounded. */
  private record Bound(BigDecimal value, boolean exclusive, String text) {}

  private static Bound lower(JsonNode j) {
    return bound(j, "minimum", "exclusiveMinimum", 1);
  }

  private static Bound upper(JsonNode j) {
    return bound(j, "maximum", "exclusiveMaximum", -1);
  }

  /** {@code sign} 1 for lower bounds (larger is stricter), -1 for upper bounds. */
  private static Bound bound(JsonNode j, String incl, String excl, int sign) {
    JsonNode m = j.get(incl);
    JsonNode e = j.get(excl);
    BigDecimal mv = m != null && m.isNumber() ? m.decimalValue() : null;
    Bound best = mv == null ? null : new Bound(mv, false, incl + " " + Canon.number(mv));
    if (e != null && e.isBoolean()) {
      // draft-04: a boolean exclusive* makes the plain bound exclusive.
      if (e.booleanValue() && best != null) {
        best = new Bound(mv, true, incl + " " + Canon.number(mv) + " (" + excl + " true)");
      }
    } else if (e != null && e.isNumber()) {
      Bound eb = new Bound(e.decimalValue(), true, excl + " " + Canon.number(e.decimalValue()));
      if (best == null || strictness(eb, best, sign) > 0) {
        best = eb;
      }
    }
    return best;
  }

  /** Positive when {@code x} admits fewer numbers than {@code y}. */
  private static int strictness(Bound x, Bound y, int sign) {
    if (x == null && y == null) {
      return 0;
    } else if (x == null) {
      return -1;
    } else if (y == null) {
      return 1;
    }
    int c = x.value.compareTo(y.value) * sign;
    if (c != 0) {
      return c;
    }
    return Boolean.compare(x.exclusive, y.exclusive);
  }

  private static String boundText(Bound b, String none) {
    return b == null ? none : b.text;
  }

  private void numbers(Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    Bound lo = lower(oj);
    Bound ln = lower(nj);
    int c = strictness(ln, lo, 1);
    if (c != 0) {
      String sub = lo == null || c > 0 ? Canon.number(ln.value) : Canon.number(lo.value);
      // W: a number just below the old bound; N: just below the new bound.
      Bound edge = c < 0 ? lo : ln;
      BigDecimal v = edge.exclusive ? edge.value : edge.value.subtract(BigDecimal.ONE);
      p.local(c < 0 ? Kind.MINIMUM_LOWERED : Kind.MINIMUM_RAISED, "", sub, boundText(lo, "no lower bound"),
          boundText(ln, "no lower bound"), a.loc.child(lo != null && lo.text.startsWith("excl") ? "exclusiveMinimum"
              : "minimum"), b.loc.child(ln != null && ln.text.startsWith("excl") ? "exclusiveMinimum" : "minimum"),
          new Hint(HintKind.VALUE, null, F.numberNode(v)));
    }
    Bound uo = upper(oj);
    Bound un = upper(nj);
    c = strictness(un, uo, -1);
    if (c != 0) {
      String sub = uo == null || c > 0 ? Canon.number(un.value) : Canon.number(uo.value);
      Bound edge = c < 0 ? uo : un;
      BigDecimal v = edge.exclusive ? edge.value : edge.value.add(BigDecimal.ONE);
      p.local(c < 0 ? Kind.MAXIMUM_RAISED : Kind.MAXIMUM_LOWERED, "", sub, boundText(uo, "no upper bound"),
          boundText(un, "no upper bound"), a.loc.child(uo != null && uo.text.startsWith("excl") ? "exclusiveMaximum"
              : "maximum"), b.loc.child(un != null && un.text.startsWith("excl") ? "exclusiveMaximum" : "maximum"),
          new Hint(HintKind.VALUE, null, F.numberNode(v)));
    }
    BigDecimal mo = decOf(oj, "multipleOf");
    BigDecimal mn = decOf(nj, "multipleOf");
    if (mo == null && mn == null || mo != null && mn != null && mo.compareTo(mn) == 0) {
      return;
    }
    Kind k;
    if (mn == null) {
      k = Kind.MULTIPLE_OF_RELAXED;
    } else if (mo == null) {
      k = Kind.MULTIPLE_OF_TIGHTENED;
    } else if (mo.remainder(mn).signum() == 0) {
      k = Kind.MULTIPLE_OF_RELAXED;
    } else if (mn.remainder(mo).signum() == 0) {
      k = Kind.MULTIPLE_OF_TIGHTENED;
    } else {
      k = Kind.MULTIPLE_OF_CHANGED;
    }
    BigDecimal hint = k == Kind.MULTIPLE_OF_TIGHTENED ? (mo == null ? mn.divide(BigDecimal.valueOf(2)) : mo)
        : mn == null ? mo.divide(BigDecimal.valueOf(2)) : mn;
    String sub = (mo == null ? "none" : Canon.number(mo)) + " → " + (mn == null ? "none" : Canon.number(mn));
    p.local(k, "", sub, kw(oj, "multipleOf"), kw(nj, "multipleOf"), a.loc.child("multipleOf"),
        b.loc.child("multipleOf"), new Hint(HintKind.VALUE, null, F.numberNode(hint)));
  }

  // --- arrays ------------------------------------------------------------------------------------------------

  private List<Node> prefix(Side s, Node x) {
    List<Node> out = new ArrayList<>();
    JsonNode items = x.json.get("items");
    String kw = items != null && items.isArray() ? "items" : x.json.has("prefixItems") ? "prefixItems" : null;
    if (kw != null && x.json.get(kw).isArray()) {
      for (int i = 0; i < x.json.get(kw).size(); i++) {
        out.add(s.child(x, kw, i));
      }
    }
    return out;
  }

  private Node rest(Side s, Node x) {
    JsonNode items = x.json.get("items");
    if (items != null && items.isArray()) {
      return s.child(x, "additionalItems");
    }
    if (items != null) {
      return s.child(x, "items");
    }
    if (x.mode == Node.Mode.PLAIN && x.json.has("unevaluatedItems") && !guarded(x)) {
      return s.child(x, "unevaluatedItems");
    }
    return Node.absentAt(x.loc.child("items"), x.draft7);
  }

  private void arrays(Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    List<Node> po = prefix(so, a);
    List<Node> pn = prefix(sn, b);
    Node ro = rest(so, a);
    Node rn = rest(sn, b);
    if (po.size() != pn.size()) {
      p.localFlags |= Pair.STRUCT;
    }
    for (int i = 0; i < Math.max(po.size(), pn.size()); i++) {
      Node x = i < po.size() ? po.get(i) : ro;
      Node y = i < pn.size() ? pn.get(i) : rn;
      p.edges.add(new Pair.Edge(engine.pair(x, y), "/" + i, false));
    }
    if (!(ro.absent && rn.absent)) {
      p.edges.add(new Pair.Edge(engine.pair(ro, rn), "/*", false));
    }
    limits(p, a, b, oj, nj, "minItems", "maxItems", Kind.MIN_ITEMS_LOWERED, Kind.MIN_ITEMS_RAISED,
        Kind.MAX_ITEMS_RAISED, Kind.MAX_ITEMS_LOWERED, 0);
    boolean uo = oj.path("uniqueItems").booleanValue(false);
    boolean un = nj.path("uniqueItems").booleanValue(false);
    if (uo != un) {
      p.local(uo ? Kind.UNIQUE_ITEMS_REMOVED : Kind.UNIQUE_ITEMS_ADDED, "", "", kw(oj, "uniqueItems"),
          kw(nj, "uniqueItems"), a.loc.child("uniqueItems"), b.loc.child("uniqueItems"), null);
    }
    boolean co = oj.has("contains");
    boolean cn = nj.has("contains");
    if (co && cn) {
      Pair contains = engine.pair(so.child(a, "contains"), sn.child(b, "contains"));
      if (oj.has("maxContains") || nj.has("maxContains")) {
        // with an upper bound, more matching items can also reject an array: not monotone in contains
        p.guards.add(new Pair.Guard(contains, "contains changed next to maxContains"));
      } else {
        p.edges.add(new Pair.Edge(contains, "/(contains)", false));
      }
      limits(p, a, b, oj, nj, "minContains", "maxContains", Kind.MIN_CONTAINS_LOWERED, Kind.MIN_CONTAINS_RAISED,
          Kind.MAX_CONTAINS_RAISED, Kind.MAX_CONTAINS_LOWERED, 1);
    } else if (co && !(oj.path("minContains").isNumber() && oj.get("minContains").asInt() == 0)) {
      // even contains: {} demands one item; only minContains: 0 makes it vacuous
      p.local(Kind.CONTAINS_REMOVED, "", Canon.json(oj.get("contains")), kw(oj, "contains"), kw(nj, "contains"),
          a.loc.child("contains"), b.loc.child("contains"), null);
    } else if (cn && !(nj.path("minContains").isNumber() && nj.get("minContains").asInt() == 0)) {
      p.local(Kind.CONTAINS_ADDED, "", Canon.json(nj.get("contains")), kw(oj, "contains"), kw(nj, "contains"),
          a.loc.child("contains"), b.loc.child("contains"), null);
    }
  }

  /** Min/max count keywords: absent min is {@code minDefault}, absent max is unbounded. */
  private void limits(Pair p, Node a, Node b, JsonNode oj, JsonNode nj, String minKw, String maxKw,
      Kind minLowered, Kind minRaised, Kind maxRaised, Kind maxLowered, long minDefault) {
    Long minO = longOf(oj, minKw);
    Long minN = longOf(nj, minKw);
    long lo = minO == null ? minDefault : minO;
    long ln = minN == null ? minDefault : minN;
    if (ln != lo) {
      p.local(ln < lo ? minLowered : minRaised, "", Math.max(lo, ln) + "", kw(oj, minKw), kw(nj, minKw),
          a.loc.child(minKw), b.loc.child(minKw), null);
    }
    Long maxO = longOf(oj, maxKw);
    Long maxN = longOf(nj, maxKw);
    if (maxO != null && (maxN == null || maxN > maxO)) {
      p.local(maxRaised, "", maxO + "", kw(oj, maxKw), kw(nj, maxKw), a.loc.child(maxKw), b.loc.child(maxKw),
          null);
    } else if (maxN != null && (maxO == null || maxN < maxO)) {
      p.local(maxLowered, "", maxN + "", kw(oj, maxKw), kw(nj, maxKw), a.loc.child(maxKw), b.loc.child(maxKw),
          null);
    }
  }

  // --- objects -----------------------------------------------------------------------------------------------

  private static TreeSet<String> names(JsonNode j, String kw) {
    TreeSet<String> out = new TreeSet<>();
    JsonNode c = j.get(kw);
    if (c != null && c.isObject()) {
      out.addAll(c.propertyNames());
    }
    return out;
  }

  private static TreeSet<String> required(JsonNode j) {
    TreeSet<String> out = new TreeSet<>();
    JsonNode r = j.get("required");
    if (r != null && r.isArray()) {
      for (JsonNode e : r.values()) {
        if (e.isString()) {
          out.add(e.stringValue());
        }
      }
    }
    return out;
  }

  /** additionalProperties, or unevaluatedProperties where it means the same, or absent (true). */
  private Node additional(Side s, Node x) {
    if (x.json.has("additionalProperties")) {
      return s.child(x, "additionalProperties");
    }
    if (x.mode == Node.Mode.PLAIN && x.json.has("unevaluatedProperties") && !guarded(x)) {
      return s.child(x, "unevaluatedProperties");
    }
    return Node.absentAt(x.loc.child("additionalProperties"), x.draft7);
  }

  /** The schema an undeclared property {@code name} gets, or null when a pattern is not a valid regex. */
  private Node coverage(Side s, Node x, String name) {
    for (String pat : names(x.json, "patternProperties")) {
      try {
        if (Pattern.compile(pat).matcher(name).find()) {
          return s.child(x, "patternProperties", pat);
        }
      } catch (PatternSyntaxException e) {
        return null;
      }
    }
    return additional(s, x);
  }

  private void objects(Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    TreeSet<String> all = names(oj, "properties");
    all.addAll(names(nj, "properties"));
    TreeSet<String> ro = required(oj);
    TreeSet<String> rn = required(nj);
    for (String name : all) {
      boolean inO = oj.path("properties").has(name);
      boolean inN = nj.path("properties").has(name);
      String seg = "/" + SourceLocation.escape(name);
      Node po = inO ? so.child(a, "properties", name) : null;
      Node pn = inN ? sn.child(b, "properties", name) : null;
      if (inO && inN) {
        p.edges.add(new Pair.Edge(engine.pair(po, pn), seg, false));
        continue;
      }
      // no effect on the accepted values here, but unevaluatedProperties elsewhere can see the difference
      p.localFlags |= Pair.STRUCT;
      Node cov = inO ? coverage(sn, b, name) : coverage(so, a, name);
      if (cov == null) {
        p.local(Kind.UNDECIDABLE_CHANGE, seg, "patternProperties regex for \"" + name + "\"",
            kw(oj, "patternProperties"), kw(nj, "patternProperties"), a.loc, b.loc, null);
        continue;
      }
      Side cs = inO ? sn : so;
      String q = Canon.quote(name);
      if (inO) {
        if (cs.isTrivial(cov)) {
          if (!so.isTrivial(po)) {
            p.local(Kind.PROPERTY_REMOVED, seg, q, "property " + q + ": " + show(po),
                "no property " + q + " (any value allowed)", po.loc, b.loc.child("properties"),
                rejectedBy(po, name));
          }
        } else if (cs.isFalse(cov)) {
          if (!so.isFalse(po)) {
            p.local(Kind.PROPERTY_REMOVED_FROM_CLOSED, seg, q, "property " + q + ": " + show(po),
                "no property " + q + " (closed object)", po.loc, cov.loc, new Hint(HintKind.WITH, name, null));
          }
        } else {
          p.edges.add(new Pair.Edge(engine.pair(po, cov), seg, false));
        }
      } else {
        if (cs.isTrivial(cov)) {
          if (!sn.isTrivial(pn)) {
            p.local(Kind.PROPERTY_ADDED, seg, q, "no property " + q + " (any value allowed)",
                "property " + q + ": " + show(pn), a.loc.child("properties"), pn.loc, rejectedBy(pn, name));
          }
        } else if (cs.isFalse(cov)) {
          if (!sn.isFalse(pn)) {
            p.local(Kind.PROPERTY_ADDED_TO_CLOSED, seg, q, "no property " + q + " (closed object)",
                "property " + q + ": " + show(pn), cov.loc, pn.loc, new Hint(HintKind.WITH, name, null));
          }
        } else {
          p.edges.add(new Pair.Edge(engine.pair(cov, pn), seg, false));
        }
      }
    }
    for (String r : rn) {
      if (!ro.contains(r)) {
        p.local(Kind.REQUIRED_ADDED, "/" + SourceLocation.escape(r), Canon.quote(r), kw(oj, "required"),
            kw(nj, "required"), propLoc(a, r), propLoc(b, r), new Hint(HintKind.OMIT, r, null));
      }
    }
    for (String r : ro) {
      if (!rn.contains(r)) {
        p.local(Kind.REQUIRED_REMOVED, "/" + SourceLocation.escape(r), Canon.quote(r), kw(oj, "required"),
            kw(nj, "required"), propLoc(a, r), propLoc(b, r), new Hint(HintKind.OMIT, r, null));
      }
    }
    Node ao = additional(so, a);
    Node an = additional(sn, b);
    boolean to = so.isTrivial(ao);
    boolean tn = sn.isTrivial(an);
    String kwo = ao.loc.pointer().endsWith("unevaluatedProperties") ? "unevaluatedProperties" : "additionalProperties";
    String kwn = an.loc.pointer().endsWith("unevaluatedProperties") ? "unevaluatedProperties" : "additionalProperties";
    if (to && sn.isFalse(an)) {
      p.local(Kind.OBJECT_CLOSED, "/*", "", kw(oj, kwo), kw(nj, kwn), ao.loc, an.loc,
          new Hint(HintKind.WITH, "undeclared-property", null));
    } else if (so.isFalse(ao) && tn) {
      p.local(Kind.OBJECT_OPENED, "/*", "", kw(oj, kwo), kw(nj, kwn), ao.loc, an.loc,
          new Hint(HintKind.WITH, "undeclared-property", null));
    } else if (!(to && tn)) {
      p.edges.add(new Pair.Edge(engine.pair(ao, an), "/*", false));
    }
    TreeSet<String> pats = names(oj, "patternProperties");
    pats.addAll(names(nj, "patternProperties"));
    for (String pat : pats) {
      boolean inO = oj.path("patternProperties").has(pat);
      boolean inN = nj.path("patternProperties").has(pat);
      String seg = "/(pattern " + pat + ")";
      if (inO && inN) {
        p.edges.add(new Pair.Edge(engine.pair(so.child(a, "patternProperties", pat),
            sn.child(b, "patternProperties", pat)), seg, false));
      } else if (inN) {
        if (sn.isTrivial(sn.child(b, "patternProperties", pat))) {
          continue;
        }
        p.local(to ? Kind.PATTERN_PROPERTY_ADDED : Kind.UNDECIDABLE_CHANGE, seg,
            to ? pat : "patternProperties " + pat + " added next to " + kwo, kw(oj, "patternProperties"),
            kw(nj, "patternProperties"), a.loc.child("patternProperties"),
            b.loc.child("patternProperties").child(pat), null);
      } else {
        if (so.isTrivial(so.child(a, "patternProperties", pat))) {
          continue;
        }
        p.local(tn ? Kind.PATTERN_PROPERTY_REMOVED : Kind.UNDECIDABLE_CHANGE, seg,
            tn ? pat : "patternProperties " + pat + " removed next to " + kwn, kw(oj, "patternProperties"),
            kw(nj, "patternProperties"), a.loc.child("patternProperties").child(pat),
            b.loc.child("patternProperties"), null);
      }
    }
    optionalSchema(p, a, b, "propertyNames", "/(propertyNames)", Kind.PROPERTY_NAMES_ADDED,
        Kind.PROPERTY_NAMES_REMOVED);
    limits(p, a, b, oj, nj, "minProperties", "maxProperties", Kind.MIN_PROPERTIES_LOWERED,
        Kind.MIN_PROPERTIES_RAISED, Kind.MAX_PROPERTIES_RAISED, Kind.MAX_PROPERTIES_LOWERED, 0);
    dependencies(p, a, b, oj, nj);
  }

  private static SourceLocation propLoc(Node x, String name) {
    return x.json.path("properties").has(name) ? x.loc.child("properties").child(name) : x.loc.child("required");
  }

  /** A hint for a property whose value the {@code declared} schema rejects (a value of a type it excludes). */
  private static Hint rejectedBy(Node declared, String name) {
    int m = Types.mask(declared);
    if (m == Types.BAD || m == Types.ALL) {
      return null;
    }
    JsonNode v = Types.sample(Types.ALL & ~m);
    return v == null ? null : new Hint(HintKind.WITH, name, v);
  }

  private void dependencies(Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    Map<String, TreeSet<String>> dro = dependentRequired(oj, a.draft7);
    Map<String, TreeSet<String>> drn = dependentRequired(nj, b.draft7);
    TreeSet<String> keys = new TreeSet<>(dro.keySet());
    keys.addAll(drn.keySet());
    for (String k : keys) {
      TreeSet<String> lo = dro.getOrDefault(k, new TreeSet<>());
      TreeSet<String> ln = drn.getOrDefault(k, new TreeSet<>());
      for (String r : ln) {
        if (!lo.contains(r)) {
          p.local(Kind.DEPENDENT_REQUIRED_ADDED, "", Canon.quote(k) + " but not " + Canon.quote(r),
              "dependentRequired " + Canon.quote(k) + ": " + lo, "dependentRequired " + Canon.quote(k) + ": " + ln,
              a.loc, b.loc, null);
        }
      }
      for (String r : lo) {
        if (!ln.contains(r)) {
          p.local(Kind.DEPENDENT_REQUIRED_REMOVED, "", Canon.quote(k) + " but not " + Canon.quote(r),
              "dependentRequired " + Canon.quote(k) + ": " + lo, "dependentRequired " + Canon.quote(k) + ": " + ln,
              a.loc, b.loc, null);
        }
      }
    }
    Map<String, Node> dso = dependentSchemas(so, a);
    Map<String, Node> dsn = dependentSchemas(sn, b);
    TreeSet<String> sk = new TreeSet<>(dso.keySet());
    sk.addAll(dsn.keySet());
    for (String k : sk) {
      Node x = dso.get(k);
      Node y = dsn.get(k);
      String seg = "/(dependentSchemas " + k + ")";
      if (x != null && y != null) {
        p.edges.add(new Pair.Edge(engine.pair(x, y), seg, false));
      } else if (y != null && !sn.isTrivial(y)) {
        p.local(Kind.DEPENDENT_SCHEMA_ADDED, "", Canon.quote(k), "no dependent schema for " + Canon.quote(k),
            "dependent schema " + show(y), a.loc, y.loc, null);
      } else if (x != null && !so.isTrivial(x)) {
        p.local(Kind.DEPENDENT_SCHEMA_REMOVED, "", Canon.quote(k), "dependent schema " + show(x),
            "no dependent schema for " + Canon.quote(k), x.loc, b.loc, null);
      }
    }
  }

  private static Map<String, TreeSet<String>> dependentRequired(JsonNode j, boolean draft7) {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    for (String kw : List.of("dependentRequired", "dependencies")) {
      JsonNode d = kw.equals("dependencies") && !draft7 ? null : j.get(kw);
      if (d == null || !d.isObject()) {
        continue;
      }
      for (var e : d.properties()) {
        if (e.getValue().isArray()) {
          TreeSet<String> s = out.computeIfAbsent(e.getKey(), k -> new TreeSet<>());
          e.getValue().values().forEach(v -> s.add(v.asString()));
        }
      }
    }
    return out;
  }

  private static Map<String, Node> dependentSchemas(Side s, Node x) {
    Map<String, Node> out = new TreeMap<>();
    for (String kw : List.of("dependentSchemas", "dependencies")) {
      JsonNode d = kw.equals("dependencies") && !x.draft7 ? null : x.json.get(kw);
      if (d == null || !d.isObject()) {
        continue;
      }
      for (var e : d.properties()) {
        if (e.getValue().isObject() || e.getValue().isBoolean()) {
          out.put(e.getKey(), s.child(x, kw, e.getKey()));
        }
      }
    }
    return out;
  }

  // --- not, if/then/else, annotations, unknown keywords ------------------------------------------------------

  private void optionalSchema(Pair p, Node a, Node b, String kw, String seg, Kind added, Kind removed) {
    boolean inO = a.json.has(kw);
    boolean inN = b.json.has(kw);
    if (inO && inN) {
      p.edges.add(new Pair.Edge(engine.pair(so.child(a, kw), sn.child(b, kw)), seg, false));
    } else if (inN && !sn.isTrivial(sn.child(b, kw))) {
      p.local(added, "", Canon.json(b.json.get(kw)), kw(a.json, kw), kw(b.json, kw), a.loc.child(kw),
          b.loc.child(kw), null);
    } else if (inO && !so.isTrivial(so.child(a, kw))) {
      p.local(removed, "", Canon.json(a.json.get(kw)), kw(a.json, kw), kw(b.json, kw), a.loc.child(kw),
          b.loc.child(kw), null);
    }
  }

  private void logic(Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    boolean no = oj.has("not");
    boolean nn = nj.has("not");
    if (no && nn) {
      p.edges.add(new Pair.Edge(engine.pair(so.child(a, "not"), sn.child(b, "not")), "/(not)", true));
    } else if (nn) {
      p.local(Kind.NOT_ADDED, "", Canon.json(nj.get("not")), kw(oj, "not"), kw(nj, "not"), a.loc.child("not"),
          b.loc.child("not"), null);
    } else if (no) {
      p.local(Kind.NOT_REMOVED, "", Canon.json(oj.get("not")), kw(oj, "not"), kw(nj, "not"), a.loc.child("not"),
          b.loc.child("not"), null);
    }
    boolean io = oj.has("if") && (oj.has("then") || oj.has("else"));
    boolean in = nj.has("if") && (nj.has("then") || nj.has("else"));
    if (io && in) {
      p.guards.add(new Pair.Guard(engine.pair(so.child(a, "if"), sn.child(b, "if")), "the if condition changed"));
      p.edges.add(new Pair.Edge(engine.pair(so.child(a, "then"), sn.child(b, "then")), "/(then)", false));
      p.edges.add(new Pair.Edge(engine.pair(so.child(a, "else"), sn.child(b, "else")), "/(else)", false));
    } else if (in) {
      p.local(Kind.CONDITIONAL_ADDED, "", Canon.json(nj.get("if")), "no if", kw(nj, "if"), a.loc.child("if"),
          b.loc.child("if"), null);
    } else if (io) {
      p.local(Kind.CONDITIONAL_REMOVED, "", Canon.json(oj.get("if")), kw(oj, "if"), "no if", a.loc.child("if"),
          b.loc.child("if"), null);
    }
  }

  private void others(Pair p, Node a, Node b, JsonNode oj, JsonNode nj) {
    TreeSet<String> keys = new TreeSet<>(oj.propertyNames());
    keys.addAll(nj.propertyNames());
    boolean restMode = a.mode == Node.Mode.REST || b.mode == Node.Mode.REST || guarded(a) || guarded(b);
    for (String k : keys) {
      JsonNode x = oj.get(k);
      JsonNode y = nj.get(k);
      Kind kind;
      String subject = k;
      if (k.equals("$dynamicRef") || k.equals("$recursiveRef")) {
        p.local(Kind.UNKNOWN_KEYWORD, "", k, kw(oj, k), kw(nj, k), a.loc.child(k), b.loc.child(k), null);
        continue;
      } else if (k.equals("$schema") || k.equals("$id") || Side.CONTAINERS.contains(k)) {
        continue;
      } else if (Side.ANNOTATIONS.contains(k) || k.startsWith("x-")) {
        kind = Kind.ANNOTATION_CHANGED;
      } else if ((k.equals("unevaluatedProperties") || k.equals("unevaluatedItems")) && restMode) {
        kind = Kind.UNDECIDABLE_CHANGE;
        subject = k + " next to applicators changed";
      } else if (!KNOWN.contains(k) || k.equals("dependencies") && !(a.draft7 && b.draft7)) {
        kind = Kind.UNKNOWN_KEYWORD;
      } else {
        continue;
      }
      // canonical comparison only for the few keywords compared as text: it walks the whole value
      if (x == null || y == null || !Canon.json(x).equals(Canon.json(y))) {
        p.local(kind, "", subject, kw(oj, k), kw(nj, k), a.loc.child(k), b.loc.child(k), null);
      }
    }
  }

  // --- small helpers -----------------------------------------------------------------------------------------

  static String kw(JsonNode j, String kw) {
    JsonNode v = j.get(kw);
    return v == null ? kw + " absent" : kw + " " + abbreviate(Canon.keyword(kw, v));
  }

  static String show(Node n) {
    if (n.absent) {
      return "absent (any value)";
    }
    return abbreviate(Canon.json(n.json)) + (n.orNull ? " or null" : "");
  }

  static String abbreviate(String s) {
    return s.length() <= 160 ? s : s.substring(0, 157) + "...";
  }

  private static Long longOf(JsonNode j, String kw) {
    JsonNode v = j.get(kw);
    return v != null && v.isNumber() ? v.decimalValue().longValue() : null;
  }

  private static BigDecimal decOf(JsonNode j, String kw) {
    JsonNode v = j.get(kw);
    return v != null && v.isNumber() && v.decimalValue().signum() > 0 ? v.decimalValue() : null;
  }

  private static String textOf(JsonNode j, String kw) {
    JsonNode v = j.get(kw);
    return v != null && v.isString() ? v.stringValue() : null;
  }
}
