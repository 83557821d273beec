package dev.contractgate.record;

import dev.contractgate.registry.ContractException;
import dev.contractgate.validate.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A WireMock directory: every {@code *.json} under {@code mappings/} (recursively, in path order), each a
 * single stub mapping or {@code {"mappings": [...]}}; {@code bodyFileName} resolves against {@code __files/}.
 * One mapping file is a tree at a time.
 */
final class WireMockReader implements RecordingReader {

  /** What a path segment that is a regular expression becomes; it matches any {@code {param}} of a template. */
  static final String ANY_SEGMENT = "{*}";

  private final Redaction redaction;
  /** The largest mapping file or body file read ({@link NdjsonLines#lineLimit(long)}); a larger one is unreadable. */
  private final long maxFile;
  /** Whose header and field names say which request values are secrets (the defaults without a redaction). */
  private final Redaction learner;
  private final Path files;
  private final Iterator<Path> mappingFiles;
  private Path current;
  private Iterator<JsonNode> mappings = java.util.Collections.emptyIterator();
  private long index;

  WireMockReader(Path root, Redaction redaction, long maxBodyBytes) {
    this.redaction = redaction;
    this.maxFile = NdjsonLines.lineLimit(maxBodyBytes);
    this.learner = redaction == null ? Redaction.defaults() : redaction;
    Path mappingsDir = Files.isDirectory(root.resolve("mappings")) ? root.resolve("mappings") : root;
    Path base = mappingsDir == root ? root.toAbsolutePath().getParent() : root;
    this.files = base == null ? root.resolve("__files") : base.resolve("__files");
    List<Path> list;
    try (Stream<Path> s = Files.walk(mappingsDir)) {
      list = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
          .sorted().toList();
    } catch (IOException e) {
      throw ContractException.builder("Cannot read recording", root.toString())
          .expected("a readable WireMock directory")
          .butWas(e.getClass().getSimpleName() + " " + e.getMessage())
          .hint("check the path and its permissions")
          .cause(e)
          .build();
    }
    if (list.isEmpty()) {
      throw ContractException.builder("Cannot read recording", root.toString())
          .expected("a WireMock directory with mappings/*.json")
          .butWas("no mapping files")
          .hint("pass the directory that holds mappings/ and __files/ (WireMock's root directory)")
          .build();
    }
    this.mappingFiles = list.iterator();
  }

  @Override
  public RecordingEntry next() {
    while (!mappings.hasNext()) {
      if (!mappingFiles.hasNext()) {
        return null;
      }
      current = mappingFiles.next();
      index = 0;
      JsonNode doc;
      long size = size(current);
      if (size > maxFile) {
        return new RecordingEntry.Unreadable(RecordingRef.mapping(current.toString(), 0), tooLarge("a mapping file", size));
      }
      try {
        doc = Ndjson.MAPPER.readTree(current.toFile());
      } catch (JacksonException e) {
        return new RecordingEntry.Unreadable(RecordingRef.mapping(current.toString(), 0),
            "not JSON (" + Messages.truncate(Messages.firstLine(e.getOriginalMessage())) + ", "
                + Messages.where(e.getLocation()) + ")");
      }
      if (doc != null && doc.has("mappings") && doc.get("mappings").isArray()) {
        mappings = doc.get("mappings").iterator();
      } else if (doc != null && doc.isObject()) {
        mappings = List.of(doc).iterator();
      } else {
        return new RecordingEntry.Unreadable(RecordingRef.mapping(current.toString(), 0),
            "expected a stub mapping object or {\"mappings\": [...]}");
      }
    }
    RecordingRef ref = RecordingRef.mapping(current.toString(), index++);
    JsonNode mapping = mappings.next();
    List<String> secrets = requestSecrets(mapping.path("request"));
    try {
      RecordedExchange e = learner.scrubEchoes(exchange(mapping), secrets);
      return new RecordingEntry.Read(ref, RecordingReader.redact(e, redaction));
    } catch (IllegalArgumentException e) {
      return new RecordingEntry.Unreadable(ref, Redaction.scrub(e.getMessage(), Secrets.withEncodings(secrets)));
    }
  }

  /**
   * The secret values a mapping's request matcher names: secret headers, cookies, basic-auth credentials,
   * secret query parameters and the URL's own query; a matcher's {@code equalTo}, {@code equalToIgnoreCase}
   * and {@code contains} values, or the value itself.
   */
  private List<String> requestSecrets(JsonNode request) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> h : request.path("headers").properties()) {
      for (String v : matched(h.getValue())) {
        learner.learnHeader(h.getKey(), v, out);
      }
    }
    for (Map.Entry<String, JsonNode> c : request.path("cookies").properties()) {
      for (String v : matched(c.getValue())) {
        Secrets.learnCookie(v, out);
      }
    }
    JsonNode basic = request.path("basicAuthCredentials");
    if (basic.isObject()) {
      String user = basic.path("username").asString("");
      String password = basic.path("password").asString("");
      Secrets.learnUserInfo(password.isEmpty() ? user : user + ":" + password, out);
    }
    for (Map.Entry<String, JsonNode> q : request.path("queryParameters").properties()) {
      for (String v : matched(q.getValue())) {
        learner.learnQuery(q.getKey(), v, out);
      }
    }
    for (String key : List.of("url", "urlPath", "urlPattern", "urlPathPattern")) {
      learner.learnUrl(request.path(key).asString(""), out);
    }
    return out;
  }

  private static List<String> matched(JsonNode matcher) {
    if (matcher.isString()) {
      return List.of(matcher.stringValue());
    }
    List<String> out = new ArrayList<>();
    for (String key : List.of("equalTo", "equalToIgnoreCase", "contains")) {
      if (matcher.path(key).isString()) {
        out.add(matcher.path(key).stringValue());
      }
    }
    return out;
  }

  private RecordedExchange exchange(JsonNode mapping) {
    JsonNode request = mapping.path("request");
    JsonNode response = mapping.path("response");
    String method = request.path("method").asString("ANY");
    String target;
    if (request.hasNonNull("url")) {
      target = request.get("url").asString();
    } else if (request.hasNonNull("urlPath")) {
      target = request.get("urlPath").asString();
    } else if (request.hasNonNull("urlPathPattern")) {
      target = fromPattern(request.get("urlPathPattern").asString());
    } else if (request.hasNonNull("urlPattern")) {
      target = fromPattern(request.get("urlPattern").asString());
    } else {
      throw new IllegalArgumentException("expected request.url, urlPath, urlPathPattern or urlPattern, but was none");
    }
    if (response.has("proxyBaseUrl") || response.has("fault")) {
      throw new IllegalArgumentException("expected a recorded response, but was a "
          + (response.has("fault") ? "fault" : "proxy") + " mapping");
    }
    Map<String, List<String>> headers = new TreeMap<>();
    for (Map.Entry<String, JsonNode> h : response.path("headers").properties()) {
      List<String> values = new ArrayList<>();
      if (h.getValue().isArray()) {
        h.getValue().forEach(v -> values.add(v.asString()));
      } else {
        values.add(h.getValue().asString());
      }
      headers.put(h.getKey(), values);
    }
    String body = "";
    if (response.has("jsonBody")) {
      body = response.get("jsonBody").toString();
    } else if (response.has("body")) {
      body = response.get("body").asString();
    } else if (response.has("base64Body")) {
      body = new String(Base64.getMimeDecoder().decode(response.get("base64Body").asString()), StandardCharsets.UTF_8);
    } else if (response.has("bodyFileName")) {
      String name = response.get("bodyFileName").asString();
      Path file = files.resolve(name).normalize();
      if (!file.startsWith(files.normalize())) {
        throw new IllegalArgumentException("expected a bodyFileName inside __files/, but was \"" + name + "\"");
      }
      if (Files.isRegularFile(file) && size(file) > maxFile) {
        throw new IllegalArgumentException(tooLarge("bodyFileName \"" + name + "\"", size(file)));
      }
      try {
        body = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalArgumentException("expected bodyFileName \"" + name + "\" in " + files + ", but was "
            + (Files.exists(file) ? "unreadable" : "missing"));
      }
    }
    return new RecordedExchange(Optional.empty(), method, target, response.path("status").asInt(200), headers, body,
        false, Optional.empty(), Optional.empty());
  }

  private String tooLarge(String what, long size) {
    return what + " of " + size + " bytes, longer than the limit of " + maxFile
        + " bytes (2 × limits.maxBodyBytes + 64 KiB), skipped unread";
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0; // reading it says why it cannot be read
    }
  }

  /**
   * A URL regular expression as a target: anchors and the query part dropped, each path segment that is
   * still a pattern after unescaping becomes {@link #ANY_SEGMENT}. An approximation: a pattern segment that
   * matches only some values of a parameter is taken to match the parameter.
   */
  static String fromPattern(String regex) {
    String s = regex;
    if (s.startsWith("^")) {
      s = s.substring(1);
    }
    if (s.endsWith("$")) {
      s = s.substring(0, s.length() - 1);
    }
    int q = s.indexOf("\\?");
    if (q >= 0) {
      s = s.substring(0, q);
    }
    s = s.replaceAll("\\[\\^/\\][+*]?", ANY_SEGMENT).replace(".*", ANY_SEGMENT).replace(".+", ANY_SEGMENT);
    StringBuilder b = new StringBuilder();
    for (String segment : s.split("/", -1)) {
      if (b.length() > 0 || s.startsWith("/")) {
        b.append('/');
      }
      if (segment.isEmpty()) {
        continue;
      }
      String unescaped = segment.replace("\\.", "").replace("\\-", "").replace("\\/", "");
      if (segment.contains(ANY_SEGMENT) || unescaped.matches(".*[\\[\\](){}*+?|\\\\^$.].*")) {
        b.append(ANY_SEGMENT);
      } else {
        b.append(segment.replace("\\.", ".").replace("\\-", "-"));
      }
    }
    String out = b.toString().replace("//", "/");
    return out.startsWith("/") ? out : "/" + out;
  }

  @Override
  public void close() {
    // every mapping file is read and closed at once
  }
}
