package dev.contractgate.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture classes on the Jupiter engine, the way a build tool would, and collects what failed. */
final class EngineRun {

  private final Map<String, String> parameters = new LinkedHashMap<>();

  static EngineRun with() {
    return new EngineRun();
  }

  EngineRun parameter(String key, String value) {
    parameters.put(key, value);
    return this;
  }

  EngineExecutionResults run(Class<?>... classes) {
    var request = EngineTestKit.engine("junit-jupiter")
        // The fixtures are static nested classes, which Surefire and Jupiter skip unless selected like this.
        .selectors(java.util.Arrays.stream(classes).map(c -> selectClass(c)).toArray(org.junit.platform.engine.DiscoverySelector[]::new));
    parameters.forEach(request::configurationParameter);
    return request.execute();
  }

  /** The exceptions of every failed test and container, in event order. */
  static List<Throwable> failures(EngineExecutionResults results) {
    List<Throwable> out = new ArrayList<>();
    for (Event e : results.allEvents().failed().list()) {
      e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).ifPresent(out::add);
    }
    return out;
  }

  /** The single failure of a run, with its message and those of its causes (JUnit wraps resolver errors). */
  static String onlyFailureMessage(EngineExecutionResults results) {
    List<Throwable> all = failures(results);
    if (all.size() != 1) {
      throw new AssertionError("expected exactly one failure but got " + all.size() + ": " + all);
    }
    StringBuilder b = new StringBuilder();
    for (Throwable t = all.get(0); t != null; t = t.getCause()) {
      b.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
    }
    return b.toString();
  }
}
