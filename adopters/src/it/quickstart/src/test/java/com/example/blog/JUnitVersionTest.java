package com.example.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The adopter build's own proof that it ran on the JUnit Jupiter it declared, not on one that we brought. */
class JUnitVersionTest {

  @Test
  void runs_on_the_declared_jupiter() {
    assertEquals(System.getProperty("expected.jupiter"), Test.class.getPackage().getImplementationVersion());
  }
}
