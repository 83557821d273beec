/**
 * Implementation of the schema diff engine behind {@link dev.contractgate.diff.SchemaDiff}.
 *
 * <p><strong>DISCLAIMER</strong>: these classes are not part of the public API. They may change or go away
 * at any time, without notice, even in a patch release. Do not use them from outside Contract Gate.
 */
package dev.contractgate.diff.engine;
