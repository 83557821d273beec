package dev.contractgate.stub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.Namespace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server-independent part of a stub server's answers: tokens, unknown paths, request bodies. */
class StubGuardTest {

  static final String WGP = "wgp-guard-t0ken-31c9";
  static final String IVANPIN = "ivanpin-guard-t0ken-8b2f";
  static final String POSTS = "/api/services/wgp/posts/list.php";
  static final String CONTACT = "/api/services/wgp/contact/submit.php";
  static ContractRegistry registry;
  static List<Stub> stubs;

  @BeforeAll
  static void load() {
    registry = ContractRegistry.load(Path.of("../contracts/src/main/contracts"));
    stubs = new ArrayList<>();
    for (Namespace ns : registry.namespaces()) {
      stubs.addAll(StubPlan.of(registry, registry.latest(ns.id())));
      StubPlan.refusal(registry, registry.latest(ns.id())).ifPresent(stubs::add);
    }
  }

  static StubGuard guard() {
    return StubGuard.of(stubs, Map.of("wgp", WGP, "ivanpin", IVANPIN)::get).checkingRequestBodies(registry);
  }

  static Function<String, String> token(String value) {
    return name -> name.equalsIgnoreCase("X-WGP-Token") ? value : null;
  }

  @Test
  void refuses_a_missing_token_with_the_namespace_refusal_and_a_wrong_one_with_403() {
    StubGuard g = guard();
    Optional<StubGuard.Answer> missing = g.beforeBody("GET", POSTS, token(null));
    Optional<StubGuard.Answer> blank = g.beforeBody("GET", POSTS, token("  "));
    Optional<StubGuard.Answer> wrong = g.beforeBody("GET", POSTS, token(IVANPIN));
    assertThat(missing).get().extracting(StubGuard.Answer::status).isEqualTo(401);
    assertThat(blank).get().extracting(StubGuard.Answer::status).isEqualTo(401);
    assertThat(wrong).get().extracting(StubGuard.Answer::status).isEqualTo(403);
    assertThat(wrong.get().body()).contains("TOKEN_INVALID", "X-WGP-Token").doesNotContain(WGP).doesNotContain(IVANPIN);
    assertThat(g.beforeBody("GET", POSTS, token(WGP))).isEmpty();
    // An unknown path of the namespace needs the token too; one outside every namespace is left to the server.
    assertThat(g.beforeBody("GET", "/api/services/wgp/other.php", token(null))).get()
        .extracting(StubGuard.Answer::status).isEqualTo(401);
    assertThat(g.beforeBody("GET", "/elsewhere", token(null))).isEmpty();
  }

  @Test
  void no_spelling_of_a_path_leaves_its_namespace() {
    StubGuard g = guard();
    for (String path : List.of("/api/services/wg%70/posts/list.php", "/api/services/x/../wgp/posts/list.php",
        "/api/services/wgp/./posts/list.php", "/api/%73ervices/wgp/posts/list.php",
        "/api/services/x/%2e%2e/wgp/posts/list.php")) {
      assertThat(g.beforeBody("GET", path, token(null))).as(path).get().extracting(StubGuard.Answer::status)
          .isEqualTo(401);
    }
    assertThat(StubGuard.decodePath("/a%2Fb%zz%C3%A9")).isEqualTo("/a/b%zzé");
    assertThat(StubGuard.decodePath("/bad%C3")).isEqualTo("/bad%C3");
    assertThat(StubGuard.withoutDotSegments("/a/b/../c/./d/..")).isEqualTo("/a/c/");
    assertThat(StubGuard.withoutDotSegments("/../../a")).isEqualTo("/a");
  }

  @Test
  void any_token_is_accepted_when_none_is_configured_and_open_stubs_need_none() {
    StubGuard anyToken = StubGuard.of(stubs, ns -> null);
    assertThat(anyToken.beforeBody("GET", POSTS, token("whatever"))).isEmpty();
    assertThat(anyToken.beforeBody("GET", POSTS, token(null))).isPresent();
    List<Stub> open = stubs.stream().map(s -> s.namespace().equals("wgp") ? s.withoutTokenCheck() : s).toList();
    StubGuard g = StubGuard.of(open, Map.of("wgp", WGP)::get);
    assertThat(g.beforeBody("GET", POSTS, token(null))).isEmpty();
  }

  @Test
  void a_body_that_breaks_the_request_schema_gets_400_with_pointer_expected_and_actual() throws Exception {
    StubGuard g = guard();
    Stub contact = g.stubFor("POST", CONTACT).orElseThrow();
    assertThat(g.checksBody(contact)).isTrue();
    assertThat(g.checksBody(g.stubFor("GET", POSTS).orElseThrow())).isFalse();
    Optional<StubGuard.Answer> answer = g.checkBody(contact,
        "{\"name\":\"" + WGP + "\",\"email\":\"a@example.com\",\"consent\":\"yes\",\"topic\":\"" + WGP + "\"}");
    assertThat(answer).isPresent();
    assertThat(answer.get().status()).isEqualTo(400);
    JsonNode error = JsonMapper.builder().build().readTree(answer.get().body()).path("error");
    assertThat(error.path("code").asString()).isEqualTo("REQUEST_INVALID");
    List<String> pointers = new ArrayList<>();
    error.path("violations").forEach(v -> pointers.add(v.path("pointer").asString()));
    assertThat(pointers).contains("/consent", "/message", "/topic");
    // a token a client put into a field is not sent back
    assertThat(answer.get().body()).doesNotContain(WGP);
    assertThat(g.checkBody(contact, "{\"name\":\"A\",\"email\":\"a@example.com\",\"message\":\"m\",\"consent\":true}"))
        .isEmpty();
    assertThat(g.checkBody(contact, "")).get().extracting(StubGuard.Answer::body).asString().contains("an empty body");
  }

  @Test
  void plain_answers_are_short_json_errors() {
    for (StubGuard.Answer a : List.of(StubGuard.notFound(), StubGuard.tooLarge(1024), StubGuard.internalError(),
        StubGuard.error(401, "X", "with \"quotes\""))) {
      assertThat(a.headers()).containsEntry("Content-Type", "application/json; charset=utf-8");
      assertThat(a.body()).startsWith("{\"error\":{\"code\":").hasSizeLessThan(200);
    }
    assertThat(StubGuard.tooLarge(1024).status()).isEqualTo(413);
    assertThat(StubGuard.error(401, "X", "with \"quotes\"").body()).contains("with \\\"quotes\\\"");
  }
}
