package dev.contractgate.bench;

import static dev.contractgate.assertj.ContractAssertions.assertThat;

import dev.contractgate.junit.ContractClient;
import dev.contractgate.junit.ContractResponse;
import dev.contractgate.junit.ContractTest;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Namespace;
import dev.contractgate.validate.ObservedResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The test classes {@link JUnitClassesBenchmark} runs: {@value #MAX} {@code @ContractTest} classes and
 * {@value #MAX} plain JUnit classes that do the same work without the extension.
 *
 * <p>Each class is its own class because JUnit runs a class selected twice only once; they are written out
 * (one line each, inheriting their two tests) rather than generated at run time so that nothing but JUnit's
 * own discovery and execution is measured. Both kinds call the loopback backend once and validate one
 * response held in memory, with the same assertions; the contract kind gets its registry, namespace and
 * client from the extension (the registry loaded once per launcher run into the root store, as in a build),
 * the plain kind from static fields initialised on first use (see {@link #usePlain}).
 */
public final class JUnitClasses {

  /** How many classes of each kind there are. */
  public static final int MAX = 100;

  /** The endpoint each class calls on the backend; the same one, so that schema compilation is not per class. */
  static final String CALLED = "items.e0";
  /** The endpoint whose recorded response each class validates in memory. */
  static final String RECORDED = "items.e1";
  /** That response, as a recording would hold it. */
  static final ObservedResponse RECORDING = ObservedResponse.json(200, ContractTrees.body(1));

  private static volatile Path plainTree;
  private static volatile String plainBaseUrl;

  private JUnitClasses() {}

  /** The first {@code n} classes that use {@code @ContractTest}. */
  public static List<Class<?>> contractClasses(int n) {
    return first(n, ContractCase.class);
  }

  /** The first {@code n} plain classes. */
  public static List<Class<?>> plainClasses(int n) {
    return first(n, PlainCase.class);
  }

  /**
   * Where the plain classes find the contract tree and the backend. They load the tree and build their HTTP
   * client on first use and keep both for the JVM, the way a suite without the extension would keep them in
   * static fields, so that a first run in a fresh JVM pays for both, as the extension's first run does.
   */
  public static void usePlain(Path tree, String baseUrl) {
    plainTree = Objects.requireNonNull(tree, "tree");
    plainBaseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
  }

  /** Loaded on first use by the plain classes, once per JVM (class initialisation). */
  private static final class PlainFixture {
    static final ContractRegistry REGISTRY = ContractRegistry.load(Objects.requireNonNull(plainTree, "usePlain"));
    static final OkHttpClient HTTP = new OkHttpClient.Builder().followRedirects(false)
        .retryOnConnectionFailure(false).build();
  }

  private static List<Class<?>> first(int n, Class<?> kind) {
    List<Class<?>> all = Arrays.stream(JUnitClasses.class.getDeclaredClasses())
        .filter(c -> c.getSuperclass() == kind)
        .sorted(Comparator.comparing(Class::getName))
        .toList();
    if (n < 1 || n > all.size()) {
      throw new IllegalArgumentException("between 1 and " + all.size() + " classes, not " + n);
    }
    return all.subList(0, n);
  }

  /** Two tests the way the docs write them: a live call through the injected client, and a recording. */
  abstract static class ContractCase {

    @Test
    void probe_matches_its_contract(ContractClient client) {
      assertThat(client.call(ContractTrees.NAMESPACE, CALLED)).hasStatus(200).matchesContract();
    }

    @Test
    void recording_matches_its_contract(ContractRegistry registry, Namespace namespace) {
      ContractVersion version = registry.latest(namespace.id());
      assertThat(ContractResponse.of(registry, version, registry.requireEndpoint(version, RECORDED), RECORDING))
          .hasStatus(200).matchesContract();
    }
  }

  /** The same two tests without the extension: the user's own client and a registry in a static field. */
  abstract static class PlainCase {

    @Test
    void probe_matches_its_contract() throws IOException {
      ContractRegistry registry = PlainFixture.REGISTRY;
      ContractVersion version = registry.latest(ContractTrees.NAMESPACE);
      Request request = new Request.Builder()
          .url(plainBaseUrl + ContractTrees.BASE_PATH + "items/e0?lang=ru")
          .header("Accept", "application/json")
          .build();
      try (Response response = PlainFixture.HTTP.newCall(request).execute()) {
        ObservedResponse observed = new ObservedResponse(response.code(), response.headers().toMultimap(),
            response.body().string());
        assertThat(ContractResponse.of(registry, version, registry.requireEndpoint(version, CALLED), observed))
            .hasStatus(200).matchesContract();
      }
    }

    @Test
    void recording_matches_its_contract() {
      ContractRegistry registry = PlainFixture.REGISTRY;
      ContractVersion version = registry.latest(ContractTrees.NAMESPACE);
      assertThat(ContractResponse.of(registry, version, registry.requireEndpoint(version, RECORDED), RECORDING))
          .hasStatus(200).matchesContract();
    }
  }

  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C000 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C001 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C002 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C003 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C004 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C005 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C006 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C007 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C008 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C009 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C010 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C011 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C012 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C013 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C014 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C015 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C016 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C017 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C018 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C019 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C020 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C021 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C022 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C023 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C024 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C025 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C026 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C027 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C028 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C029 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C030 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C031 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C032 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C033 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C034 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C035 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C036 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C037 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C038 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C039 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C040 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C041 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C042 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C043 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C044 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C045 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C046 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C047 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C048 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C049 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C050 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C051 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C052 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C053 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C054 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C055 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C056 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C057 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C058 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C059 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C060 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C061 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C062 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C063 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C064 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C065 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C066 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C067 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C068 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C069 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C070 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C071 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C072 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C073 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C074 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C075 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C076 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C077 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C078 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C079 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C080 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C081 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C082 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C083 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C084 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C085 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C086 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C087 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C088 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C089 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C090 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C091 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C092 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C093 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C094 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C095 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C096 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C097 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C098 extends ContractCase {}
  @ContractTest(namespace = ContractTrees.NAMESPACE) static final class C099 extends ContractCase {}

  static final class P000 extends PlainCase {}
  static final class P001 extends PlainCase {}
  static final class P002 extends PlainCase {}
  static final class P003 extends PlainCase {}
  static final class P004 extends PlainCase {}
  static final class P005 extends PlainCase {}
  static final class P006 extends PlainCase {}
  static final class P007 extends PlainCase {}
  static final class P008 extends PlainCase {}
  static final class P009 extends PlainCase {}
  static final class P010 extends PlainCase {}
  static final class P011 extends PlainCase {}
  static final class P012 extends PlainCase {}
  static final class P013 extends PlainCase {}
  static final class P014 extends PlainCase {}
  static final class P015 extends PlainCase {}
  static final class P016 extends PlainCase {}
  static final class P017 extends PlainCase {}
  static final class P018 extends PlainCase {}
  static final class P019 extends PlainCase {}
  static final class P020 extends PlainCase {}
  static final class P021 extends PlainCase {}
  static final class P022 extends PlainCase {}
  static final class P023 extends PlainCase {}
  static final class P024 extends PlainCase {}
  static final class P025 extends PlainCase {}
  static final class P026 extends PlainCase {}
  static final class P027 extends PlainCase {}
  static final class P028 extends PlainCase {}
  static final class P029 extends PlainCase {}
  static final class P030 extends PlainCase {}
  static final class P031 extends PlainCase {}
  static final class P032 extends PlainCase {}
  static final class P033 extends PlainCase {}
  static final class P034 extends PlainCase {}
  static final class P035 extends PlainCase {}
  static final class P036 extends PlainCase {}
  static final class P037 extends PlainCase {}
  static final class P038 extends PlainCase {}
  static final class P039 extends PlainCase {}
  static final class P040 extends PlainCase {}
  static final class P041 extends PlainCase {}
  static final class P042 extends PlainCase {}
  static final class P043 extends PlainCase {}
  static final class P044 extends PlainCase {}
  static final class P045 extends PlainCase {}
  static final class P046 extends PlainCase {}
  static final class P047 extends PlainCase {}
  static final class P048 extends PlainCase {}
  static final class P049 extends PlainCase {}
  static final class P050 extends PlainCase {}
  static final class P051 extends PlainCase {}
  static final class P052 extends PlainCase {}
  static final class P053 extends PlainCase {}
  static final class P054 extends PlainCase {}
  static final class P055 extends PlainCase {}
  static final class P056 extends PlainCase {}
  static final class P057 extends PlainCase {}
  static final class P058 extends PlainCase {}
  static final class P059 extends PlainCase {}
  static final class P060 extends PlainCase {}
  static final class P061 extends PlainCase {}
  static final class P062 extends PlainCase {}
  static final class P063 extends PlainCase {}
  static final class P064 extends PlainCase {}
  static final class P065 extends PlainCase {}
  static final class P066 extends PlainCase {}
  static final class P067 extends PlainCase {}
  static final class P068 extends PlainCase {}
  static final class P069 extends PlainCase {}
  static final class P070 extends PlainCase {}
  static final class P071 extends PlainCase {}
  static final class P072 extends PlainCase {}
  static final class P073 extends PlainCase {}
  static final class P074 extends PlainCase {}
  static final class P075 extends PlainCase {}
  static final class P076 extends PlainCase {}
  static final class P077 extends PlainCase {}
  static final class P078 extends PlainCase {}
  static final class P079 extends PlainCase {}
  static final class P080 extends PlainCase {}
  static final class P081 extends PlainCase {}
  static final class P082 extends PlainCase {}
  static final class P083 extends PlainCase {}
  static final class P084 extends PlainCase {}
  static final class P085 extends PlainCase {}
  static final class P086 extends PlainCase {}
  static final class P087 extends PlainCase {}
  static final class P088 extends PlainCase {}
  static final class P089 extends PlainCase {}
  static final class P090 extends PlainCase {}
  static final class P091 extends PlainCase {}
  static final class P092 extends PlainCase {}
  static final class P093 extends PlainCase {}
  static final class P094 extends PlainCase {}
  static final class P095 extends PlainCase {}
  static final class P096 extends PlainCase {}
  static final class P097 extends PlainCase {}
  static final class P098 extends PlainCase {}
  static final class P099 extends PlainCase {}
}
