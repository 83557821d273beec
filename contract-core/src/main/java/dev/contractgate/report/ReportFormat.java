package dev.contractgate.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The renderings of a {@link Report}. All are deterministic: the same report renders to the same bytes.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ReportFormat {
  /** Plain text for the console; ANSI colour only when asked for. */
  TEXT("txt"),
  /** Versioned JSON; its schema is {@code docs/report.schema.json}. */
  JSON("json"),
  /** Markdown for a pull-request comment: summary table, failures first, details collapsed. */
  MARKDOWN("md"),
  /** One self-contained HTML file: no external assets, readable offline. */
  HTML("html"),
  /** JUnit XML for CI dashboards: one test suite per group, one test case per check. */
  JUNIT("xml"),
  /** SARIF 2.1.0 for code scanning (GitHub annotates the contract files of a pull request). */
  SARIF("sarif");

  private final String extension;

  ReportFormat(String extension) {
    this.extension = extension;
  }

  /** File extension without the dot. */
  public String extension() {
    return extension;
  }

  /** Renders without colour. */
  public String render(Report report) {
    return render(report, false);
  }

  /**
   * Renders; {@code color} only affects {@link #TEXT}, {@code verbose} only the text of a {@code diff}
   * report, which then shows every finding's details under its changelog line.
   */
  public String render(Report report, boolean color, boolean verbose) {
    return this == TEXT ? TextRenderer.render(report, color, verbose) : render(report, color);
  }

  /** Renders; {@code color} only affects {@link #TEXT}. */
  public String render(Report report, boolean color) {
    return switch (this) {
      case TEXT -> TextRenderer.render(report, color);
      case JSON -> JsonRenderer.render(report);
      case MARKDOWN -> MarkdownRenderer.render(report);
      case HTML -> HtmlRenderer.render(report);
      case JUNIT -> JUnitXmlRenderer.render(report);
      case SARIF -> SarifRenderer.render(report);
    };
  }
}
