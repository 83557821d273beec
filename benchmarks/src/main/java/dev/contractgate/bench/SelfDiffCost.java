package dev.contractgate.bench;

import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.DiffResult;
import dev.contractgate.diff.Direction;
import dev.contractgate.diff.SchemaInput;
import dev.contractgate.diff.engine.Engine;
import dev.contractgate.openapi.OpenApiImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cost of diffing a CI-configuration-like JSON Schema (about 96 KB, many {@code oneOf}s, shaped like the
 * public GitLab CI schema: a job definition with dozens of "string or list or object" properties) against
 * itself and against a one-edit variant, next to the cost of parsing it; and the cost of the second opinion
 * on the {@link DiffScale} pairs (on and off). Not JMH: the best of the runs after the first, in CPU time of
 * the measuring thread.
 *
 * <pre>{@code java -cp ... dev.contractgate.bench.SelfDiffCost [runs] [schema.json|-] [components,...] [v1.yaml,v2.yaml]}</pre>
 *
 * <p>Pass a real schema file as the second argument to measure it instead of the generated one;
 * {@code -Dcontractgate.diff.settle=false} turns the equal-pair shortcut off (the "before").
 */
public final class SelfDiffCost {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper M = new ObjectMapper();

  private SelfDiffCost() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String text = args.length > 1 && !args[1].equals("-") ? Files.readString(Path.of(args[1]))
        : M.writeValueAsString(ciLike(new Random(14)));
    String sizes = args.length > 2 ? args[2] : "485,1942";
    System.out.printf("schema %,d bytes, settle shortcut %s%n", text.length(),
        System.getProperty("contractgate.diff.settle", "on"));
    double parse = best(runs, () -> M.readTree(text));
    JsonNode a = M.readTree(text);
    JsonNode b = M.readTree(text);
    JsonNode edited = b.deepCopy();
    edit(edited);
    Engine.Stats stats = new Engine.Stats();
    double self = best(runs, () -> Engine.compare(SchemaInput.of(a), SchemaInput.of(b), Direction.BOTH,
        DiffPolicy.defaults(), stats));
    Engine.Stats stats2 = new Engine.Stats();
    double[] edit = onOff(runs, p -> Engine.compare(SchemaInput.of(a), SchemaInput.of(edited), Direction.BOTH, p,
        stats2));
    System.out.printf("parse %.4f s | self-diff %.4f s (%d pairs, %d settled) | one edit: second opinion off %.4f s,"
        + " on %.4f s (%d pairs, %d settled, %d instances)%n", parse, self, stats.pairs, stats.settled, edit[0],
        edit[1], stats2.pairs, stats2.settled, stats2.secondOpinionInstances);
    // a refactor the engine proves equal but whose text differs: both directions are searched and nothing is
    // found, so this is the second opinion's worst case (every instance of the per-comparison bound tried)
    JsonNode refactored = b.deepCopy();
    ((ObjectNode) refactored.get("properties").get("stages").get("items")).put("minLength", 0);
    Engine.Stats stats3 = new Engine.Stats();
    double[] same = onOff(runs, p -> Engine.compare(SchemaInput.of(a), SchemaInput.of(refactored), Direction.BOTH,
        p, stats3));
    System.out.printf("refactor (equal, text differs): second opinion off %.4f s, on %.4f s (%d pairs, %d instances),"
        + " ratio %.3f%n", same[0], same[1], stats3.pairs, stats3.secondOpinionInstances, same[1] / same[0]);
    if (args.length > 3) {
      // a real description pair, imported and diffed endpoint by endpoint like `contract-gate diff a.yaml b.yaml`
      String[] files = args[3].split(",");
      var from = OpenApiImport.convert(Path.of(files[0]), "api", "1.0.0", Optional.empty());
      var to = OpenApiImport.convert(Path.of(files[1]), "api", "2.0.0", Optional.empty());
      int[] tried = new int[1];
      double[] t = onOff(runs, p -> tried[0] = OpenApiImport.compare(from, to, p, LocalDate.of(2026, 12, 3))
          .secondOpinionInstances());
      System.out.printf("OpenAPI %s: second opinion off %.3f s, on %.3f s (%d instances), ratio %.3f%n", args[3],
          t[0], t[1], tried[0], t[1] / t[0]);
    }
    for (String s : sizes.split(",")) {
      if (s.isBlank()) {
        continue;
      }
      SyntheticSchemas.Pair pair = SyntheticSchemas.pair(Integer.parseInt(s.trim()));
      SchemaInput o = SchemaInput.of("old.schema.json", pair.oldSchema());
      SchemaInput n = SchemaInput.of("new.schema.json", pair.newSchema());
      Engine.Stats on = new Engine.Stats();
      double[] t = onOff(runs, p -> Engine.compare(o, n, Direction.RESPONSE, p, on));
      System.out.printf("DiffScale %s components: second opinion off %.3f s, on %.3f s (%d pairs, %d instances),"
          + " ratio %.3f%n", s.trim(), t[0], t[1], on.pairs, on.secondOpinionInstances, t[1] / t[0]);
    }
  }

  interface PolicyRun {
    Object run(DiffPolicy p) throws Exception;
  }

  /** Best times with the second opinion off and on, runs alternating so that load and GC hit both alike. */
  static double[] onOff(int runs, PolicyRun r) throws Exception {
    double off = Double.MAX_VALUE;
    double on = Double.MAX_VALUE;
    for (int i = 0; i < Math.max(2, runs); i++) {
      for (boolean second : new boolean[] {false, true}) {
        long t0 = now();
        r.run(DiffPolicy.defaults().withSecondOpinion(second));
        double s = (now() - t0) / 1e9;
        if (i > 0) {
          if (second) {
            on = Math.min(on, s);
          } else {
            off = Math.min(off, s);
          }
        }
      }
    }
    return new double[] {off, on};
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * CPU time of this thread, not wall time: the machine these figures come from is shared, and under a load
   * of 10 and more wall times of the same run varied by 2×; the diff and the second opinion run on this thread.
   * {@code -Dcontractgate.bench.wall=true} measures wall time instead.
   */
  static long now() {
    return Boolean.getBoolean("contractgate.bench.wall") || !THREADS.isCurrentThreadCpuTimeSupported()
        ? System.nanoTime() : THREADS.getCurrentThreadCpuTime();
  }

  interface Run {
    Object run() throws Exception;
  }

  static double best(int runs, Run r) throws Exception {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < Math.max(2, runs); i++) {
      long t0 = now();
      r.run();
      double s = (now() - t0) / 1e9;
      if (i > 0) {
        best = Math.min(best, s);
      }
    }
    return best;
  }

  /** Changes one leaf: the first maxLength found, or adds one to the first string property. */
  static void edit(JsonNode root) {
    ObjectNode defs = (ObjectNode) root.get("definitions");
    ObjectNode job = (ObjectNode) defs.get("job");
    ((ObjectNode) job.get("properties")).putObject("edited").put("type", "string").put("maxLength", 10);
  }

  /** A schema shaped like a CI configuration schema: about 96 KB with the default seed. */
  static ObjectNode ciLike(Random r) {
    ObjectNode root = F.objectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("type", "object");
    ObjectNode defs = root.putObject("definitions");
    String[] names = new String[78];
    for (int i = 0; i < names.length; i++) {
      names[i] = "def_" + i;
    }
    for (int i = 0; i < names.length; i++) {
      defs.set(names[i], definition(r, names, i));
    }
    ObjectNode job = defs.putObject("job");
    job.put("type", "object");
    job.put("additionalProperties", false);
    ObjectNode jp = job.putObject("properties");
    for (int i = 0; i < 60; i++) {
      jp.set("key_" + i, stringOrListOrRef(r, names));
    }
    root.putObject("properties").putObject("stages").put("type", "array").putObject("items").put("type", "string");
    ObjectNode pp = root.putObject("patternProperties");
    pp.putObject("^[.]").put("description", "hidden jobs");
    root.putObject("additionalProperties").putArray("oneOf").add(F.objectNode().put("$ref", "#/definitions/job"))
        .add(F.objectNode().put("type", "string"));
    return root;
  }

  private static ObjectNode definition(Random r, String[] names, int i) {
    ObjectNode d = F.objectNode();
    d.put("description", "Definition number " + i + " of a CI configuration, with some prose to weigh like one.");
    ArrayNode one = d.putArray("oneOf");
    one.addObject().put("type", "string").put("minLength", 1);
    ObjectNode obj = one.addObject();
    obj.put("type", "object");
    obj.put("additionalProperties", false);
    ObjectNode props = obj.putObject("properties");
    int n = 3 + r.nextInt(4);
    for (int k = 0; k < n; k++) {
      props.set("p" + k, k == 0 && i > 0 ? F.objectNode().put("$ref", "#/definitions/" + names[r.nextInt(i)])
          : stringOrListOrRef(r, new String[0]));
    }
    obj.putArray("required").add("p1");
    if (r.nextBoolean()) {
      one.addObject().put("type", "array").putObject("items").put("type", "string");
    }
    if (i > 2) {
      // unions of references, as CI schemas nest them ("a job rule is one of these three shapes")
      ArrayNode refs = one.addObject().put("type", "array").putObject("items").putArray("oneOf");
      for (int k = 0; k < 3; k++) {
        refs.addObject().put("$ref", "#/definitions/" + names[r.nextInt(i)]);
      }
    }
    return d;
  }

  private static ObjectNode stringOrListOrRef(Random r, String[] names) {
    ObjectNode s = F.objectNode();
    s.put("description", "A value given as a string, a list of strings or an object.");
    if (names.length > 0 && r.nextInt(3) == 0) {
      s.put("$ref", "#/definitions/" + names[r.nextInt(names.length)]);
      return s;
    }
    ArrayNode one = s.putArray("oneOf");
    one.addObject().put("type", "string");
    ObjectNode arr = one.addObject().put("type", "array");
    arr.putObject("items").put("type", "string");
    if (r.nextBoolean()) {
      ObjectNode en = one.addObject();
      en.put("type", "object");
      en.putObject("properties").putObject("when").putArray("enum").add("on_success").add("on_failure").add("always");
    }
    return s;
  }
}
