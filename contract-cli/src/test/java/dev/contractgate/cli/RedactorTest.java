package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.report.Report;
import dev.contractgate.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactorTest {

  static final ContractRegistry REGISTRY =
      ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT, null);

  @Test
  void should_mask_the_user_info_of_any_url_it_never_learnt() {
    Redactor redactor = new Redactor();
    assertThat(redactor.apply("but was : \"https://user:s3cr3t@evil.example/x.json\": a remote reference"))
        .isEqualTo("but was : \"https://***@evil.example/x.json\": a remote reference");
    // a password holding '@', a token alone, several URLs on a line, a scheme with '+'
    assertThat(redactor.apply("see git+ssh://TOKEN@host/repo and https://u:p@ss@h.example?q=1"))
        .isEqualTo("see git+ssh://***@host/repo and https://***@h.example?q=1");
    // no user-info, an e-mail address, a path holding '@': unchanged
    String plain = "https://api.example/v1/users/a@b.example and ops@example.org";
    assertThat(redactor.apply(plain)).isEqualTo(plain);
  }

  @Test
  void should_mask_url_user_info_in_a_diff_error_from_an_input_file(@TempDir Path dir) throws IOException {
    String spec = "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n  /a:\n    get:\n      responses:"
        + " {'200': {description: ok, content: {application/json: {schema:"
        + " {$ref: 'https://user:s3cr3t@evil.example/x.json'}}}}}\n";
    Path old = Files.writeString(dir.resolve("old.yaml"), spec);
    Path now = Files.writeString(dir.resolve("new.yaml"), spec.replace("1.0.0", "2.0.0"));
    CliRun run = CliRun.run("diff", old.toString(), now.toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("a remote reference").contains("https://***@evil.example/x.json");
    assertThat(run.all()).doesNotContain("s3cr3t").doesNotContain("user:");
  }

  @Test
  void should_mask_whole_and_truncated_tokens() {
    // GIVEN a long token, as a JWT would be
    String token = "eyJhbGciOiJIUzI1NiJ9.payload-payload-payload-payload-payload-payload.signature-xyz";
    Redactor redactor = Redactor.forTree(REGISTRY, Map.of("IVANPIN_API_TOKEN", token)::get);
    // WHEN a message shows it whole, and another one cut by the 80-character truncation
    String whole = redactor.apply("but was : \"" + token + "\"");
    String cut = redactor.apply("but was : string \"" + token.substring(0, 60) + "...");
    // THEN
    assertThat(whole).isEqualTo("but was : \"***\"");
    assertThat(cut).isEqualTo("but was : string \"***").doesNotContain(token.substring(0, 20));
  }

  @Test
  void should_mask_a_prefix_of_any_length_that_ends_a_cut_value() {
    Redactor redactor = Redactor.forTree(REGISTRY, Map.of("IVANPIN_API_TOKEN", "abcdefghijkl")::get);
    assertThat(redactor.apply("abcdefg... is a short prefix")).isEqualTo("*** is a short prefix");
    assertThat(redactor.apply("\"xxxxa...")).isEqualTo("\"xxxx***");
    assertThat(redactor.apply("an abcdef without an ellipsis stays")).isEqualTo("an abcdef without an ellipsis stays");
  }

  @Test
  void should_mask_a_report_before_a_renderer_escapes_the_token() {
    // GIVEN a token with characters Markdown, HTML and JSON escape
    String token = "tok_en*with<html>&\"json\"\\chars";
    Redactor redactor = new Redactor();
    redactor.add(List.of(token));
    Report report = new Report("verify", "verify " + token, List.of(new Report.Entry("ivanpin", "blog.list",
        Report.Status.FAILED, "sent " + token, List.of(new Report.Finding(Report.Level.BREAKING, "body.type", "/x",
            List.of(new Report.Fact("but was", "string \"" + token + "\"")), "hint " + token, "", token)), 0)),
        List.of("note " + token));
    // WHEN / THEN every format is free of the token and of its escaped forms
    for (ReportFormat f : ReportFormat.values()) {
      String out = f.render(redactor.apply(report));
      assertThat(out).as(f.name()).doesNotContain("tok_en").doesNotContain("tok\\_en").contains("sent ");
    }
  }

  @Test
  void should_mask_what_is_written_across_several_writes_and_keep_the_rest_for_the_drain() throws IOException {
    Redactor redactor = new Redactor();
    redactor.add(List.of("s3cr3t-value"));
    StringWriter target = new StringWriter();
    Redactor.MaskingWriter masking = redactor.writer(target);
    PrintWriter out = masking.printer();
    // WHEN a secret is printed in two pieces, then a line without a newline at the end
    out.print("token s3cr");
    out.flush();
    assertThat(target.toString()).isEmpty();
    out.println("3t-value here");
    out.print("tail s3cr3t-value");
    out.flush();
    // THEN whole lines went out masked, the rest only when drained
    assertThat(target.toString()).isEqualTo("token *** here" + System.lineSeparator());
    masking.drain();
    assertThat(target.toString()).endsWith("tail ***");
  }

  @Test
  void should_learn_before_parsing_what_the_trees_and_arguments_name(@TempDir Path dir) throws IOException {
    // GIVEN a tree whose namespace.yaml is broken YAML, one with a token pasted as tokenEnv, a custom token header
    Path tree = dir.resolve("tree");
    Files.createDirectories(tree.resolve("shop/1.0.0"));
    Files.writeString(tree.resolve("shop/namespace.yaml"), "basePath: /api/shop/\nauth: {header: X-Shop-Key, "
        + "tokenEnv: \"SHOP_TOKEN\"}\nowners: [\"unclosed\n");
    Files.createDirectories(tree.resolve("pasted"));
    Files.writeString(tree.resolve("pasted/namespace.yaml"), "auth:\n  header: X-Key\n  tokenEnv: Bearer pAsted9Tok\n");
    Files.createDirectories(tree.resolve("lower"));
    Files.writeString(tree.resolve("lower/namespace.yaml"), "auth:\n  tokenEnv: zQ81lowercaseToken # comment\n");
    Map<String, String> env = Map.of("SHOP_TOKEN", "shop-env-token-77", "OTHER_TOKEN", "other-token-not-named");
    Redactor redactor = new Redactor();
    // WHEN the arguments point at a version folder of the tree, a URL with user-info, and secret headers
    SecretScan.beforeParse(redactor, new String[] {"diff", tree.resolve("shop/1.0.0").toString(), "x",
        "--base-url", "https://ops:pw-in-url@host/", "-H", "X-Shop-Key: header-arg-1", "--header=Cookie: a=cookie-arg-2",
        "-HAuthorization: Bearer bearer-arg-3", "-H", "Vary: not-a-secret"}, env::get);
    // THEN
    assertThat(redactor.known()).contains("shop-env-token-77", "Bearer pAsted9Tok", "pAsted9Tok", "zQ81lowercaseToken",
        "ops:pw-in-url", "pw-in-url", "header-arg-1", "cookie-arg-2", "bearer-arg-3")
        .doesNotContain("other-token-not-named", "not-a-secret", "ops", "SHOP_TOKEN");
  }

  @Test
  void should_learn_a_loaded_trees_tokens_and_probe_secrets() {
    Redactor redactor = Redactor.forTree(REGISTRY, Map.of("IVANPIN_API_TOKEN", "iv-tok-1", "WGP_API_TOKEN", "w")::get);
    assertThat(redactor.known()).containsExactlyInAnyOrder("iv-tok-1", "w");
    assertThat(redactor.apply("w and a w, w-x but not wow")).isEqualTo("*** and a ***, ***-x but not wow");
  }

  @Test
  void should_mask_usage_errors_and_error_messages_of_every_command() {
    // A password in --base-url that picocli quotes in a usage error, and a URL that is none
    CliRun usage = CliRun.run("verify", "--contracts", "classpath:examples", "--base-url", "http://u:pW9secret@h", "--timeout", "http://u:pW9secret@h");
    CliRun invalid = CliRun.run("verify", "--contracts", "classpath:examples", "--base-url", "http://u:pW9secret@not a host");
    assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(invalid.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(usage.all() + invalid.all()).doesNotContain("pW9secret").contains("***");
  }
}
