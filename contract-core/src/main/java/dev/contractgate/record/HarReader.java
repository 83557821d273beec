package dev.contractgate.record;

import dev.contractgate.registry.ContractException;
import dev.contractgate.validate.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * HAR 1.2 with Jackson's streaming parser: only one element of {@code log.entries} is a tree at a time, so a
 * HAR of any size reads in constant memory. Members of {@code log} after {@code entries} are not read. An entry
 * with a string longer than the line limit ({@link NdjsonLines#lineLimit(long)}) is unreadable and never held.
 */
final class HarReader implements RecordingReader {

  private final String file;
  private final Redaction redaction;
  private final Path path;
  /**
   * Reads one entry from the middle of the stream (what follows it is not "trailing"), with strings limited to
   * the line limit of the tree's body limit.
   */
  private final tools.jackson.databind.json.JsonMapper mapper;
  private final long maxString;
  private JsonParser parser;
  /** Whose header and field names say which request values are secrets (the defaults without a redaction). */
  private final Redaction learner;
  private long index;
  private boolean done;

  HarReader(Path path, Redaction redaction, long maxBodyBytes) {
    this.file = path.toString();
    this.redaction = redaction;
    this.learner = redaction == null ? Redaction.defaults() : redaction;
    this.path = path;
    this.maxString = NdjsonLines.lineLimit(maxBodyBytes);
    this.mapper = tools.jackson.databind.json.JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
            .streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder()
                .maxStringLength((int) maxString).build()).build())
        .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    this.parser = open();
  }

  /** A parser at the start of {@code log.entries}. */
  private JsonParser open() {
    JsonParser p;
    try {
      p = mapper.createParser(path);
    } catch (JacksonException e) {
      throw broken(e);
    }
    this.parser = p;
    try {
      seekEntries();
    } catch (JacksonException e) {
      p.close();
      throw broken(e);
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
    return p;
  }

  /**
   * Entry {@code index - 1} holds a string longer than {@link #maxString}: reads the file again up to the entry
   * after it, skipping entries (skipped strings are scanned, never built), so the huge one is never held.
   */
  private RecordingEntry oversized(RecordingRef ref) {
    parser.close();
    parser = open();
    for (long i = 0; i < index; i++) {
      parser.nextToken();
      parser.skipChildren();
    }
    return new RecordingEntry.Unreadable(ref, "an entry with a string of more than " + maxString
        + " characters, longer than the limit (2 × limits.maxBodyBytes + 64 KiB), skipped unread");
  }

  private void seekEntries() {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw structure("a JSON object with \"log\"");
    }
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("log") && value == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
          String inner = parser.currentName();
          JsonToken v = parser.nextToken();
          if (inner.equals("entries") && v == JsonToken.START_ARRAY) {
            return;
          }
          parser.skipChildren();
        }
        break;
      }
      parser.skipChildren();
    }
    throw structure("a \"log.entries\" array (HAR 1.2)");
  }

  @Override
  public RecordingEntry next() {
    if (done) {
      return null;
    }
    try {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY || t == null) {
        done = true;
        return null;
      }
      RecordingRef ref = RecordingRef.entry(file, index++);
      if (t != JsonToken.START_OBJECT) {
        parser.skipChildren();
        return new RecordingEntry.Unreadable(ref, "expected an entry object, but was " + t);
      }
      JsonNode entry;
      try {
        entry = mapper.readTree(parser);
      } catch (tools.jackson.core.exc.StreamConstraintsException e) {
        if (!String.valueOf(e.getOriginalMessage()).startsWith("String value length")) {
          throw e;
        }
        return oversized(ref);
      }
      // The request's secrets are learned first: a backend may echo any of them, and nothing after this
      // reader sees the request.
      List<String> secrets = requestSecrets(entry, learner);
      try {
        RecordedExchange e = learner.scrubEchoes(exchange(entry), secrets);
        return new RecordingEntry.Read(ref, RecordingReader.redact(e, redaction));
      } catch (IllegalArgumentException e) {
        return new RecordingEntry.Unreadable(ref, Redaction.scrub(e.getMessage(), Secrets.withEncodings(secrets)));
      }
    } catch (JacksonException e) {
      throw broken(e);
    }
  }

  /**
   * The secret values an entry's request carries: secret headers (token headers, {@code Authorization}),
   * cookies, URL user-info, secret query and form parameters; and the response's cookies.
   */
  static List<String> requestSecrets(JsonNode entry, Redaction learner) {
    List<String> out = new ArrayList<>();
    JsonNode request = entry.path("request");
    for (JsonNode h : request.path("headers")) {
      learner.learnHeader(h.path("name").asString(""), h.path("value").asString(""), out);
    }
    for (JsonNode c : request.path("cookies")) {
      Secrets.learnCookie(c.path("value").asString(""), out);
    }
    learner.learnUrl(request.path("url").asString(""), out);
    for (JsonNode q : request.path("queryString")) {
      learner.learnQuery(q.path("name").asString(""), q.path("value").asString(""), out);
    }
    for (JsonNode p : request.path("postData").path("params")) {
      learner.learnQuery(p.path("name").asString(""), p.path("value").asString(""), out);
    }
    for (JsonNode c : entry.path("response").path("cookies")) {
      Secrets.learnCookie(c.path("value").asString(""), out);
    }
    return out;
  }

  static RecordedExchange exchange(JsonNode entry) {
    JsonNode request = entry.path("request");
    JsonNode response = entry.path("response");
    String method = request.path("method").asString("");
    String url = request.path("url").asString("");
    if (method.isEmpty() || url.isEmpty()) {
      throw new IllegalArgumentException("expected request.method and request.url, but was "
          + (method.isEmpty() ? "no method" : "no url"));
    }
    JsonNode status = response.path("status");
    if (!status.isNumber()) {
      throw new IllegalArgumentException("expected a number in response.status, but was "
          + (status.isMissingNode() ? "absent" : Messages.truncate(status.toString())));
    }
    Map<String, List<String>> headers = new TreeMap<>();
    for (JsonNode h : response.path("headers")) {
      String name = h.path("name").asString("");
      if (!name.isEmpty()) {
        headers.computeIfAbsent(name, k -> new ArrayList<>()).add(h.path("value").asString(""));
      }
    }
    JsonNode content = response.path("content");
    String body = content.path("text").asString("");
    if ("base64".equalsIgnoreCase(content.path("encoding").asString(""))) {
      try {
        body = new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("expected base64 in response.content.text, but was not decodable");
      }
    }
    Optional<Instant> time = Optional.empty();
    String started = entry.path("startedDateTime").asString("");
    if (!started.isEmpty()) {
      try {
        time = Optional.of(OffsetDateTime.parse(started).toInstant());
      } catch (DateTimeParseException e) {
        time = Optional.empty();
      }
    }
    return new RecordedExchange(time, method, target(url), status.intValue(), headers, body, false,
        Optional.empty(), Optional.empty());
  }

  /** Path and query of a URL, without scheme, authority and fragment. */
  static String target(String url) {
    String s = url;
    int hash = s.indexOf('#');
    if (hash >= 0) {
      s = s.substring(0, hash);
    }
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      int slash = s.indexOf('/', scheme + 3);
      int q = s.indexOf('?', scheme + 3);
      if (slash < 0 || (q >= 0 && q < slash)) {
        return "/" + (q >= 0 ? s.substring(q) : "");
      }
      s = s.substring(slash);
    }
    return s.startsWith("/") ? s : "/" + s;
  }

  private ContractException broken(JacksonException e) {
    return ContractException.builder("Cannot read recording", file)
        .at(Messages.where(e.getLocation()))
        .expected("a HAR 1.2 file (one JSON document)")
        .butWas(Messages.truncate(Messages.firstLine(e.getOriginalMessage())))
        .hint("export the HAR again; a file that breaks off was probably cut while it was written")
        .cause(e)
        .build();
  }

  private ContractException structure(String expected) {
    return ContractException.builder("Cannot read recording", file)
        .at(Messages.where(parser.currentLocation()))
        .expected(expected)
        .butWas("another JSON structure")
        .hint("pass a HAR 1.2 file (browser devtools: Save all as HAR)")
        .build();
  }

  @Override
  public void close() {
    parser.close();
  }
}
