package dev.contractgate.diff.engine;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.DefaultDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.DialectRegistry;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AbstractKeywordValidator;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The validator's dialects with {@code $defs} and {@code definitions} compiled on demand. The stock keyword
 * compiles every definition as soon as the document holding them is loaded, so that an {@code $id} or anchor
 * inside one can be found; a witness or second-opinion check of one endpoint of a large description then
 * compiled all of its thousands of components (most of that check's time). A {@code $ref} into
 * {@code #/$defs/X} is resolved by pointer whether or not X was compiled, so where the definitions hold no
 * {@code $id} or anchor, compiling them up front changes nothing; where they do, the stock keyword is used.
 */
final class LeanDefinitions implements Keyword {

  private static final Set<String> SCOPES = Set.of("$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor");

  private final String name;
  private final NonValidationKeyword stock;
  /** True for a definitions object known to hold no {@code $id} or anchor, without walking it. */
  private final Predicate<JsonNode> knownUnscoped;

  private LeanDefinitions(String name, Predicate<JsonNode> knownUnscoped) {
    this.name = name;
    this.stock = new NonValidationKeyword(name);
    this.knownUnscoped = knownUnscoped;
  }

  private static final Map<String, Dialect> LEANABLE = Map.of(
      Dialects.getDraft7().getId(), Dialects.getDraft7(),
      Dialects.getDraft201909().getId(), Dialects.getDraft201909(),
      Dialects.getDraft202012().getId(), Dialects.getDraft202012());

  /**
   * Every dialect as the default registry has it, the common ones with lean definitions, told by
   * {@code knownUnscoped} which definitions objects hold no {@code $id} or anchor: the side's reference index
   * knows that of every document it read, and walking a large description's components again to find out
   * cost a tenth of a diff.
   */
  static DialectRegistry registry(Predicate<JsonNode> knownUnscoped) {
    DialectRegistry fallback = DefaultDialectRegistry.getInstance();
    Map<String, Dialect> built = new java.util.concurrent.ConcurrentHashMap<>();
    return (String id, SchemaRegistry registry) -> {
      Dialect d = LEANABLE.get(id);
      if (d == null) {
        return fallback.getDialect(id, registry);
      }
      return built.computeIfAbsent(id, k -> Dialect.builder(d)
          .keyword(new LeanDefinitions("$defs", knownUnscoped))
          .keyword(new LeanDefinitions("definitions", knownUnscoped)).build());
    };
  }

  @Override
  public String getValue() {
    return name;
  }

  @Override
  public KeywordValidator newValidator(SchemaLocation location, JsonNode node, Schema parent, SchemaContext context) {
    if (!knownUnscoped.test(node) && holdsScope(node)) {
      return stock.newValidator(location, node, parent, context);
    }
    return new AbstractKeywordValidator(this, node, location) {
      @Override
      public void validate(ExecutionContext ctx, JsonNode instance, JsonNode root, NodePath at) {
        // definitions assert nothing about the instance
      }
    };
  }

  /** Whether an {@code $id} or an anchor (or the draft-04 {@code id}) is written anywhere below. */
  private static boolean holdsScope(JsonNode node) {
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(node);
    while (!todo.isEmpty()) {
      JsonNode n = todo.pop();
      if (n.isObject()) {
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          if (SCOPES.contains(e.getKey()) && e.getValue().isString()) {
            return true;
          }
          if (e.getValue().isContainer()) {
            todo.push(e.getValue());
          }
        }
      } else if (n.isArray()) {
        for (JsonNode v : n.values()) {
          if (v.isContainer()) {
            todo.push(v);
          }
        }
      }
    }
    return false;
  }
}
