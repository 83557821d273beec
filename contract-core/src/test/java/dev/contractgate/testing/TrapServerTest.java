package dev.contractgate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The trap socket must see a connection, or the "no connection" assertions prove nothing. */
class TrapServerTest {

  @Test
  void should_count_a_connection() throws Exception {
    try (TrapServer trap = TrapServer.start()) {
      // GIVEN
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), trap.port())) {
        // WHEN connected
        assertThat(s.isConnected()).isTrue();
      }
      // THEN
      assertThat(trap.connections()).isEqualTo(1);
    }
  }

  @Test
  void should_count_a_connection_made_just_before_asking() throws Exception {
    try (TrapServer trap = TrapServer.start()) {
      // GIVEN
      Socket s = new Socket(InetAddress.getLoopbackAddress(), trap.port());
      // WHEN
      int connections = trap.connections();
      // THEN
      assertThat(connections).isEqualTo(1);
      s.close();
    }
  }

  @Test
  void should_count_nothing_without_a_connection() {
    try (TrapServer trap = TrapServer.start()) {
      // THEN
      assertThat(trap.connections()).isZero();
    }
  }
}
