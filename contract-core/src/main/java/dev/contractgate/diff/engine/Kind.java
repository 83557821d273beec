package dev.contractgate.diff.engine;

import static dev.contractgate.diff.Relation.EQUAL;
import static dev.contractgate.diff.Relation.INCOMPARABLE;
import static dev.contractgate.diff.Relation.NARROWER;
import static dev.contractgate.diff.Relation.UNKNOWN;
import static dev.contractgate.diff.Relation.WIDER;
import static dev.contractgate.diff.RuleCategory.ANNOTATION;
import static dev.contractgate.diff.RuleCategory.CONSTRAINTS;
import static dev.contractgate.diff.RuleCategory.EXISTENCE;
import static dev.contractgate.diff.RuleCategory.REQUIREDNESS;
import static dev.contractgate.diff.RuleCategory.STRUCTURE;
import static dev.contractgate.diff.RuleCategory.TYPE;
import static dev.contractgate.diff.RuleCategory.UNDECIDABLE;
import static dev.contractgate.diff.RuleCategory.VALUES;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.contractgate.diff.Relation;
import dev.contractgate.diff.RuleCategory;
import org.apiguardian.api.API;

/**
 * A direction-neutral change kind. Each kind has a fixed set relation, so a rule's verdict never depends on
 * context; where context decides (a property removed from an open or a closed object), there are two kinds.
 * The inverse is the kind the same edit gets when read new → old; it defines the mirror rule.
 */
@API(status = INTERNAL, since = "0.1")
public enum Kind {
  TYPE_WIDENED("type.widened", TYPE, WIDER, "type.narrowed", "a type was added or generalised",
      "{\"type\":\"integer\"} → {\"type\":\"number\"}", "values of type %s"),
  TYPE_NARROWED("type.narrowed", TYPE, NARROWER, "type.widened", "a type was removed or specialised",
      "{\"type\":[\"string\",\"integer\"]} → {\"type\":\"string\"}", "values of type %s"),
  TYPE_CHANGED("type.changed", TYPE, INCOMPARABLE, "type.changed", "the type changed to an unrelated one",
      "{\"type\":\"string\"} → {\"type\":\"integer\"}", "values of the old type %s"),
  NULLABLE_ADDED("type.nullable-added", TYPE, WIDER, "type.nullable-removed", "the value became nullable",
      "{\"type\":\"string\"} → {\"type\":[\"string\",\"null\"]}", "null%s"),
  NULLABLE_REMOVED("type.nullable-removed", TYPE, NARROWER, "type.nullable-added",
      "the value is no longer nullable", "{\"type\":[\"string\",\"null\"]} → {\"type\":\"string\"}", "null%s"),
  SCHEMA_NO_LONGER_FALSE("schema.no-longer-false", EXISTENCE, WIDER, "schema.became-false",
      "a schema that accepted nothing now accepts values", "false → {\"type\":\"string\"}", "any value%s"),
  SCHEMA_BECAME_FALSE("schema.became-false", EXISTENCE, NARROWER, "schema.no-longer-false",
      "a schema now accepts nothing", "{\"type\":\"string\"} → false", "any value%s"),
  UNKNOWN_KEYWORD("schema.unknown", UNDECIDABLE, UNKNOWN, "schema.unknown",
      "a keyword the engine does not model was added, removed or changed",
      "{\"x\":1} → {\"x\":2} for an unknown keyword \"x\" (x-* extensions are annotations)", "keyword %s"),
  UNDECIDABLE_CHANGE("schema.undecidable", UNDECIDABLE, UNKNOWN, "schema.undecidable",
      "a change whose effect cannot be decided from the schemas (overlapping oneOf, changed if, regex"
          + " coverage, unevaluated* next to applicators)",
      "{\"oneOf\":[A,B]} → {\"oneOf\":[A,B,C]} with C overlapping A", "%s"),
  ENUM_VALUE_ADDED("enum.value-added", VALUES, WIDER, "enum.value-removed", "an enum value was added",
      "{\"enum\":[\"a\"]} → {\"enum\":[\"a\",\"b\"]}", "the value %s"),
  ENUM_VALUE_REMOVED("enum.value-removed", VALUES, NARROWER, "enum.value-added", "an enum value was removed",
      "{\"enum\":[\"a\",\"b\"]} → {\"enum\":[\"a\"]}", "the value %s"),
  ENUM_REMOVED("enum.removed", VALUES, WIDER, "enum.added", "an enum or const restriction was removed",
      "{\"const\":\"a\"} → {\"type\":\"string\"}", "values outside %s"),
  ENUM_ADDED("enum.added", VALUES, NARROWER, "enum.removed", "an enum or const restriction was added",
      "{\"type\":\"string\"} → {\"enum\":[\"a\"]}", "values outside %s"),
  MAX_LENGTH_RAISED("string.max-length-raised", CONSTRAINTS, WIDER, "string.max-length-lowered",
      "maxLength was raised or removed", "{\"maxLength\":5} → {\"maxLength\":10}", "strings longer than %s"),
  MAX_LENGTH_LOWERED("string.max-length-lowered", CONSTRAINTS, NARROWER, "string.max-length-raised",
      "maxLength was lowered or added", "{\"maxLength\":10} → {\"maxLength\":5}", "strings longer than %s"),
  MIN_LENGTH_LOWERED("string.min-length-lowered", CONSTRAINTS, WIDER, "string.min-length-raised",
      "minLength was lowered or removed", "{\"minLength\":3} → {\"minLength\":1}", "strings shorter than %s"),
  MIN_LENGTH_RAISED("string.min-length-raised", CONSTRAINTS, NARROWER, "string.min-length-lowered",
      "minLength was raised or added", "{\"minLength\":1} → {\"minLength\":3}", "strings shorter than %s"),
  PATTERN_REMOVED("string.pattern-removed", CONSTRAINTS, WIDER, "string.pattern-added", "pattern was removed",
      "{\"pattern\":\"^a\"} → {}", "strings that do not match %s"),
  PATTERN_ADDED("string.pattern-added", CONSTRAINTS, NARROWER, "string.pattern-removed", "pattern was added",
      "{} → {\"pattern\":\"^a\"}", "strings that do not match %s"),
  PATTERN_WIDENED("string.pattern-widened", CONSTRAINTS, WIDER, "string.pattern-narrowed",
      "pattern changed and now matches strings it did not match (decided by regex inclusion)",
      "{\"pattern\":\"^[a-z]+$\"} → {\"pattern\":\"^[a-z0-9]+$\"}", "strings only the new pattern matches (%s)"),
  PATTERN_NARROWED("string.pattern-narrowed", CONSTRAINTS, NARROWER, "string.pattern-widened",
      "pattern changed and no longer matches strings it matched (decided by regex inclusion)",
      "{\"pattern\":\"^[a-z0-9]+$\"} → {\"pattern\":\"^[a-z]+$\"}", "strings only the old pattern matches (%s)"),
  PATTERN_CHANGED("string.pattern-changed", UNDECIDABLE, UNKNOWN, "string.pattern-changed",
      "pattern text changed and regex inclusion cannot be decided (a back-reference, a look-around, or another"
          + " construct the translation cannot represent exactly)", "{\"pattern\":\"^a\"} → {\"pattern\":\"^(a)\\\\1\"}",
      "strings matched by one pattern only (%s)"),
  FORMAT_REMOVED("string.format-removed", CONSTRAINTS, WIDER, "string.format-added",
      "format was removed (format counted as an assertion)", "{\"format\":\"email\"} → {}",
      "strings that are not %s"),
  FORMAT_ADDED("string.format-added", CONSTRAINTS, NARROWER, "string.format-removed",
      "format was added (format counted as an assertion)", "{} → {\"format\":\"email\"}",
      "strings that are not %s"),
  FORMAT_CHANGED("string.format-changed", CONSTRAINTS, INCOMPARABLE, "string.format-changed",
      "format changed (format counted as an assertion)", "{\"format\":\"date\"} → {\"format\":\"date-time\"}",
      "strings in one format only (%s)"),
  MAXIMUM_RAISED("number.maximum-raised", CONSTRAINTS, WIDER, "number.maximum-lowered",
      "the upper bound (maximum / exclusiveMaximum) was raised or removed", "{\"maximum\":5} → {\"maximum\":9}",
      "numbers above %s"),
  MAXIMUM_LOWERED("number.maximum-lowered", CONSTRAINTS, NARROWER, "number.maximum-raised",
      "the upper bound (maximum / exclusiveMaximum) was lowered or added", "{\"maximum\":9} → {\"maximum\":5}",
      "numbers above %s"),
  MINIMUM_LOWERED("number.minimum-lowered", CONSTRAINTS, WIDER, "number.minimum-raised",
      "the lower bound (minimum / exclusiveMinimum) was lowered or removed", "{\"minimum\":1} → {\"minimum\":0}",
      "numbers below %s"),
  MINIMUM_RAISED("number.minimum-raised", CONSTRAINTS, NARROWER, "number.minimum-lowered",
      "the lower bound (minimum / exclusiveMinimum) was raised or added", "{\"minimum\":0} → {\"minimum\":1}",
      "numbers below %s"),
  MULTIPLE_OF_RELAXED("number.multiple-of-relaxed", CONSTRAINTS, WIDER, "number.multiple-of-tightened",
      "multipleOf was removed or divided", "{\"multipleOf\":10} → {\"multipleOf\":5}",
      "numbers that are not multiples of %s"),
  MULTIPLE_OF_TIGHTENED("number.multiple-of-tightened", CONSTRAINTS, NARROWER, "number.multiple-of-relaxed",
      "multipleOf was added or multiplied", "{\"multipleOf\":5} → {\"multipleOf\":10}",
      "numbers that are not multiples of %s"),
  MULTIPLE_OF_CHANGED("number.multiple-of-changed", CONSTRAINTS, INCOMPARABLE, "number.multiple-of-changed",
      "multipleOf changed and neither value divides the other", "{\"multipleOf\":3} → {\"multipleOf\":5}",
      "numbers that are multiples of one value only (%s)"),
  MAX_ITEMS_RAISED("array.max-items-raised", CONSTRAINTS, WIDER, "array.max-items-lowered",
      "maxItems was raised or removed", "{\"maxItems\":2} → {\"maxItems\":5}", "arrays longer than %s"),
  MAX_ITEMS_LOWERED("array.max-items-lowered", CONSTRAINTS, NARROWER, "array.max-items-raised",
      "maxItems was lowered or added", "{\"maxItems\":5} → {\"maxItems\":2}", "arrays longer than %s"),
  MIN_ITEMS_LOWERED("array.min-items-lowered", CONSTRAINTS, WIDER, "array.min-items-raised",
      "minItems was lowered or removed", "{\"minItems\":1} → {\"minItems\":0}", "arrays shorter than %s"),
  MIN_ITEMS_RAISED("array.min-items-raised", CONSTRAINTS, NARROWER, "array.min-items-lowered",
      "minItems was raised or added", "{\"minItems\":0} → {\"minItems\":1}", "arrays shorter than %s"),
  UNIQUE_ITEMS_REMOVED("array.unique-items-removed", CONSTRAINTS, WIDER, "array.unique-items-added",
      "uniqueItems was removed", "{\"uniqueItems\":true} → {}", "arrays with duplicates%s"),
  UNIQUE_ITEMS_ADDED("array.unique-items-added", CONSTRAINTS, NARROWER, "array.unique-items-removed",
      "uniqueItems was added", "{} → {\"uniqueItems\":true}", "arrays with duplicates%s"),
  CONTAINS_REMOVED("array.contains-removed", STRUCTURE, WIDER, "array.contains-added", "contains was removed",
      "{\"contains\":{\"const\":1}} → {}", "arrays without an item matching %s"),
  CONTAINS_ADDED("array.contains-added", STRUCTURE, NARROWER, "array.contains-removed", "contains was added",
      "{} → {\"contains\":{\"const\":1}}", "arrays without an item matching %s"),
  MAX_CONTAINS_RAISED("array.max-contains-raised", CONSTRAINTS, WIDER, "array.max-contains-lowered",
      "maxContains was raised or removed", "{\"maxContains\":1} → {\"maxContains\":3}",
      "arrays with more matching items than %s"),
  MAX_CONTAINS_LOWERED("array.max-contains-lowered", CONSTRAINTS, NARROWER, "array.max-contains-raised",
      "maxContains was lowered or added", "{\"maxContains\":3} → {\"maxContains\":1}",
      "arrays with more matching items than %s"),
  MIN_CONTAINS_LOWERED("array.min-contains-lowered", CONSTRAINTS, WIDER, "array.min-contains-raised",
      "minContains was lowered", "{\"minContains\":2} → {\"minContains\":1}",
      "arrays with fewer matching items than %s"),
  MIN_CONTAINS_RAISED("array.min-contains-raised", CONSTRAINTS, NARROWER, "array.min-contains-lowered",
      "minContains was raised", "{\"minContains\":1} → {\"minContains\":2}",
      "arrays with fewer matching items than %s"),
  PROPERTY_REMOVED("property.removed", EXISTENCE, WIDER, "property.added",
      "a property was removed from an object that stays open, so its name now accepts any value",
      "{\"properties\":{\"a\":{\"type\":\"string\"}}} → {}", "any value for %s"),
  PROPERTY_ADDED("property.added", EXISTENCE, NARROWER, "property.removed",
      "a property was declared on an object that was open, so its name now accepts only the declared schema",
      "{} → {\"properties\":{\"a\":{\"type\":\"string\"}}}", "any value for %s"),
  PROPERTY_ADDED_TO_CLOSED("property.added-to-closed", EXISTENCE, WIDER, "property.removed-from-closed",
      "a property was added to an object that was closed (additionalProperties false)",
      "{\"additionalProperties\":false} → {\"properties\":{\"a\":{}},\"additionalProperties\":false}",
      "objects with %s"),
  PROPERTY_REMOVED_FROM_CLOSED("property.removed-from-closed", EXISTENCE, NARROWER, "property.added-to-closed",
      "a property was removed from an object that is closed, so objects carrying it are rejected",
      "{\"properties\":{\"a\":{}},\"additionalProperties\":false} → {\"additionalProperties\":false}",
      "objects with %s"),
  REQUIRED_REMOVED("property.required-removed", REQUIREDNESS, WIDER, "property.required-added",
      "a property is no longer required", "{\"required\":[\"a\",\"b\"]} → {\"required\":[\"a\"]}",
      "objects without %s"),
  REQUIRED_ADDED("property.required-added", REQUIREDNESS, NARROWER, "property.required-removed",
      "a property became required or a required property was added",
      "{\"required\":[\"a\"]} → {\"required\":[\"a\",\"b\"]}", "objects without %s"),
  OBJECT_OPENED("object.opened", STRUCTURE, WIDER, "object.closed",
      "additionalProperties (or unevaluatedProperties) went from false to allowed",
      "{\"additionalProperties\":false} → {}", "objects with undeclared properties%s"),
  OBJECT_CLOSED("object.closed", STRUCTURE, NARROWER, "object.opened",
      "additionalProperties (or unevaluatedProperties) became false",
      "{} → {\"additionalProperties\":false}", "objects with undeclared properties%s"),
  PATTERN_PROPERTY_REMOVED("object.pattern-property-removed", STRUCTURE, WIDER, "object.pattern-property-added",
      "a patternProperties entry was removed from an open object",
      "{\"patternProperties\":{\"^x-\":{\"type\":\"string\"}}} → {}", "any value for names matching %s"),
  PATTERN_PROPERTY_ADDED("object.pattern-property-added", STRUCTURE, NARROWER, "object.pattern-property-removed",
      "a patternProperties entry was added to an open object",
      "{} → {\"patternProperties\":{\"^x-\":{\"type\":\"string\"}}}", "any value for names matching %s"),
  PATTERN_PROPERTY_ALLOWED("object.pattern-property-allowed", STRUCTURE, WIDER,
      "object.pattern-property-forbidden",
      "a patternProperties entry was added to a closed object and admits names it rejected (decided by regex)",
      "{\"additionalProperties\":false} → {\"patternProperties\":{\"^x-\":{}},\"additionalProperties\":false}",
      "properties named like %s"),
  PATTERN_PROPERTY_FORBIDDEN("object.pattern-property-forbidden", STRUCTURE, NARROWER,
      "object.pattern-property-allowed",
      "a patternProperties entry was removed from a closed object, which now rejects names it admitted"
          + " (decided by regex)",
      "{\"patternProperties\":{\"^x-\":{}},\"additionalProperties\":false} → {\"additionalProperties\":false}",
      "properties named like %s"),
  PROPERTY_NAMES_REMOVED("object.property-names-removed", STRUCTURE, WIDER, "object.property-names-added",
      "propertyNames was removed", "{\"propertyNames\":{\"maxLength\":3}} → {}", "property names outside %s"),
  PROPERTY_NAMES_ADDED("object.property-names-added", STRUCTURE, NARROWER, "object.property-names-removed",
      "propertyNames was added", "{} → {\"propertyNames\":{\"maxLength\":3}}", "property names outside %s"),
  MAX_PROPERTIES_RAISED("object.max-properties-raised", CONSTRAINTS, WIDER, "object.max-properties-lowered",
      "maxProperties was raised or removed", "{\"maxProperties\":2} → {\"maxProperties\":5}",
      "objects with more properties than %s"),
  MAX_PROPERTIES_LOWERED("object.max-properties-lowered", CONSTRAINTS, NARROWER, "object.max-properties-raised",
      "maxProperties was lowered or added", "{\"maxProperties\":5} → {\"maxProperties\":2}",
      "objects with more properties than %s"),
  MIN_PROPERTIES_LOWERED("object.min-properties-lowered", CONSTRAINTS, WIDER, "object.min-properties-raised",
      "minProperties was lowered or removed", "{\"minProperties\":2} → {\"minProperties\":1}",
      "objects with fewer properties than %s"),
  MIN_PROPERTIES_RAISED("object.min-properties-raised", CONSTRAINTS, NARROWER, "object.min-properties-lowered",
      "minProperties was raised or added", "{\"minProperties\":1} → {\"minProperties\":2}",
      "objects with fewer properties than %s"),
  DEPENDENT_REQUIRED_REMOVED("object.dependent-required-removed", REQUIREDNESS, WIDER,
      "object.dependent-required-added", "a dependentRequired (dependencies) name was removed",
      "{\"dependentRequired\":{\"a\":[\"b\"]}} → {}", "objects with %s"),
  DEPENDENT_REQUIRED_ADDED("object.dependent-required-added", REQUIREDNESS, NARROWER,
      "object.dependent-required-removed", "a dependentRequired (dependencies) name was added",
      "{} → {\"dependentRequired\":{\"a\":[\"b\"]}}", "objects with %s"),
  DEPENDENT_SCHEMA_REMOVED("object.dependent-schema-removed", STRUCTURE, WIDER, "object.dependent-schema-added",
      "a dependentSchemas (dependencies) entry was removed",
      "{\"dependentSchemas\":{\"a\":{\"required\":[\"b\"]}}} → {}", "objects with %s that break its schema"),
  DEPENDENT_SCHEMA_ADDED("object.dependent-schema-added", STRUCTURE, NARROWER, "object.dependent-schema-removed",
      "a dependentSchemas (dependencies) entry was added",
      "{} → {\"dependentSchemas\":{\"a\":{\"required\":[\"b\"]}}}", "objects with %s that break its schema"),
  ANY_OF_BRANCH_ADDED("anyOf.branch-added", STRUCTURE, WIDER, "anyOf.branch-removed",
      "an anyOf branch was added (or a schema became an anyOf that contains it)",
      "{\"anyOf\":[A]} → {\"anyOf\":[A,B]}", "values of the branch %s"),
  ANY_OF_BRANCH_REMOVED("anyOf.branch-removed", STRUCTURE, NARROWER, "anyOf.branch-added",
      "an anyOf branch was removed", "{\"anyOf\":[A,B]} → {\"anyOf\":[A]}", "values of the branch %s"),
  ONE_OF_BRANCH_ADDED("oneOf.branch-added", STRUCTURE, WIDER, "oneOf.branch-removed",
      "a oneOf branch disjoint from the others was added", "{\"oneOf\":[{\"type\":\"string\"}]} →"
          + " {\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}", "values of the branch %s"),
  ONE_OF_BRANCH_REMOVED("oneOf.branch-removed", STRUCTURE, NARROWER, "oneOf.branch-added",
      "a oneOf branch disjoint from the others was removed",
      "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]} → {\"oneOf\":[{\"type\":\"string\"}]}",
      "values of the branch %s"),
  ONE_OF_BECAME_ANY_OF("oneOf.became-anyOf", STRUCTURE, WIDER, "anyOf.became-oneOf",
      "a oneOf whose branches may overlap became an anyOf (or a single schema) of the same branches: values"
          + " matching several branches are now accepted",
      "{\"oneOf\":[{\"required\":[\"a\"]},{\"required\":[\"b\"]}]} →"
          + " {\"anyOf\":[{\"required\":[\"a\"]},{\"required\":[\"b\"]}]}", "values matching %s"),
  ANY_OF_BECAME_ONE_OF("anyOf.became-oneOf", STRUCTURE, NARROWER, "oneOf.became-anyOf",
      "an anyOf (or a single schema) became a oneOf of the same branches that may overlap: values matching"
          + " several branches are now rejected",
      "{\"anyOf\":[{\"required\":[\"a\"]},{\"required\":[\"b\"]}]} →"
          + " {\"oneOf\":[{\"required\":[\"a\"]},{\"required\":[\"b\"]}]}", "values matching %s"),
  COUNTER_WITNESS_WIDER("schema.counter-witness-wider", UNDECIDABLE, WIDER, "schema.counter-witness-narrower",
      "the engine's own reasoning missed it: the second opinion found a value the new version accepts and the"
          + " old one rejects",
      "any pair the keyword rules call safe (or undecided) for responses, refuted by a generated instance",
      "%s"),
  COUNTER_WITNESS_NARROWER("schema.counter-witness-narrower", UNDECIDABLE, NARROWER,
      "schema.counter-witness-wider",
      "the engine's own reasoning missed it: the second opinion found a value the old version accepts and the"
          + " new one rejects",
      "any pair the keyword rules call safe (or undecided) for requests, refuted by a generated instance", "%s"),
  ALL_OF_CONJUNCT_REMOVED("allOf.conjunct-removed", STRUCTURE, WIDER, "allOf.conjunct-added",
      "an allOf conjunct (or anyOf / oneOf next to other keywords) was removed",
      "{\"allOf\":[A,B]} → {\"allOf\":[A]}", "values that break %s"),
  ALL_OF_CONJUNCT_ADDED("allOf.conjunct-added", STRUCTURE, NARROWER, "allOf.conjunct-removed",
      "an allOf conjunct (or anyOf / oneOf next to other keywords) was added",
      "{\"allOf\":[A]} → {\"allOf\":[A,B]}", "values that break %s"),
  NOT_REMOVED("not.removed", STRUCTURE, WIDER, "not.added", "a not was removed",
      "{\"not\":{\"const\":0}} → {}", "values matching %s"),
  NOT_ADDED("not.added", STRUCTURE, NARROWER, "not.removed", "a not was added", "{} → {\"not\":{\"const\":0}}",
      "values matching %s"),
  CONDITIONAL_REMOVED("conditional.removed", STRUCTURE, WIDER, "conditional.added",
      "an if/then/else was removed", "{\"if\":I,\"then\":T} → {}", "values that break the conditional %s"),
  CONDITIONAL_ADDED("conditional.added", STRUCTURE, NARROWER, "conditional.removed",
      "an if/then/else was added", "{} → {\"if\":I,\"then\":T}", "values that break the conditional %s"),
  ANNOTATION_CHANGED("annotation.changed", ANNOTATION, EQUAL, "annotation.changed",
      "an annotation changed (title, description, examples, default, deprecated, readOnly, writeOnly,"
          + " $comment, format as annotation ...)",
      "{\"description\":\"a\"} → {\"description\":\"b\"}", "%s");

  private final String id;
  private final RuleCategory category;
  private final Relation relation;
  private final String inverseId;
  private final String description;
  private final String example;
  private final String values;

  Kind(String id, RuleCategory category, Relation relation, String inverseId, String description,
      String example, String values) {
    this.id = id;
    this.category = category;
    this.relation = relation;
    this.inverseId = inverseId;
    this.description = description;
    this.example = example;
    this.values = values;
  }

  public String id() {
    return id;
  }

  public RuleCategory category() {
    return category;
  }

  public Relation relation() {
    return relation;
  }

  public String inverseId() {
    return inverseId;
  }

  public String description() {
    return description;
  }

  public String example() {
    return example;
  }

  /** A phrase naming the values the change gains or loses; {@code %s} is the subject. */
  String values(String subject) {
    return String.format(values, subject);
  }

  public static Kind byId(String id) {
    for (Kind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("no change kind " + id);
  }
}
