package dev.contractgate.core.internal.report;

import dev.contractgate.report.Report;

/** Placeholder until the renderer lands; falls back to the text rendering. */
public final class MarkdownRenderer {
  private MarkdownRenderer() {}

  public static String render(Report report) {
    return TextRenderer.render(report, false);
  }
}
