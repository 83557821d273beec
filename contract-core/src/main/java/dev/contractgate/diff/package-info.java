/**
 * Compares two JSON Schemas and says, per location and per direction, whether the change can break a
 * consumer: {@link dev.contractgate.diff.SchemaDiff} is the entry point, {@link dev.contractgate.diff.Rules}
 * the catalogue of stable rule ids.
 */
package dev.contractgate.diff;
