package dev.contractgate.cli;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Namespace;
import dev.contractgate.stub.Stub;
import dev.contractgate.stub.StubPlan;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "stub",
    description = {
      "Serve stubs of a contract on 127.0.0.1 until stopped, so a frontend team can build against a contract"
          + " before the backend ships it.",
      "",
      "What is served: each endpoint answers with its schema's first example (or a generated value that"
          + " validates), with the headers and cookie the contract expects.",
      "Tokens: a request to a namespace with a token must carry its header (X-WGP-Token in the example"
          + " contracts): without it the namespace's refusal (401), with a value other than the namespace's token"
          + " variable (when that is set) 403; without the variable any non-empty value is accepted. Token values"
          + " are never printed or sent back.",
      "Other answers: 404 for a path or method no stub answers, 413 for a request body over --max-body, 400"
          + " with the violations (pointer, expected, but was) for a body that breaks the endpoint's request"
          + " schema, 500 for a failure of the server; each a short JSON error, never a page or a stack trace.",
      "Admin API (/__admin, WireMock's): off (404) unless --admin is given, and then only for requests with"
          + " 'Authorization: Bearer <admin token>'; no CORS headers."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped (Ctrl-C, SIGTERM, or POST /__admin/shutdown with the admin token)",
      "2:usage error",
      "3:the contract cannot be read or stubbed, or the port cannot be bound"
    })
final class StubCommand implements Callable<Integer> {

  static final String DEFAULT_ADMIN_TOKEN_ENV = "CONTRACT_GATE_STUB_ADMIN_TOKEN";
  static final int MIN_ADMIN_TOKEN_LENGTH = 16;

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ContractsOption contracts;
  @Mixin HelpOption help;
  @CommandLine.ParentCommand RootCommand root;

  @Option(names = {"-p", "--port"}, defaultValue = "8089", paramLabel = "PORT",
      description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Serve only this namespace; repeat for more.")
  List<String> namespaces = new ArrayList<>();

  @Option(names = {"-v", "--version"}, paramLabel = "V", description = "Contract version (default: the newest).")
  String version;

  @Option(names = "--max-body", defaultValue = "1MiB", paramLabel = "SIZE", converter = SizeConverter.class,
      description = "Largest request body read (default: ${DEFAULT-VALUE}); a larger one gets 413 before it is"
          + " read. Bytes, or with KiB / MiB.")
  long maxBody;

  @Option(names = "--admin",
      description = "Turn on WireMock's admin API under /__admin, for requests with 'Authorization: Bearer <admin"
          + " token>'. The token is the value of --admin-token-env, or generated and printed once.")
  boolean admin;

  @Option(names = "--admin-token-env", defaultValue = DEFAULT_ADMIN_TOKEN_ENV, paramLabel = "VAR",
      description = "Environment variable holding the admin token (default: ${DEFAULT-VALUE}; at least "
          + MIN_ADMIN_TOKEN_LENGTH + " characters, and not a namespace's token).")
  String adminTokenEnv;

  /** Counted down when the server runs; tests stop it through {@link #stop}. */
  final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch stop = new CountDownLatch(1);
  volatile String baseUrl;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535, was " + port);
    }
    ContractRegistry registry = contracts.load();
    List<Stub> stubs = new ArrayList<>();
    Map<String, String> tokens = new LinkedHashMap<>();
    List<String> tokenLines = new ArrayList<>();
    List<Namespace> selected = namespaces.isEmpty() ? registry.namespaces()
        : namespaces.stream().map(registry::requireNamespace).toList();
    PrintWriter out = spec.commandLine().getOut();
    for (Namespace ns : selected) {
      ContractVersion v = version == null ? registry.latest(ns.id()) : registry.requireVersion(ns.id(), version);
      stubs.addAll(StubPlan.of(registry, v));
      StubPlan.refusal(registry, v).ifPresent(stubs::add);
      ns.auth().ifPresent(a -> {
        String token = root.environment.apply(a.tokenEnv());
        boolean set = token != null && !token.isBlank();
        if (set) {
          tokens.put(ns.id(), token);
        }
        tokenLines.add("  " + ns.id() + ": " + a.header() + (set ? " must be the value of " + a.tokenEnv()
            : " may be any non-empty value (" + a.tokenEnv() + " is not set)"));
      });
    }
    String adminToken = admin ? adminToken(tokens) : null;
    boolean generated = admin && !present(root.environment.apply(adminTokenEnv));
    EmbeddedBackend backend;
    try {
      backend = EmbeddedBackend.start(port, stubs, tokens::get,
          new EmbeddedBackend.Settings(maxBody, adminToken, registry, this::stop));
    } catch (RuntimeException e) {
      throw new CommandFailure(ExitCodes.INPUT, "Cannot start the stub server on 127.0.0.1:" + port
          + "\n    expected: a free port\n    but was : " + e.getMessage()
          + "\n    hint    : pick another --port, or 0 for any free one");
    }
    Runnable restoreSignals = Signals.onInterruptAndTerminate(this::stop);
    Thread hook = new Thread(this::stop, "contract-gate-stub-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (backend) {
      baseUrl = backend.baseUrl();
      out.println("Serving " + stubs.size() + " stubs on " + backend.baseUrl() + " (Ctrl-C to stop):");
      for (Stub s : stubs) {
        if (!s.endpoint().equals("*")) {
          out.printf("  %-6s %s  -> %d  (%s@%s %s)%n", s.method(), s.pathRegex().replace("\\Q", "").replace("\\E", ""),
              s.status(), s.namespace(), s.version(), s.endpoint());
        }
      }
      if (!tokenLines.isEmpty()) {
        out.println("Tokens (without: 401, another value: 403):");
        tokenLines.forEach(out::println);
      }
      out.println("Request bodies: at most " + SizeConverter.format(maxBody)
          + " (else 413); checked against the endpoint's request schema (else 400).");
      if (admin) {
        out.println("Admin API: " + backend.baseUrl() + "/__admin with 'Authorization: Bearer "
            + (generated ? adminToken + "' (generated for this run; set " + adminTokenEnv + " to choose one)"
                : "<the value of " + adminTokenEnv + ">'"));
      } else {
        out.println("Admin API: off (--admin turns it on)");
      }
      out.flush();
      started.countDown();
      stop.await();
    } finally {
      restoreSignals.run();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down
      }
    }
    out.println("Stopped.");
    out.flush();
    return ExitCodes.OK;
  }

  void stop() {
    stop.countDown();
  }

  private String adminToken(Map<String, String> namespaceTokens) {
    String fromEnv = root.environment.apply(adminTokenEnv);
    if (!present(fromEnv)) {
      byte[] bytes = new byte[24];
      new SecureRandom().nextBytes(bytes);
      return "cg-admin-" + HexFormat.of().formatHex(bytes);
    }
    String token = fromEnv.trim();
    if (token.length() < MIN_ADMIN_TOKEN_LENGTH) {
      throw new CommandLine.ParameterException(spec.commandLine(), "The admin token in " + adminTokenEnv
          + " is shorter than " + MIN_ADMIN_TOKEN_LENGTH + " characters; unset it to have one generated");
    }
    if (namespaceTokens.containsValue(token) || namespaceTokens.containsValue(fromEnv)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "The admin token in " + adminTokenEnv
          + " is a namespace's token; a frontend that holds that token must not reach the admin API");
    }
    return token;
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  /** {@code 1048576}, {@code 512KiB}, {@code 1MiB} (also K, KB, M, MB: all binary). */
  static final class SizeConverter implements CommandLine.ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(b|k|kb|kib|m|mb|mib)?");
    private static final long MAX = 1L << 30;

    @Override
    public Long convert(String value) {
      Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a size; use e.g. 1MiB, 512KiB or 65536");
      }
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "b" : m.group(2);
      long bytes = switch (unit.charAt(0)) {
        case 'k' -> n << 10;
        case 'm' -> n << 20;
        default -> n;
      };
      if (bytes < 1 || bytes > MAX || n > MAX) {
        throw new CommandLine.TypeConversionException("'" + value + "' must be between 1 byte and 1GiB");
      }
      return bytes;
    }

    static String format(long bytes) {
      if (bytes % (1 << 20) == 0) {
        return (bytes >> 20) + " MiB";
      }
      if (bytes % (1 << 10) == 0) {
        return (bytes >> 10) + " KiB";
      }
      return bytes + " bytes";
    }
  }

  /**
   * Ctrl-C (SIGINT) and SIGTERM run an action instead of shutting the JVM down, so that the command stops its
   * server and returns its own exit code (0) rather than the JVM's 130 or 143. Uses the JDK's
   * {@code sun.misc.Signal} (module jdk.unsupported) through reflection; where it is missing or refuses a
   * signal, the JVM's default stays and the shutdown hook still stops the server.
   */
  static final class Signals {
    private Signals() {}

    /** Installs the handlers; the returned action puts the previous ones back. */
    static Runnable onInterruptAndTerminate(Runnable action) {
      List<Runnable> restore = new ArrayList<>();
      try {
        Class<?> signalClass = Class.forName("sun.misc.Signal");
        Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
        Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
        Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
            (proxy, method, args) -> {
              if (method.getName().equals("handle")) {
                action.run();
                return null;
              }
              return switch (method.getName()) {
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> "contract-gate stub signal handler";
              };
            });
        for (String name : List.of("INT", "TERM")) {
          try {
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            Object previous = handle.invoke(null, signal, handler);
            restore.add(() -> {
              try {
                handle.invoke(null, signal, previous);
              } catch (ReflectiveOperationException | RuntimeException e) {
                // the JVM is going down anyway
              }
            });
          } catch (ReflectiveOperationException | RuntimeException e) {
            // e.g. the JVM runs with -Xrs or the signal is reserved: keep its default
          }
        }
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        // no sun.misc.Signal in this runtime
      }
      return () -> restore.forEach(Runnable::run);
    }
  }
}
