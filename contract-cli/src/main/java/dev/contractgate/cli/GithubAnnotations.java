package dev.contractgate.cli;

import dev.contractgate.report.Report;
import dev.contractgate.report.Report.Entry;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import dev.contractgate.report.Report.Status;
import java.util.function.Function;

/**
 * GitHub Actions workflow commands ({@code ::error file=F,line=N,title=T::message}) for the findings of a
 * report, so a run shows them as annotations on the contract files of a pull request. Printed after the text
 * report when the environment has {@code GITHUB_ACTIONS=true}; the caller passes the result through the run's
 * redactor like every other output.
 */
final class GithubAnnotations {

  private GithubAnnotations() {}

  /** True in a GitHub Actions job (the runner sets the variable to {@code true}). */
  static boolean active(Function<String, String> env) {
    return "true".equalsIgnoreCase(String.valueOf(env.apply("GITHUB_ACTIONS")).strip());
  }

  /**
   * One line per breaking or warning finding: {@code error} for a breaking finding of a failed check,
   * {@code warning} otherwise; a failed check without findings gets one {@code error}. Infos are left out
   * (the text report above has them).
   */
  static String render(Report report) {
    StringBuilder b = new StringBuilder();
    for (Entry e : report.entries()) {
      for (Finding f : e.findings()) {
        String command = switch (f.level()) {
          case BREAKING -> e.status() == Status.FAILED ? "error" : "warning";
          case WARNING -> "warning";
          case INFO -> null;
        };
        if (command != null) {
          line(b, command, f.location(), e.group() + " " + e.name() + ": " + f.rule(), message(f));
        }
      }
      if (e.status() == Status.FAILED && e.findings().isEmpty()) {
        line(b, "error", Report.Location.NONE, e.group() + " " + e.name(), e.summary());
      }
    }
    return b.toString();
  }

  private static void line(StringBuilder b, String command, Report.Location at, String title, String message) {
    b.append("::").append(command).append(' ');
    if (at.isKnown()) {
      b.append("file=").append(property(at.file()));
      if (at.line() > 0) {
        b.append(",line=").append(at.line());
      }
      b.append(',');
    }
    b.append("title=").append(property(title)).append("::").append(data(message)).append('\n');
  }

  private static String message(Finding f) {
    StringBuilder b = new StringBuilder(f.where().isEmpty() ? f.rule() : f.rule() + " at " + f.where());
    for (Fact fact : f.facts()) {
      if (!fact.value().isEmpty()) {
        b.append('\n').append(fact.key()).append(": ").append(fact.value());
      }
    }
    if (!f.hint().isEmpty()) {
      b.append("\nhint: ").append(f.hint());
    }
    return b.toString();
  }

  /** The message of a workflow command: {@code %}, CR and LF encoded, so a value cannot start a new command. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value: as {@link #data}, and {@code :} and {@code ,}, which end a property. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
