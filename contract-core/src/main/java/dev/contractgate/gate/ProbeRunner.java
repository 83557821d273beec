package dev.contractgate.gate;

import dev.contractgate.gate.ProbeResult.Kind;
import dev.contractgate.gate.ProbeResult.Outcome;
import dev.contractgate.record.Redaction;
import dev.contractgate.record.Secrets;
import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import dev.contractgate.registry.Namespace;
import dev.contractgate.validate.ObservedResponse;
import dev.contractgate.validate.ResponseValidator;
import dev.contractgate.validate.ValidationResult;
import dev.contractgate.validate.Violation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Runs the live gate's probes with OkHttp: bounded concurrency, per-request timeout, total deadline, and
 * bounded retries with exponential backoff for connection failures only (a timeout is not retried: it
 * would multiply the wait).
 */
final class ProbeRunner {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final long FIRST_BACKOFF_MILLIS = 200;

  private final GateSettings s;
  /** Which request and response values are secrets: the default headers and fields, and every token header. */
  private final Redaction learner;
  private final java.util.concurrent.atomic.AtomicBoolean deadlinePassed = new java.util.concurrent.atomic.AtomicBoolean();
  // The first schema that did not compile: the contract is broken, whatever the backend says (exit 3).
  private final AtomicReference<ContractException> compileError = new AtomicReference<>();
  // Per probe whose answer was read in full: {first sent, body read} in nanos and the status, so that a
  // probe still being checked at the deadline is not blamed on the backend.
  private final Map<Plan, long[]> answered = new ConcurrentHashMap<>();

  public ProbeRunner(GateSettings settings) {
    this.s = settings;
    this.learner = Redaction.defaults().forRegistry(settings.registry());
  }

  private record Plan(Namespace ns, ContractVersion version, Endpoint endpoint, Kind kind, Request request, String display) {}

  public GateResult run() {
    HttpUrl base = parseBase(s.baseUrl());
    List<Plan> plans = plans(base);
    long start = System.nanoTime();
    long deadlineNanos = start + s.deadline().toNanos();
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(s.concurrency());
    dispatcher.setMaxRequestsPerHost(s.concurrency());
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    if (!base.isHttps()) {
      // Redirects are not followed, so a cleartext base URL never needs TLS: without this OkHttp loads the
      // platform's trust store when the client is built, about 80 ms of a cold run (docs/benchmarks.md).
      builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    OkHttpClient client = builder
        .dispatcher(dispatcher)
        .callTimeout(s.timeout())
        .connectTimeout(s.timeout())
        .readTimeout(s.timeout())
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .build();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "contract-gate-retry");
      t.setDaemon(true);
      return t;
    });
    AtomicInteger done = new AtomicInteger();
    List<CompletableFuture<ProbeResult>> futures = new ArrayList<>();
    // Wait for the progress reports too: allOf over the probes alone can return before the last one is told.
    List<CompletableFuture<Void>> reported = new ArrayList<>();
    Thread compiler = precompile(plans);
    try {
      for (Plan plan : plans) {
        CompletableFuture<ProbeResult> f = new CompletableFuture<>();
        // Counting and telling under one lock: probes finish on many threads at once, and a count told
        // after a later one reads as "[4/18]" before "[3/18]".
        reported.add(f.thenAccept(r -> {
          synchronized (done) {
            s.progress().accept(new int[] {done.incrementAndGet(), plans.size()});
          }
        }));
        futures.add(f);
      }
      // A provider state holds for its own probe only: those probes go one at a time, state then request, before
      // the others (which need no state) go concurrently.
      for (int i = 0; i < plans.size(); i++) {
        Optional<String> state = state(plans.get(i));
        if (state.isPresent()) {
          setUpAndSend(client, scheduler, plans.get(i), state.get(), deadlineNanos, futures.get(i));
        }
      }
      for (int i = 0; i < plans.size(); i++) {
        if (state(plans.get(i)).isEmpty()) {
          attempt(client, scheduler, plans.get(i), 1, System.nanoTime(), deadlineNanos, futures.get(i));
        }
      }
      try {
        CompletableFuture.allOf(reported.toArray(CompletableFuture[]::new))
            .get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        deadlinePassed.set(true);
        dispatcher.cancelAll();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        dispatcher.cancelAll();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof ContractException ce) {
          throw ce;
        }
        throw new IllegalStateException(e.getCause());
      }
      // A schema that does not compile is reported even when no probe got far enough to need it.
      joinUninterruptibly(compiler);
      if (compileError.get() != null) {
        throw compileError.get();
      }
    } finally {
      compiler.interrupt();
      scheduler.shutdownNow();
      dispatcher.executorService().shutdownNow();
      client.connectionPool().evictAll();
    }
    List<ProbeResult> out = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      Plan plan = plans.get(i);
      ProbeResult r = futures.get(i).getNow(null);
      long[] a = answered.get(plan);
      if (r == null && a != null) {
        // The backend answered; the time went into checking the answer.
        long backend = (a[1] - a[0]) / 1_000_000;
        long checking = (System.nanoTime() - a[1]) / 1_000_000;
        r = result(plan, Outcome.NOT_RUN, (int) a[2], a[0], 0, List.of(), "answered " + a[2] + " in " + backend
            + " ms; checking the response against the contract was still running at the deadline of "
            + human(s.deadline().toMillis()) + " (" + checking + " ms)");
      }
      out.add(r != null ? r : result(plan, Outcome.NOT_RUN, 0, start, 0, List.of(),
          "not finished within the deadline of " + human(s.deadline().toMillis())));
    }
    return new GateResult(shown(base), out, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Compiles the schemas the responses will be checked against while the requests are in flight: otherwise
   * each is compiled by the first response that needs it, after the latency, and in a cold JVM that adds
   * about 100 ms at the end of a 200-probe run (docs/benchmarks.md). A schema that does not compile is left
   * to the response's own check, which reports it.
   */
  private Thread precompile(List<Plan> plans) {
    Thread t = new Thread(() -> {
      for (Plan plan : plans) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        if (plan.kind != Kind.CONTRACT) {
          continue;
        }
        Optional<Endpoint.Response> expected = plan.endpoint.probe()
            .map(p -> plan.endpoint.responses().get(p.expectStatus()));
        try {
          expected.flatMap(Endpoint.Response::schema).ifPresent(s.registry()::compiled);
        } catch (ContractException e) {
          compileError.compareAndSet(null, e);
        } catch (RuntimeException e) {
          // reported by the probe that needs this schema
        }
      }
    }, "contract-gate-compile");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The provider state to set up before this probe: only with a handler, only for the probe with the token. */
  private Optional<String> state(Plan plan) {
    return s.states() == null || plan.kind != Kind.CONTRACT ? Optional.empty()
        : plan.endpoint.probe().flatMap(Endpoint.Probe::state);
  }

  private void setUpAndSend(OkHttpClient client, ScheduledExecutorService scheduler, Plan plan, String state,
      long deadlineNanos, CompletableFuture<ProbeResult> future) {
    long start = System.nanoTime();
    try {
      s.states().accept(state);
    } catch (RuntimeException e) {
      future.complete(result(plan, Outcome.NOT_RUN, 0, start, 0, List.of(), "provider state \"" + state
          + "\" could not be set up: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
      return;
    }
    attempt(client, scheduler, plan, 1, start, deadlineNanos, future);
    try {
      future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // reported with the other probes' outcomes after the run
    }
  }

  private void attempt(OkHttpClient client, ScheduledExecutorService scheduler, Plan plan, int attempt,
      long startNanos, long deadlineNanos, CompletableFuture<ProbeResult> future) {
    client.newCall(plan.request).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        if (deadlinePassed.get()) {
          future.complete(result(plan, Outcome.NOT_RUN, 0, startNanos, attempt, List.of(),
              "cancelled at the deadline of " + human(s.deadline().toMillis())));
          return;
        }
        if (e instanceof InterruptedIOException) {
          future.complete(result(plan, Outcome.TIMED_OUT, 0, startNanos, attempt, List.of(),
              "no response within " + human(s.timeout().toMillis()) + " (the backend hangs or is overloaded)"));
          return;
        }
        long backoff = FIRST_BACKOFF_MILLIS << (attempt - 1);
        boolean time = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff) < deadlineNanos;
        if (isConnectionFailure(e) && attempt <= s.retries() && time) {
          scheduler.schedule(() -> attempt(client, scheduler, plan, attempt + 1, startNanos, deadlineNanos, future),
              backoff, TimeUnit.MILLISECONDS);
          return;
        }
        future.complete(result(plan, Outcome.UNREACHABLE, 0, startNanos, attempt, List.of(),
            describe(e) + " (" + attempt + (attempt == 1 ? " attempt)" : " attempts)")));
      }

      @Override
      public void onResponse(Call call, Response response) {
        try (response) {
          future.complete(check(plan, response, startNanos, attempt));
        } catch (ContractException e) {
          // The contract cannot be checked against: not the backend's fault, not a violation (exit 3).
          compileError.compareAndSet(null, e);
          future.completeExceptionally(e);
        } catch (Error e) {
          // Fail the run now instead of leaving the future open until the deadline.
          future.completeExceptionally(e);
        } catch (RuntimeException e) {
          future.complete(result(plan, Outcome.VIOLATED, response.code(), startNanos, attempt,
              List.of(new Violation("gate.internal", "", Optional.empty(), "a checkable response",
                  e.getClass().getSimpleName(), "report this as a bug in contract-gate")),
              "could not check the response: " + e.getClass().getSimpleName()));
        }
      }
    });
  }

  private static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private ProbeResult check(Plan plan, Response response, long startNanos, int attempt) {
    int status = response.code();
    if (plan.kind == Kind.WITHOUT_TOKEN) {
      List<Integer> refused = plan.ns.auth().orElseThrow().statusWithoutToken();
      String header = plan.ns.auth().get().header();
      if (refused.contains(status)) {
        return result(plan, Outcome.PASSED, status, startNanos, attempt, List.of(), status + " without " + header);
      }
      if (status < 200 || status > 299) {
        return noRefusal(plan, response, refused, header, startNanos, attempt);
      }
      return result(plan, Outcome.VIOLATED, status, startNanos, attempt,
          List.of(new Violation("auth.not-enforced", "status", Optional.empty(),
              "one of " + refused + " for a request without " + header, String.valueOf(status),
              "the backend answered a request that carries no token; validate " + header
                  + " in the namespace's handler before reading any data")),
          "answered " + status + " without " + header);
    }
    long limit = s.registry().policy().limits().maxBodyBytes();
    String body;
    try {
      BufferedSource source = response.body().source();
      source.request(limit + 1);
      long size = source.getBuffer().size();
      body = source.getBuffer().readString(Math.min(size, limit + 1), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return result(plan, Outcome.VIOLATED, status, startNanos, attempt,
          List.of(new Violation("body.truncated", "", Optional.empty(), "a complete body",
              "the connection ended before the body was complete (" + describe(e) + ")",
              "look for a crash or a timeout in the backend while it writes the response")),
          status + ", body cut off");
    }
    // From here on the time is ours: the backend has answered and its body is read.
    answered.put(plan, new long[] {startNanos, System.nanoTime(), status});
    // What the request carried (the token, the base URL's user-info) and the cookies the response sets are
    // scrubbed wherever the backend echoed them, before anything is validated or reported.
    List<String> secrets = new ArrayList<>();
    for (String name : plan.request.headers().names()) {
      for (String value : plan.request.headers(name)) {
        learner.learnHeader(name, value, secrets);
      }
    }
    Secrets.userInfo(s.baseUrl()).ifPresent(u -> Secrets.learnUserInfo(u, secrets));
    for (String setCookie : response.headers("Set-Cookie")) {
      learner.learnHeader("set-cookie", setCookie, secrets);
    }
    List<String> encoded = Secrets.withEncodings(secrets);
    body = Secrets.scrubBody(body, secrets);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : response.headers().names()) {
      headers.put(name, response.headers(name).stream().map(v -> Redaction.scrub(v, encoded)).toList());
    }
    if (FlagChecks.featureOff(plan.endpoint, status)) {
      return result(plan, Outcome.PASSED, status, startNanos, attempt, List.of(),
          "404: feature off (" + plan.endpoint.id() + " is a flag endpoint: the backend does not serve it yet)");
    }
    ValidationResult v = ResponseValidator.of(s.registry())
        .validate(plan.version, plan.endpoint, new ObservedResponse(status, headers, body));
    List<Violation> violations = new ArrayList<>(v.violations());
    Optional<String> flag = FlagChecks.apply(plan.endpoint, status, body, violations);
    int expected = plan.endpoint.probe().map(Endpoint.Probe::expectStatus).orElse(status);
    if (status != expected && violations.stream().noneMatch(x -> x.rule().equals("status.undeclared"))) {
      violations.add(new Violation("status.unexpected", "status", Optional.empty(),
          "status " + expected + " for the probe", String.valueOf(status),
          "the probe's request should succeed; check its parameters in endpoints.yaml or the backend's data"));
    }
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    return result(plan, violations.isEmpty() ? Outcome.PASSED : Outcome.VIOLATED, status, startNanos, attempt,
        violations, status + " in " + ms + " ms" + flag.map(f -> ", " + f).orElse("") + (violations.isEmpty() ? ""
            : ", " + violations.size() + (violations.size() == 1 ? " violation" : " violations")));
  }

  /**
   * A request without the token got neither a refusal nor an answer (a 3xx, a 5xx, another 4xx): that does not
   * show the token is ignored, so it is not {@code auth.not-enforced}; the finding says what came back.
   */
  private ProbeResult noRefusal(Plan plan, Response response, List<Integer> refused, String header, long startNanos,
      int attempt) {
    int status = response.code();
    String reason = response.message() == null || response.message().isBlank() ? ""
        : " " + dev.contractgate.validate.Messages.truncate(response.message().strip());
    String actual;
    String hint;
    if (status >= 500) {
      actual = status + reason + ": the backend failed instead of refusing; whether it checks " + header + " is unknown";
      hint = "look at the backend's error log for requests without " + header + "; it must refuse them with one of "
          + refused + " before anything else can fail";
    } else if (status >= 300 && status < 400) {
      String location = response.header("Location");
      actual = status + reason + ": a redirect" + (location == null ? ""
          : " to " + dev.contractgate.validate.Messages.truncate(location)) + " instead of a refusal";
      hint = "refuse a request without " + header + " with one of " + refused
          + " instead of redirecting it (to a login page, to https, to a trailing slash)";
    } else {
      actual = status + reason + ": neither a refusal nor an answer";
      hint = "refuse a request without " + header + " with one of " + refused
          + " before routing or validating it, or add " + status + " to auth.statusWithoutToken in namespace.yaml";
    }
    return result(plan, Outcome.VIOLATED, status, startNanos, attempt,
        List.of(new Violation("auth.unexpected-status", "status", Optional.empty(),
            "one of " + refused + " for a request without " + header, actual, hint)),
        "answered " + status + " without " + header + ", not a refusal");
  }

  private ProbeResult result(Plan plan, Outcome outcome, int status, long startNanos, int attempts,
      List<Violation> violations, String message) {
    return new ProbeResult(plan.ns.id(), plan.version.version().toString(), plan.endpoint.id(), plan.kind,
        plan.display, outcome, status, startNanos == 0 ? 0 : (System.nanoTime() - startNanos) / 1_000_000,
        attempts, violations, message);
  }

  private List<Plan> plans(HttpUrl base) {
    List<Plan> plans = new ArrayList<>();
    for (ContractVersion v : s.versions()) {
      Namespace ns = s.registry().requireNamespace(v.namespace());
      for (Endpoint e : v.endpoints()) {
        if (e.probe().isEmpty()) {
          continue;
        }
        Endpoint.Probe probe = e.probe().get();
        HttpUrl.Builder url = base.newBuilder();
        String path = e.fullPath(ns.basePath());
        for (String segment : path.substring(1).split("/", -1)) {
          url.addPathSegment(fill(segment, probe.pathParams()));
        }
        probe.query().forEach(url::addQueryParameter);
        HttpUrl full = url.build();
        RequestBody body = probe.body().map(b -> RequestBody.create(b.toString(), JSON)).orElse(
            e.method().equals("POST") || e.method().equals("PUT") || e.method().equals("PATCH")
                ? RequestBody.create("", JSON) : null);
        Request.Builder rb = new Request.Builder().url(full).method(e.method(), body)
            .header("Accept", "application/json")
            .header("User-Agent", "contract-gate");
        String display = e.method() + " " + learner.target(full.encodedPath()
            + (full.encodedQuery() == null ? "" : "?" + full.encodedQuery()));
        if (ns.auth().isPresent()) {
          Request unauthenticated = rb.build();
          rb.header(ns.auth().get().header(), s.environment().apply(ns.auth().get().tokenEnv()));
          plans.add(new Plan(ns, v, e, Kind.CONTRACT, rb.build(), display));
          plans.add(new Plan(ns, v, e, Kind.WITHOUT_TOKEN, unauthenticated, display));
        } else {
          plans.add(new Plan(ns, v, e, Kind.CONTRACT, rb.build(), display));
        }
      }
    }
    return plans;
  }

  private static String fill(String segment, Map<String, String> params) {
    String out = segment;
    for (Map.Entry<String, String> p : params.entrySet()) {
      out = out.replace("{" + p.getKey() + "}", p.getValue());
    }
    return out;
  }

  public static HttpUrl parseBase(String baseUrl) {
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      String shown = Secrets.userInfo(baseUrl).map(u -> baseUrl.replace(u + "@", "***@")).orElse(baseUrl);
      throw new IllegalArgumentException("Invalid base URL \"" + shown
          + "\": expected http://host[:port] or https://host[:port], e.g. http://127.0.0.1:8080");
    }
    // The namespace's base path is appended to whatever prefix the URL has.
    String path = url.encodedPath();
    if (path.endsWith("/") && path.length() > 1) {
      return url.newBuilder().encodedPath(path.substring(0, path.length() - 1)).build();
    }
    return url;
  }

  /** The base URL as reports show it: user-info, if any, as {@code ***}. */
  static String shown(HttpUrl base) {
    if (base.encodedUsername().isEmpty() && base.encodedPassword().isEmpty()) {
      return base.toString();
    }
    return base.newBuilder().username("***").password("").build().toString();
  }

  private static boolean isConnectionFailure(IOException e) {
    return e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof UnknownHostException
        || (e instanceof SocketException && !(e instanceof java.net.SocketTimeoutException))
        || String.valueOf(e.getMessage()).contains("unexpected end of stream");
  }

  private static String describe(IOException e) {
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  static String human(long millis) {
    return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
  }
}
