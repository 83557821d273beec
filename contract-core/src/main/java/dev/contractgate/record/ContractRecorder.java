package dev.contractgate.record;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.EndpointMatcher;
import dev.contractgate.registry.Namespace;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.apiguardian.api.API;

/**
 * An OkHttp interceptor that records every exchange as one NDJSON line, redacted before it is written.
 *
 * <pre>{@code
 * ContractRecorder recorder = ContractRecorder.builder(Path.of("target/recordings"))
 *     .registry(registry)                       // adds namespace and endpoint ids, redacts token headers
 *     .redaction(Redaction.defaults().withFields(List.of("iban")))
 *     .maxFileBytes(64 << 20).maxFiles(10)
 *     .build();
 * OkHttpClient client = new OkHttpClient.Builder().addInterceptor(recorder).build();
 * ...
 * recorder.close();
 * }</pre>
 *
 * <p>Each line holds the time (ISO instant), method, path and query, status, the selected response headers,
 * the body, and, with a registry, the namespace and endpoint id the request matched in the newest version.
 * Redaction happens at capture time: secret header values (the {@link Redaction}'s headers, every namespace's
 * {@code auth.header}), cookie values (names are kept), configured JSON fields and query parameters; and every
 * value the request carried in a secret header is scrubbed from the whole line, wherever the backend echoed it.
 *
 * <p>Files rotate by size: {@code recording.ndjson} is the current file, {@code recording.1.ndjson} the one
 * before, up to {@code maxFiles} files in all; the oldest is deleted. The body seen by the caller is not
 * consumed: the recorder reads a copy (up to {@code maxBodyBytes}). Thread-safe: lines from concurrent calls
 * never interleave.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContractRecorder implements Interceptor, Closeable {

  /** Response headers recorded unless {@link Builder#responseHeaders} says otherwise. */
  public static final List<String> DEFAULT_RESPONSE_HEADERS = List.of(
      "access-control-allow-origin", "cache-control", "content-type", "location", "set-cookie", "vary");

  private final Path directory;
  private final String baseName;
  private final Redaction redaction;
  private final Set<String> responseHeaders;
  private final long maxFileBytes;
  private final int maxFiles;
  private final long maxBodyBytes;
  private final Clock clock;
  private final EndpointMatcher matcher;
  private final AtomicLong recorded = new AtomicLong();
  private final Object lock = new Object();
  private OutputStream out;
  private long size;
  private boolean closed;

  private ContractRecorder(Builder b) {
    this.directory = b.directory;
    this.baseName = b.baseName;
    Redaction r = b.redaction;
    if (b.registry != null) {
      r = r.forRegistry(b.registry);
      List<Namespace> namespaces = b.registry.namespaces();
      List<ContractVersion> versions = new ArrayList<>();
      for (Namespace ns : namespaces) {
        versions.add(b.registry.latest(ns.id()));
      }
      this.matcher = new EndpointMatcher(namespaces, versions);
    } else {
      this.matcher = null;
    }
    this.redaction = r;
    this.responseHeaders = b.responseHeaders;
    this.maxFileBytes = b.maxFileBytes;
    this.maxFiles = b.maxFiles;
    this.maxBodyBytes = b.maxBodyBytes;
    this.clock = b.clock;
  }

  /** A recorder writing into {@code directory} (created if needed). */
  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /** The file being written now. */
  public Path currentFile() {
    return directory.resolve(baseName + ".ndjson");
  }

  /** Lines written since this recorder was built. */
  public long recorded() {
    return recorded.get();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    try {
      record(request, response);
    } catch (IOException | RuntimeException e) {
      // Recording is a side job: a full disk must not fail the call being recorded.
      failures.incrementAndGet();
    }
    return response;
  }

  /** Exchanges that could not be written (disk full, rotation failed); the calls themselves went through. */
  public long failures() {
    return failures.get();
  }

  private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();

  private void record(Request request, Response response) throws IOException {
    // Every secret the request carries (secret headers, cookies, user-info, secret query parameters) and every
    // cookie the response sets: the backend may echo any of them, in the body or another header.
    List<String> secrets = new ArrayList<>();
    for (String name : request.headers().names()) {
      for (String value : request.headers(name)) {
        redaction.learnHeader(name, value, secrets);
      }
    }
    redaction.learnUrl(request.url().toString(), secrets);
    for (String setCookie : response.headers("Set-Cookie")) {
      redaction.learnHeader("set-cookie", setCookie, secrets);
    }
    Map<String, List<String>> headers = new TreeMap<>();
    for (String name : response.headers().names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (responseHeaders.contains(lower)) {
        headers.put(lower, response.headers(name).stream().map(v -> redaction.header(lower, v)).toList());
      }
    }
    String body = "";
    boolean truncated = false;
    ResponseBody peeked = response.peekBody(maxBodyBytes + 1);
    byte[] bytes = peeked.bytes();
    if (bytes.length > maxBodyBytes) {
      truncated = true;
      bytes = java.util.Arrays.copyOf(bytes, (int) maxBodyBytes);
    }
    body = redaction.body(new String(bytes, StandardCharsets.UTF_8));
    String encodedPath = request.url().encodedPath();
    String query = request.url().encodedQuery();
    String target = redaction.target(query == null ? encodedPath : encodedPath + "?" + query);
    Optional<String> namespace = Optional.empty();
    Optional<String> endpoint = Optional.empty();
    if (matcher != null) {
      Optional<EndpointMatcher.Match> m = matcher.match(request.method(), target);
      if (m.isPresent()) {
        namespace = Optional.of(m.get().namespace().id());
        endpoint = m.get().endpoint().map(e -> e.id());
      }
    }
    RecordedExchange e = redaction.scrubEchoes(new RecordedExchange(Optional.of(clock.instant()), request.method(),
        target, response.code(), headers, body, truncated, namespace, endpoint), secrets);
    String line = Ndjson.write(e) + "\n";
    write(line.getBytes(StandardCharsets.UTF_8));
  }

  private void write(byte[] line) throws IOException {
    synchronized (lock) {
      if (closed) {
        return;
      }
      if (out == null) {
        Files.createDirectories(directory);
        Path current = currentFile();
        size = Files.exists(current) ? Files.size(current) : 0;
        out = Files.newOutputStream(current, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
      try {
        if (size > 0 && size + line.length > maxFileBytes) {
          rotate();
        }
        out.write(line);
        out.flush();
      } catch (IOException e) {
        // Reopen on the next write rather than writing into a closed or broken stream forever.
        try {
          out.close();
        } catch (IOException ignored) {
          // already broken
        }
        out = null;
        throw e;
      }
      size += line.length;
      recorded.incrementAndGet();
    }
  }

  private void rotate() throws IOException {
    out.close();
    Files.deleteIfExists(numbered(maxFiles - 1));
    for (int i = maxFiles - 2; i >= 1; i--) {
      if (Files.exists(numbered(i))) {
        Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    if (maxFiles > 1) {
      Files.move(currentFile(), numbered(1), StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.delete(currentFile());
    }
    out = Files.newOutputStream(currentFile(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    size = 0;
  }

  private Path numbered(int i) {
    return i == 0 ? currentFile() : directory.resolve(baseName + "." + i + ".ndjson");
  }

  /** Flushes and closes the current file; later exchanges are passed through unrecorded. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (out != null) {
        try {
          out.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /**
   * Configures a {@link ContractRecorder}.
   *
   * @since 0.1
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private final Path directory;
    private String baseName = "recording";
    private ContractRegistry registry;
    private Redaction redaction = Redaction.defaults();
    private Set<String> responseHeaders = Set.copyOf(DEFAULT_RESPONSE_HEADERS);
    private long maxFileBytes = 64L * 1024 * 1024;
    private int maxFiles = 10;
    private long maxBodyBytes = 10L * 1024 * 1024;
    private Clock clock = Clock.systemUTC();

    private Builder(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** Matches requests to namespaces and endpoints, and redacts every namespace's token header. */
    public Builder registry(ContractRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** What to redact (default {@link Redaction#defaults()}). */
    public Builder redaction(Redaction redaction) {
      this.redaction = Objects.requireNonNull(redaction, "redaction");
      return this;
    }

    /** Which response headers to record (default {@link #DEFAULT_RESPONSE_HEADERS}); secret ones are redacted. */
    public Builder responseHeaders(Collection<String> names) {
      Set<String> s = new LinkedHashSet<>();
      names.forEach(n -> s.add(n.toLowerCase(Locale.ROOT)));
      this.responseHeaders = Set.copyOf(s);
      return this;
    }

    /** File name without {@code .ndjson} (default {@code recording}). */
    public Builder baseName(String baseName) {
      if (baseName.isBlank() || baseName.contains("/") || baseName.contains("\\")) {
        throw new IllegalArgumentException("baseName must be a plain file name, was \"" + baseName + "\"");
      }
      this.baseName = baseName;
      return this;
    }

    /** Rotate when the current file would grow beyond this (default 64 MiB); a longer single line still goes in. */
    public Builder maxFileBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxFileBytes must be positive, was " + bytes);
      }
      this.maxFileBytes = bytes;
      return this;
    }

    /** How many files to keep, the current one included (default 10). */
    public Builder maxFiles(int files) {
      if (files < 1) {
        throw new IllegalArgumentException("maxFiles must be at least 1, was " + files);
      }
      this.maxFiles = files;
      return this;
    }

    /** Bodies longer than this are cut and marked {@code "truncated": true} (default 10 MiB). */
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 0 || bytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("maxBodyBytes must be between 0 and 2 GiB, was " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /** The clock for the {@code time} field (tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public ContractRecorder build() {
      return new ContractRecorder(this);
    }
  }
}
