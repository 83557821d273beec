package dev.contractgate.diff;

import dev.contractgate.report.Report;
import dev.contractgate.report.Report.Fact;
import dev.contractgate.report.Report.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * What a finding of a rollback check tells its reader. The diff engine words a change as a step forward
 * (old to new: "undo the change in this major version", "ship the backend first"); a rollback runs the other
 * way, from the running version back to the one before, so its advice is about the rollback: roll the consumer
 * back first, or roll forward with a fix instead.
 */
final class RollbackHints {

  private RollbackHints() {}

  static Finding of(Finding f, EndpointChange c, DeployCheck.Verdict v, DeployCheck.Result result) {
    String from = result.namespace() + "@" + result.candidate();
    String to = result.namespace() + "@" + result.deployed().orElse("?");
    String consumer = v.consumer() + " (built against " + v.pinned() + ")";
    String firstOrForward = "roll " + v.consumer() + " back to a build against " + result.deployed().orElse("?")
        + " first, or roll forward with a fix instead of rolling back to " + to;
    List<Fact> facts = new ArrayList<>(f.facts());
    String hint;
    if (c.ruleId().equals(ConsumerReads.BEHIND_FLAG)) {
      return f; // the read is hidden behind a flag: its meaning already says the feature stays hidden
    } else if (c.ruleId().startsWith("consumer.")) {
      String meaning = "rolling back from " + from + " to " + to + " leaves " + consumer + " reading fields " + to
          + " does not send";
      facts.replaceAll(x -> x.key().equals("meaning") ? new Fact("meaning", meaning) : x);
      hint = firstOrForward;
    } else if (f.level() == Report.Level.BREAKING) {
      hint = "the rollback takes this away while " + consumer + " relies on it: " + firstOrForward;
    } else if (f.level() == Report.Level.WARNING) {
      hint = "the rollback stops declaring it: check that " + v.consumer() + " does not rely on it before rolling"
          + " back to " + to;
    } else {
      return f;
    }
    return new Finding(f.level(), f.rule(), f.where(), facts, hint, f.oldFragment(), f.newFragment(), f.location());
  }

  /**
   * {@code ; listed: 5 breaking, 5 warnings, 1 info}: so a summary that counts what matters (breaking changes)
   * still agrees with the list under it, which also shows warnings and infos. Empty when nothing is listed.
   */
  static String listed(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (Report.Level level : Report.Level.values()) {
      long n = findings.stream().filter(f -> f.level() == level).count();
      if (n > 0) {
        parts.add(n + " " + switch (level) {
          case BREAKING -> "breaking";
          case WARNING -> n == 1 ? "warning" : "warnings";
          case INFO -> n == 1 ? "info" : "infos";
        });
      }
    }
    return "; " + findings.size() + " listed: " + String.join(", ", parts);
  }
}
