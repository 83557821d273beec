/**
 * Contracts from recorded traffic: {@link dev.contractgate.infer.Inference} streams recordings (NDJSON, HAR,
 * WireMock) once and writes a complete contract version whose schemas accept every body they were inferred
 * from, each inferred constraint annotated with its evidence; or proposes the next version of an existing
 * contract, widened only where the recordings show values it rejects. The rules and their thresholds
 * ({@link dev.contractgate.infer.InferOptions}) are described in {@code docs/infer.md}.
 */
package dev.contractgate.infer;
