package dev.contractgate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestEngine;

/**
 * The same sources run on JUnit 5 (examples/junit5) and JUnit 6 (examples/junit6). Each module's Surefire
 * configuration says which major it expects; this test fails if the classpath brought another, so that the
 * two runs cannot silently collapse into one.
 */
class JUnitVersionTest {

  @Test
  void runs_on_the_junit_major_its_module_promises() {
    // GIVEN
    String expected = System.getProperty("examples.junit.major");
    assertThat(expected).as("system property examples.junit.major (set in the module's pom)").isIn("5", "6");
    // WHEN
    String jupiter = Test.class.getPackage().getImplementationVersion();
    String platform = TestEngine.class.getPackage().getImplementationVersion();
    // THEN JUnit 6 numbers Jupiter and Platform alike; JUnit 5 has Platform 1.x next to Jupiter 5.x
    assertThat(jupiter).as("Jupiter version").startsWith(expected + ".");
    assertThat(platform).as("Platform version").startsWith(expected.equals("5") ? "1." : expected + ".");
  }
}
