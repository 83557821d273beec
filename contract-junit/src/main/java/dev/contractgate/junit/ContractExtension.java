package dev.contractgate.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.junit.internal.Configuration;
import dev.contractgate.junit.internal.ContractsLocation;
import dev.contractgate.junit.internal.Messages;
import dev.contractgate.junit.internal.Options;
import dev.contractgate.junit.internal.ProviderStates;
import dev.contractgate.junit.internal.Setting;
import dev.contractgate.junit.internal.SharedHttpClient;
import dev.contractgate.junit.internal.Stores;
import dev.contractgate.junit.internal.TestClassMembers;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.Namespace;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link ContractTest @ContractTest}: loads the contract tree once per
 * test run and resolves {@link ContractRegistry}, {@link ContractClient} and {@link Namespace} parameters.
 *
 * <p>Use {@link #builder()} with {@code @RegisterExtension} to set what the annotation cannot: the base URL,
 * the timeout, or where tokens are read from. A static field configures every test of the class; values set
 * in code win over configuration parameters, system properties and environment variables. Use either the
 * annotation or a registered extension on one class, not both: two extensions would compete for the same
 * parameters.
 *
 * <pre>{@code
 * @RegisterExtension
 * static ContractExtension contracts = ContractExtension.builder()
 *     .baseUrl("http://127.0.0.1:8080")
 *     .environment(Map.of("IVANPIN_API_TOKEN", "test-token")::get)
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContractExtension implements BeforeAllCallback, ParameterResolver {

  private static final List<Class<?>> INJECTABLE = List.of(ContractRegistry.class, ContractClient.class, Namespace.class);

  private final Options options;

  /** Used by {@code @ContractTest}; everything comes from the annotation and the configuration. */
  ContractExtension() {
    this(Options.DECLARATIVE);
  }

  private ContractExtension(Options options) {
    this.options = options;
  }

  /** Starts a programmatic configuration for {@code @RegisterExtension}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Loads the contract tree before the first test, so a tree that does not load fails the class at once. */
  @Override
  public void beforeAll(ExtensionContext context) {
    registry(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    // Also true for constructors, so that resolveParameter can say why they are refused instead of JUnit
    // reporting that no resolver exists.
    return INJECTABLE.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Executable executable = parameter.getDeclaringExecutable();
    if (executable instanceof Constructor) {
      throw new ParameterResolutionException(Messages.of(
          "Cannot inject " + type.getSimpleName() + " into the constructor of "
              + executable.getDeclaringClass().getName(),
          "a " + type.getSimpleName() + " parameter of a test method or of a @BeforeEach, @AfterEach, @BeforeAll"
              + " or @AfterAll method",
          "parameter [" + parameter.getParameter() + "] of constructor " + executable.getDeclaringClass().getSimpleName()
              + "(" + String.join(", ", java.util.Arrays.stream(executable.getParameterTypes())
                  .map(Class::getSimpleName).toList()) + ")",
          "declare it on the test methods that use it, or on a @BeforeEach method; a constructor would keep it"
              + " in a field for the life of the test instance"));
    }
    ContractRegistry registry = registry(context);
    if (type == ContractRegistry.class) {
      return registry;
    }
    if (type == Namespace.class) {
      return namespace(context, registry);
    }
    return client(context, registry, executable);
  }

  private ContractRegistry registry(ExtensionContext context) {
    Optional<ContractTest> annotation = annotation(context);
    Optional<Setting> inCode = options.contracts().map(v -> new Setting(Configuration.CONTRACTS, v,
            "ContractExtension.builder().contracts(...)"))
        .or(() -> annotation.filter(a -> !a.contracts().isBlank()).map(a -> new Setting(Configuration.CONTRACTS,
            a.contracts().trim(), "@ContractTest(contracts) on " + annotatedClass(context))));
    Setting setting = Configuration.lookup(context, inCode, Configuration.CONTRACTS, Configuration.CONTRACTS_ENV,
            options.environment())
        .orElse(new Setting(Configuration.CONTRACTS, ContractRegistry.DEFAULT_CLASSPATH_ROOT, "the default"));
    ContractsLocation location = ContractsLocation.of(setting);
    ClassLoader loader = context.getTestClass().map(Class::getClassLoader).orElse(ContractExtension.class.getClassLoader());
    // Keyed by the normalised location: every class of the run that names the same tree shares one registry.
    return Stores.root(context, location.key(), k -> location.load(loader), ContractRegistry.class);
  }

  private Namespace namespace(ExtensionContext context, ContractRegistry registry) {
    Optional<ContractTest> annotation = annotation(context);
    Optional<Setting> inCode = options.namespace().map(v -> new Setting(Configuration.NAMESPACE, v,
            "ContractExtension.builder().namespace(...)"))
        .or(() -> annotation.filter(a -> !a.namespace().isBlank()).map(a -> new Setting(Configuration.NAMESPACE,
            a.namespace().trim(), "@ContractTest(namespace) on " + annotatedClass(context))));
    Optional<Setting> setting = Configuration.lookup(context, inCode, Configuration.NAMESPACE,
        Configuration.NAMESPACE_ENV, options.environment());
    List<String> ids = registry.namespaces().stream().map(Namespace::id).toList();
    if (setting.isEmpty()) {
      if (ids.size() == 1) {
        return registry.namespaces().get(0);
      }
      throw new ExtensionConfigurationException(Messages.of(
          "Cannot choose the Namespace to inject: the contracts at " + registry.origin() + " have " + ids.size()
              + " namespaces",
          "one of " + ids + ", chosen with @ContractTest(namespace = \"...\") or " + Configuration.NAMESPACE,
          "none chosen",
          "write @ContractTest(namespace = \"" + (ids.isEmpty() ? "..." : ids.get(0)) + "\"), or set "
              + Configuration.NAMESPACE + "; see " + Messages.DOCS));
    }
    return registry.namespace(setting.get().value()).orElseThrow(() -> new ExtensionConfigurationException(
        Messages.of("Unknown namespace " + Messages.quote(setting.get().value()) + " (from "
                + setting.get().source() + ")",
            "one of " + ids + " (the namespaces of " + registry.origin() + ")",
            Messages.quote(setting.get().value()),
            closeMatch(registry, setting.get().value())
                + "fix the namespace id; it is the directory name under the contract tree")));
  }

  /** The registry's own "did you mean" for an unknown namespace (its hint starts with it), or nothing. */
  private static String closeMatch(ContractRegistry registry, String namespace) {
    try {
      registry.requireNamespace(namespace);
      return "";
    } catch (dev.contractgate.registry.ContractException e) {
      String hint = e.hint();
      int end = hint.indexOf("? Otherwise ");
      return hint.startsWith("did you mean ") && end > 0 ? hint.substring(0, end + "? Otherwise ".length()) : "";
    }
  }

  private ContractClient client(ExtensionContext context, ContractRegistry registry, Executable executable) {
    // Code wins, then the test class's @ContractBaseUrl (read now: after @BeforeAll started the backend), then
    // the configuration.
    Optional<Setting> baseUrl = Configuration.lookup(context,
        options.baseUrl().map(v -> new Setting(Configuration.BASE_URL, v, "ContractExtension.builder().baseUrl(...)"))
            .or(() -> TestClassMembers.baseUrl(context, ContractBaseUrl.class)),
        Configuration.BASE_URL, Configuration.BASE_URL_ENV, options.environment());
    String requestedBy = executable.getDeclaringClass().getSimpleName() + "." + executable.getName() + "()";
    HttpUrl url = Configuration.baseUrl(baseUrl, requestedBy);
    Duration timeout = options.timeout().orElseGet(() -> Configuration.timeout(Configuration.lookup(context,
        Optional.empty(), Configuration.TIMEOUT, Configuration.TIMEOUT_ENV, options.environment())));
    SharedHttpClient http = Stores.root(context, SharedHttpClient.KEY, k -> new SharedHttpClient(),
        SharedHttpClient.class);
    ProviderStates states = TestClassMembers.states(context, ProviderState.class, a -> ((ProviderState) a).value());
    return new ContractClient(registry, http.forBaseUrl(url, timeout), url, options.environment(), states);
  }

  private static Optional<ContractTest> annotation(ExtensionContext context) {
    // Walks out of @Nested classes, which do not inherit their enclosing class's annotations.
    for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
      Optional<ContractTest> found = AnnotationSupport.findAnnotation(c, ContractTest.class);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static String annotatedClass(ExtensionContext context) {
    for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
      if (AnnotationSupport.isAnnotated(c, ContractTest.class)) {
        return c.getName();
      }
    }
    return "?";
  }

  /**
   * Settings for a {@link ContractExtension} registered in code. Each is optional; what is not set here comes
   * from {@code @ContractTest} and then from the configuration ({@code docs/junit.md}).
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private String contracts;
    private String baseUrl;
    private String namespace;
    private Duration timeout;
    private Function<String, String> environment = System::getenv;

    private Builder() {}

    /** Where the contract tree is: {@code dir:<path>} or a classpath root such as {@code contract-gate/contracts}. */
    public Builder contracts(String location) {
      this.contracts = Objects.requireNonNull(location, "location");
      return this;
    }

    /** The backend that {@link ContractClient} calls, e.g. {@code http://127.0.0.1:8080}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** The namespace injected as a {@link Namespace} parameter. */
    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /** Per request: connecting, reading, and the whole call. */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Where environment variables are read: the namespaces' token variables and the {@code CONTRACT_*}
     * fallbacks. {@code System::getenv} by default; tests pass a map's {@code get}.
     */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * The extension.
     *
     * @throws ExtensionConfigurationException when the base URL is not an http(s) URL
     */
    public ContractExtension build() {
      if (baseUrl != null) {
        Configuration.parseBaseUrl(new Setting(Configuration.BASE_URL, baseUrl, "ContractExtension.builder().baseUrl(...)"));
      }
      return new ContractExtension(new Options(Optional.ofNullable(contracts), Optional.ofNullable(baseUrl),
          Optional.ofNullable(namespace), Optional.ofNullable(timeout), environment));
    }
  }
}
