/**
 * The renderings of {@link dev.contractgate.report.Report}: text, JSON, Markdown, HTML and JUnit XML.
 *
 * <p><strong>DISCLAIMER</strong>: these classes are not part of the public API. They may change or go away
 * at any time, without notice, even in a patch release. Use {@link dev.contractgate.report.ReportFormat}.
 */
package dev.contractgate.core.internal.report;
