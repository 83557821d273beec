/**
 * Recording formats split between a reading thread and the threads that decode: NDJSON lines.
 *
 * <p><strong>DISCLAIMER</strong>: these classes are not part of the public API. They may change or go away
 * at any time, without notice, even in a patch release. Use {@link dev.contractgate.record.RecordingReader}.
 */
package dev.contractgate.core.internal.record;
