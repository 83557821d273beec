package dev.contractgate.diff.engine;

import dev.contractgate.registry.SourceLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;

/**
 * A schema as the engine sees it: a JSON value at a place in the tree, plus how to read it. The same JSON
 * can appear as several nodes (the keywords next to an {@code allOf}, the {@code anyOf} itself), which is how
 * a schema mixing applicators and plain keywords is split into independent conjuncts.
 */
final class Node {

  enum Mode {
    /** All keywords apply; the node has no applicators left to split. */
    PLAIN,
    /** The keywords of an object without its {@code $ref}, {@code allOf}, {@code anyOf}, {@code oneOf}. */
    REST,
    /** The {@code anyOf} of an object, a disjunction of its branches. */
    ANY,
    /** The {@code oneOf} of an object. */
    ONE
  }

  final SourceLocation loc;
  final JsonNode json;
  final Mode mode;
  /** Accepts null in addition (the {@code anyOf: [X, {type: null}]} spelling of nullable). */
  final boolean orNull;
  final boolean draft7;
  /** The keyword is absent; the node stands for {@code true} at the place it would be. */
  final boolean absent;
  /** Identity for memo tables; shares {@link #loc} instead of copying its (possibly long) pointer. */
  final Id key;

  record Id(SourceLocation loc, Mode mode, boolean orNull, boolean absent) {}

  Node(SourceLocation loc, JsonNode json, Mode mode, boolean orNull, boolean draft7, boolean absent) {
    this.loc = loc;
    this.json = json;
    this.mode = mode;
    this.orNull = orNull;
    this.draft7 = draft7;
    this.absent = absent;
    this.key = new Id(loc, mode, orNull, absent);
  }

  static Node absentAt(SourceLocation loc, boolean draft7) {
    return new Node(loc, BooleanNode.TRUE, Mode.PLAIN, false, draft7, true);
  }

  Node withMode(Mode m) {
    return new Node(loc, json, m, orNull, draft7, absent);
  }

  Node withNull(boolean n) {
    return n == orNull ? this : new Node(loc, json, mode, n, draft7, absent);
  }

  boolean isBoolean() {
    return json.isBoolean();
  }

  boolean isFalse() {
    return json.isBoolean() && !json.booleanValue() && !orNull;
  }

  JsonNode get(String keyword) {
    return json.isObject() ? json.get(keyword) : null;
  }

  boolean has(String keyword) {
    return json.isObject() && json.has(keyword);
  }

  @Override
  public String toString() {
    return loc + (mode == Mode.PLAIN ? "" : "~" + mode) + (orNull ? "+null" : "") + (absent ? "!" : "");
  }
}
