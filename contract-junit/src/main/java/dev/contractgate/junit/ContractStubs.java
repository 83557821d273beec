package dev.contractgate.junit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit.Stubbing;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.stub.Stub;
import dev.contractgate.stub.StubPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Registers WireMock stubs for every endpoint of a contract version, so that a frontend (or a test of a
 * service that calls the backend) can run before the backend ships the version.
 *
 * <p>Each endpoint answers with its success response: the schema's first {@code examples} value, or a
 * generated instance that validates, with the headers and cookies the contract asks for. For a namespace
 * with a token, those stubs match only requests that carry the token header (any value, priority 1), and a
 * namespace-wide refusal answers every other request under the base path (priority 10). Stubs you register
 * yourself at priority 1 to 9 (or with the default priority 5) for the same paths win over the refusal;
 * WireMock picks the most recently added of equal priority.
 *
 * <pre>{@code
 * @RegisterExtension
 * static WireMockExtension backend = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
 *
 * @BeforeEach
 * void stubs(ContractRegistry registry) {
 *   ContractStubs.register(backend, registry, "ivanpin", "1.2.0");
 * }
 * }</pre>
 *
 * <p>Needs {@code org.wiremock:wiremock-standalone} on the test classpath (an optional dependency of this
 * module).
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContractStubs {

  private ContractStubs() {}

  /**
   * Registers the stubs on a {@code WireMockServer} or a {@code WireMockExtension}.
   *
   * @return the stubs as registered, endpoint stubs first, then the refusal
   * @throws dev.contractgate.registry.ContractException for an unknown namespace or version, or a response
   *     schema no stub body can be built for
   */
  public static List<Stub> register(Stubbing wireMock, ContractRegistry registry, String namespace, String version) {
    Objects.requireNonNull(wireMock, "wireMock");
    List<Stub> stubs = plan(registry, namespace, version);
    for (Stub s : stubs) {
      wireMock.stubFor(mapping(s));
    }
    return stubs;
  }

  /** Registers the stubs through a WireMock client, e.g. on a WireMock running in another process. */
  public static List<Stub> register(WireMock wireMock, ContractRegistry registry, String namespace, String version) {
    Objects.requireNonNull(wireMock, "wireMock");
    List<Stub> stubs = plan(registry, namespace, version);
    for (Stub s : stubs) {
      wireMock.register(mapping(s));
    }
    return stubs;
  }

  /** The WireMock mapping of one stub, for tests that change a stub before registering it. */
  public static MappingBuilder mapping(Stub stub) {
    Objects.requireNonNull(stub, "stub");
    MappingBuilder m = request(stub.method(), urlPathMatching(stub.pathRegex()));
    boolean refusal = stub.endpoint().equals("*");
    if (stub.tokenHeader().isPresent()) {
      m = m.withHeader(stub.tokenHeader().get(), matching(".+"));
    }
    // The refusal catches whatever the endpoint stubs did not match, so it must rank below all of them.
    m = m.atPriority(refusal ? 10 : 1)
        .withName(stub.namespace() + "@" + stub.version() + " " + (refusal ? "refusal without token" : stub.endpoint()));
    ResponseDefinitionBuilder r = aResponse().withStatus(stub.status()).withBody(stub.body());
    for (Map.Entry<String, String> h : stub.headers().entrySet()) {
      r = r.withHeader(h.getKey(), h.getValue());
    }
    return m.willReturn(r);
  }

  private static List<Stub> plan(ContractRegistry registry, String namespace, String version) {
    Objects.requireNonNull(registry, "registry");
    ContractVersion v = registry.requireVersion(namespace, version);
    List<Stub> stubs = new ArrayList<>(StubPlan.of(registry, v));
    StubPlan.refusal(registry, v).ifPresent(stubs::add);
    return List.copyOf(stubs);
  }
}
