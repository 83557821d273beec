package dev.contractgate.docs;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.contractgate.assertj.ContractAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.contractgate.junit.ContractBaseUrl;
import dev.contractgate.junit.ProviderState;
import dev.contractgate.assertj.ContractSoftAssertions;
import dev.contractgate.junit.ContractClient;
import dev.contractgate.junit.ContractExtension;
import dev.contractgate.junit.ContractResponse;
import dev.contractgate.junit.ContractStubs;
import dev.contractgate.junit.ContractTest;
import dev.contractgate.junit.ContractValidatingListener;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.Namespace;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import dev.contractgate.junit.ContractHistory;
import dev.contractgate.junit.ContractProbes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Keeps {@code docs/junit.md} honest: every Java block there is a tagged region of this file (or, for
 * imports, a line of it), and the fixtures the quickstart and WireMock sections show actually pass.
 */
class DocsSnippetsTest {

  private static final Path THIS_FILE = Path.of("src/test/java/dev/contractgate/docs/DocsSnippetsTest.java");
  private static final Path DOC = Path.of("../docs/junit.md");

  private static com.github.tomakehurst.wiremock.WireMockServer backend;

  @BeforeAll
  static void start_backend() {
    ContractRegistry registry = ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT,
        DocsSnippetsTest.class.getClassLoader());
    backend = new com.github.tomakehurst.wiremock.WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    backend.start();
    ContractStubs.register(backend, registry, "ivanpin", "1.2.0");
    ContractStubs.register(backend, registry, "wgp", "1.2.0");
  }

  @AfterAll
  static void stop_backend() {
    backend.stop();
  }

  @Test
  void every_java_block_of_the_doc_is_code_of_this_file() throws IOException {
    // GIVEN
    String source = Files.readString(THIS_FILE, StandardCharsets.UTF_8);
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    List<String> blocks = javaBlocks(doc);
    // WHEN / THEN
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(4);
    for (String block : blocks) {
      List<String> code = new ArrayList<>();
      for (String line : block.split("\n", -1)) {
        if (line.startsWith("import ")) {
          assertThat(source).as("import in docs/junit.md").contains(line);
        } else {
          code.add(line);
        }
      }
      String body = String.join("\n", code).strip();
      assertThat(taggedRegions(source)).as("a tagged region of DocsSnippetsTest equal to this block of docs/junit.md")
          .contains(body);
    }
  }

  @Test
  void the_quickstart_and_soft_classes_pass_against_a_backend_that_keeps_the_contract() {
    // WHEN
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(BlogContractTest.class), selectClass(SoftlyTest.class))
        .configurationParameter("contract.baseUrl", backend.baseUrl())
        .execute();
    // THEN
    results.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
  }

  @Test
  void the_random_port_example_passes_with_no_base_url_configured() {
    // WHEN no contract.baseUrl is given: the class's @ContractBaseUrl is the only source
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(RandomPortContractTest.class)).execute();
    // THEN
    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
  }

  @Test
  void the_wiremock_example_passes() {
    // WHEN
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BlogPageTest.class))
        .execute();
    // THEN
    results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
  }

  private static List<String> javaBlocks(String markdown) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Regions between tag comments, de-indented, with "static " dropped from nested class declarations. */
  private static List<String> taggedRegions(String source) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("// tag::(\\w+)\\[]\n(.*?)\n\\s*// end::\\1\\[]", Pattern.DOTALL).matcher(source);
    while (m.find()) {
      String region = m.group(2).stripIndent().replaceAll("(?m)^static class ", "class ");
      out.add(region.strip());
    }
    return out;
  }

  // ---- the doc's examples; static nested so that only the tests above run them -----------------------------

  // tag::quickstart[]
  @ContractTest(namespace = "ivanpin")
  static class BlogContractTest {

    @Test
    void blog_list_matches_its_contract(ContractClient client) {
      ContractResponse response = client.call("ivanpin", "blog.list");

      assertThat(response).hasStatus(200).matchesContract();
    }

    @Test
    void every_endpoint_matches_its_contract(ContractClient client, ContractRegistry registry, Namespace namespace) {
      ContractSoftAssertions.assertSoftly(softly -> {
        for (Endpoint endpoint : registry.latest(namespace.id()).endpoints()) {
          softly.assertThat(client.call(namespace.id(), endpoint.id())).as(endpoint.id()).matchesContract();
        }
      });
    }
  }
  // end::quickstart[]

  // tag::builder[]
  static class LocalBackendContractTest {

    @RegisterExtension
    static ContractExtension contracts = ContractExtension.builder()
        .contracts("dir:../contracts/src/main/contracts")
        .baseUrl("http://127.0.0.1:8080")
        .timeout(Duration.ofSeconds(3))
        .environment(Map.of("IVANPIN_API_TOKEN", "local-dev-token")::get)
        .build();

    @Test
    void blog_detail_of_an_english_post(ContractClient client) {
      ContractResponse response = client.call("ivanpin", "blog.detail",
          Map.of("slug", "one-bitrix-two-nextjs"), Map.of("lang", "en"));

      assertThat(response).hasStatus(200).matchesContract();
    }
  }
  // end::builder[]

  // tag::wiremock[]
  static class BlogPageTest {

    static final ContractRegistry CONTRACTS = ContractRegistry.loadClasspath(
        ContractRegistry.DEFAULT_CLASSPATH_ROOT, BlogPageTest.class.getClassLoader());

    @RegisterExtension
    static ContractValidatingListener contract = ContractValidatingListener.of(CONTRACTS, "ivanpin", "1.2.0");

    @RegisterExtension
    static WireMockExtension backend = WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().extensions(contract))
        .build();

    @BeforeEach
    void stub_the_backend() {
      ContractStubs.register(backend, CONTRACTS, "ivanpin", "1.2.0");
    }

    @Test
    void the_stub_serves_the_contract_example() throws IOException {
      Request request = new Request.Builder()
          .url(backend.baseUrl() + "/api/ivanpin/services/blog/list.php?lang=ru")
          .header("X-WGP-Token", "any-value")
          .build();
      try (Response response = new OkHttpClient().newCall(request).execute()) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body().string()).contains("\"items\"");
      }
      // After the test, the listener fails it if WireMock served anything the contract does not allow.
    }
  }
  // end::wiremock[]

  // tag::baseurl[]
  @ContractTest(namespace = "ivanpin")
  static class RandomPortContractTest {

    static WireMockServer backend = new WireMockServer(wireMockConfig().dynamicPort());

    @ContractBaseUrl
    static String backendUrl() {
      return backend.baseUrl();   // read before the first call, after @BeforeAll has started the server
    }

    @BeforeAll
    static void start(ContractRegistry registry) {
      backend.start();
      ContractStubs.register(backend, registry, "ivanpin", "1.2.0");   // or start your own application here
    }

    @AfterAll
    static void stop() {
      backend.stop();
    }

    @Test
    void blog_list_matches_its_contract(ContractClient client) {
      assertThat(client.call("ivanpin", "blog.list")).hasStatus(200).matchesContract();
    }

    @Test
    void english_blog_list_with_a_request_id(ContractClient client) {
      ContractResponse response = client.request("ivanpin", "blog.list")   // starts from the probe
          .query("lang", "en")
          .header("X-Request-Id", "contract-test-1")
          .send();

      assertThat(response).hasStatus(200).matchesContract();
    }
  }
  // end::baseurl[]

  // tag::states[]
  @ContractTest(namespace = "wgp")
  static class ProviderStatesContractTest {

    static WireMockServer backend = new WireMockServer(wireMockConfig().dynamicPort());

    @ContractBaseUrl
    static String backendUrl() {
      return backend.baseUrl();
    }

    @BeforeAll
    static void start() {
      backend.start();
    }

    @AfterAll
    static void stop() {
      backend.stop();
    }

    // Runs right before every probe whose endpoints.yaml says: state: a post with comments exists
    @ProviderState("a post with comments exists")
    void postWithComments() {
      backend.stubFor(get(urlPathEqualTo("/api/services/wgp/posts/512/"))
          .willReturn(okJson("{\"id\": 512, \"title\": \"Hello\", \"comments\": []}")));
    }

    @TestFactory
    Stream<DynamicNode> every_probe_answers_as_its_contract_says(ContractClient client) {
      return ContractProbes.of(client).tests();
    }
  }
  // end::states[]

  // tag::soft[]
  @ContractTest
  static class SoftlyTest {

    @Test
    void both_namespaces_answer_their_lists(ContractClient client) {
      ContractSoftAssertions.assertSoftly(softly -> {
        softly.assertThat(client.call("ivanpin", "blog.list")).matchesContract();
        softly.assertThat(client.call("wgp", "posts.list")).matchesContract();
      });
    }
  }
  // end::soft[]

  // tag::history[]
  @ContractTest
  static class ContractGateTest {

    @TestFactory
    Stream<DynamicNode> contract_history(ContractRegistry registry) {
      return ContractHistory.of(registry).writeReportsTo(Path.of("target", "contract-gate")).tests();
    }

    @TestFactory
    Stream<DynamicNode> live_probes(ContractClient client) {
      return ContractProbes.of(client).tests();
    }
  }
  // end::history[]
}
