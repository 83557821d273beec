package dev.contractgate.junit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import dev.contractgate.registry.ContractRegistry;
import java.util.Map;
import java.util.function.Function;

/** A WireMock backend on loopback with a free port, serving the stubs of both example namespaces. */
public final class Backend implements AutoCloseable {

  /** The values the module's Surefire configuration exports; the stubs accept any, tests check these. */
  public static final String IVANPIN_TOKEN = "ivanpin-test-token-5e1f0c3a9d";
  public static final String WGP_TOKEN = "wgp-test-token-77b2d4e8f1";
  public static final Function<String, String> TOKENS =
      Map.of("IVANPIN_API_TOKEN", IVANPIN_TOKEN, "WGP_API_TOKEN", WGP_TOKEN)::get;

  /** Loaded once for all tests that do not go through the extension. */
  public static final ContractRegistry REGISTRY =
      ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT, Backend.class.getClassLoader());

  public final WireMockServer server;

  private Backend(WireMockServer server) {
    this.server = server;
  }

  /** Started, with the stubs of ivanpin 1.2.0 and wgp 1.2.0. */
  public static Backend start(Extension... extensions) {
    WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
        .containerThreads(12).extensions(extensions));
    server.start();
    ContractStubs.register(server, REGISTRY, "ivanpin", "1.2.0");
    ContractStubs.register(server, REGISTRY, "wgp", "1.2.0");
    return new Backend(server);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
