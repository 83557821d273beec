/**
 * Implementation of the schema diff engine behind {@link dev.contractgate.diff.SchemaDiff}.
 *
 * <p><strong>DISCLAIMER</strong>: these classes are not part of the public API. They may change or go away
 * at any time, without notice, even in a patch release. Do not use them from outside Contract Gate.
 *
 * <p>Where things are: {@code Engine} runs the passes, {@code Fixpoint} discovers and solves the (old, new)
 * schema pairs, {@code Findings} walks the solved pairs and collects what each reports. {@code Planner} sends
 * every plain schema pair to one class per keyword family: {@code TypeKeywords} (type, nullable),
 * {@code EnumKeywords} (enum, const), {@code StringKeywords} (lengths, pattern, format), {@code NumberKeywords}
 * (bounds, multipleOf), {@code ArrayKeywords} (items, prefixItems, contains, item counts, uniqueItems),
 * {@code ObjectKeywords} (properties, required, additional/pattern properties, propertyNames, property counts),
 * {@code DependencyKeywords} (dependentRequired, dependentSchemas, dependencies), {@code CombinatorKeywords}
 * (allOf, anyOf, oneOf, not), {@code ConditionalKeywords} (if, then, else) and {@code AnnotationKeywords}
 * (annotations, and every keyword no other family knows). A new rule is a constant in {@code Kind} (id,
 * relation, inverse, wording), the comparison in its family's class, a case in the test resource
 * {@code diff-cases/<family>.json}, and {@code docs/rules.md} regenerated with {@code RulesDoc}; it touches
 * {@code Verdicts} only when a policy setting softens it, and {@code Messages} only when its meaning needs
 * words of its own.
 */
package dev.contractgate.diff.engine;
