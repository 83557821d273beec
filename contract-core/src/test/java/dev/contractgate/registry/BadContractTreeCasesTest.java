package dev.contractgate.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.testing.ContractTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Runs every case in {@code src/test/resources/bad-contract-trees/*.yaml}, one test per case grouped by file:
 * each writes a contract tree with one thing wrong, loads it with {@link ContractRegistry#load} and checks
 * the {@link ContractException}: the file, the position and parts of the message.
 *
 * <p>A case; all keys but {@code name} and {@code expect} are optional:
 *
 * <pre>
 * - name: should_fail_on_an_invalid_http_method   # the test's name in the report
 *   baseline: none          # start from an empty folder; by default from the shop tree of ContractTree.withShop()
 *   values: ["FETCH", "get"]  # one test per value; ${value} stands for it in every string of the case
 *   write:                  # files written over the baseline, by path from the tree's root
 *     shop/1.0.0/endpoints.yaml: |
 *       endpoints:
 *         - id: order.get
 *           method: ${value}
 *   delete: [shop/namespace.yaml]   # baseline files removed
 *   mkdir: [shop/1.1.0/schemas]     # empty folders created
 *   expect:                 # at least one of these
 *     file: shop/1.0.0/endpoints.yaml       # ContractException.file(), exactly; ${root} is the tree's root
 *     where: line 3, column 13, at /endpoints/0/method   # ContractException.where(), exactly; "" for none
 *     whereStartsWith: line 3
 *     messageStartsWith: "Cannot load contract: shop/1.0.0/endpoints.yaml"
 *     messageContains: ['but was : "${value}"']
 *     messageDoesNotContain: ["did you mean"]
 * </pre>
 */
class BadContractTreeCasesTest {

  private static final String CASES = "/bad-contract-trees";
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Set<String> CASE_KEYS =
      Set.of("name", "baseline", "values", "write", "delete", "mkdir", "expect");
  private static final Set<String> EXPECT_KEYS = Set.of("file", "where", "whereStartsWith", "messageStartsWith",
      "messageContains", "messageDoesNotContain");

  record Expect(
      Optional<String> file,
      Optional<String> where,
      Optional<String> whereStartsWith,
      Optional<String> messageStartsWith,
      List<String> messageContains,
      List<String> messageDoesNotContain) {

    Expect withRoot(String root) {
      UnaryOperator<String> r = s -> s.replace("${root}", root);
      return new Expect(file.map(r), where.map(r), whereStartsWith.map(r), messageStartsWith.map(r),
          messageContains.stream().map(r).toList(), messageDoesNotContain.stream().map(r).toList());
    }
  }

  record Case(
      String group,
      String name,
      boolean shopBaseline,
      Map<String, String> write,
      List<String> delete,
      List<String> mkdir,
      Expect expect) {}

  static List<Case> cases() throws IOException, URISyntaxException {
    URL dir = BadContractTreeCasesTest.class.getResource(CASES);
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(dir.toURI()))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    List<Case> out = new ArrayList<>();
    for (Path f : files) {
      String group = f.getFileName().toString().replaceFirst("\\.yaml$", "");
      JsonNode list;
      try (InputStream in = Files.newInputStream(f)) {
        list = YAML.readTree(in);
      }
      if (!list.isArray()) {
        throw new IllegalArgumentException(f + ": expected a list of cases");
      }
      for (JsonNode c : list.values()) {
        out.addAll(expand(group, c));
      }
    }
    return out;
  }

  /** One case per value, or the case as written when it has no values. */
  private static List<Case> expand(String group, JsonNode c) {
    String name = text(c, "name", s -> s);
    for (String key : c.propertyNames()) {
      if (!CASE_KEYS.contains(key)) {
        throw new IllegalArgumentException(
            group + "/" + name + ": unknown key \"" + key + "\", use " + new TreeSet<>(CASE_KEYS));
      }
    }
    if (!c.has("values")) {
      String raw = c.toString();
      if (raw.contains("${value}")) {
        throw new IllegalArgumentException(group + "/" + name + ": ${value} without values");
      }
      return List.of(parse(group, name, c, s -> s));
    }
    List<Case> out = new ArrayList<>();
    for (String value : strings(c, "values", s -> s)) {
      out.add(parse(group, name + " [" + display(value) + "]", c, s -> s.replace("${value}", value)));
    }
    return out;
  }

  private static Case parse(String group, String name, JsonNode c, UnaryOperator<String> fill) {
    String baseline = c.has("baseline") ? text(c, "baseline", fill) : "shop";
    if (!baseline.equals("shop") && !baseline.equals("none")) {
      throw new IllegalArgumentException(group + "/" + name + ": baseline is \"shop\" or \"none\"");
    }
    Map<String, String> write = new LinkedHashMap<>();
    if (c.has("write")) {
      for (Map.Entry<String, JsonNode> e : c.get("write").properties()) {
        write.put(fill.apply(e.getKey()), text(c.get("write"), e.getKey(), fill));
      }
    }
    JsonNode x = c.get("expect");
    if (x == null || !x.isObject() || x.isEmpty()) {
      throw new IllegalArgumentException(group + "/" + name + ": a case needs \"expect\" with at least one check");
    }
    for (String key : x.propertyNames()) {
      if (!EXPECT_KEYS.contains(key)) {
        throw new IllegalArgumentException(
            group + "/" + name + ": unknown key \"expect." + key + "\", use " + new TreeSet<>(EXPECT_KEYS));
      }
    }
    Expect expect = new Expect(
        optional(x, "file", fill),
        optional(x, "where", fill),
        optional(x, "whereStartsWith", fill),
        optional(x, "messageStartsWith", fill),
        strings(x, "messageContains", fill),
        strings(x, "messageDoesNotContain", fill));
    return new Case(group, name, baseline.equals("shop"), write, strings(c, "delete", fill),
        strings(c, "mkdir", fill), expect);
  }

  private static String text(JsonNode parent, String key, UnaryOperator<String> fill) {
    JsonNode v = parent.get(key);
    if (v == null || !v.isString()) {
      throw new IllegalArgumentException("\"" + key + "\" must be a string in " + parent);
    }
    return fill.apply(v.asString());
  }

  private static Optional<String> optional(JsonNode parent, String key, UnaryOperator<String> fill) {
    return parent.has(key) ? Optional.of(text(parent, key, fill)) : Optional.empty();
  }

  private static List<String> strings(JsonNode parent, String key, UnaryOperator<String> fill) {
    JsonNode v = parent.get(key);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException("\"" + key + "\" must be a list in " + parent);
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v.values()) {
      if (!e.isString()) {
        throw new IllegalArgumentException("\"" + key + "\" must list strings in " + parent);
      }
      out.add(fill.apply(e.asString()));
    }
    return out;
  }

  private static String display(String value) {
    return "\"" + value.replace("\n", "\\n") + "\"";
  }

  @TestFactory
  Stream<DynamicContainer> bad_contract_trees(@TempDir Path tmp) throws Exception {
    Map<String, List<DynamicTest>> groups = new LinkedHashMap<>();
    List<Case> all = cases();
    for (int i = 0; i < all.size(); i++) {
      Case c = all.get(i);
      Path root = tmp.resolve(c.group() + "-" + i);
      groups.computeIfAbsent(c.group(), g -> new ArrayList<>())
          .add(DynamicTest.dynamicTest(c.name(), () -> check(c, root)));
    }
    return groups.entrySet().stream().map(e -> DynamicContainer.dynamicContainer(e.getKey(), e.getValue().stream()));
  }

  @Test
  void the_table_keeps_every_case_under_its_own_name() throws Exception {
    List<Case> all = cases();
    assertThat(all).hasSizeGreaterThanOrEqualTo(59);
    assertThat(all).extracting(c -> c.group() + "/" + c.name()).doesNotHaveDuplicates();
  }

  private static void check(Case c, Path root) {
    // GIVEN
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ContractTree tree = ContractTree.in(root);
    if (c.shopBaseline()) {
      tree.withShop();
    }
    c.write().forEach(tree::file);
    c.delete().forEach(tree::delete);
    c.mkdir().forEach(tree::directory);
    // WHEN
    ContractException e = tree.loadFailure();
    // THEN
    Expect x = c.expect().withRoot(root.toString());
    // Build reports name a dynamic test by its index; the description names the case.
    String in = c.group() + ".yaml, " + c.name();
    SoftAssertions.assertSoftly(s -> {
      x.file().ifPresent(f -> s.assertThat(e.file()).as("%s: file", in).isEqualTo(f));
      x.where().ifPresent(w -> s.assertThat(e.where()).as("%s: where", in).isEqualTo(w));
      x.whereStartsWith().ifPresent(w -> s.assertThat(e.where()).as("%s: where", in).startsWith(w));
      x.messageStartsWith().ifPresent(m -> s.assertThat(e.getMessage()).as("%s: message", in).startsWith(m));
      x.messageContains().forEach(m -> s.assertThat(e.getMessage()).as("%s: message", in).contains(m));
      x.messageDoesNotContain().forEach(m -> s.assertThat(e.getMessage()).as("%s: message", in).doesNotContain(m));
    });
  }
}
