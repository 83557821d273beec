package dev.contractgate.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.report.Report;
import dev.contractgate.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drift over a HAR file recorded by a real browser (headless Chromium 150 through Playwright 1.65) against the
 * {@code contract-gate stub} of the example contracts, not one written by test code.
 *
 * <p>How {@code src/test/resources/recordings/chromium-demo.har} was made: {@code ./contract-gate stub --port
 * 18089} with {@code IVANPIN_API_TOKEN} and {@code WGP_API_TOKEN} set, then, with {@code playwright-core@1}:
 *
 * <pre>{@code
 * const { chromium } = require('playwright-core');
 * (async () => {
 *   const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
 *     args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
 *            '--disable-sync', '--no-first-run'] });
 *   const context = await browser.newContext({ recordHar: { path: 'blog.har', content: 'embed' } });
 *   const page = await context.newPage();
 *   await page.goto('http://127.0.0.1:18089/');            // the stub's 404 page: outside every namespace
 *   await page.evaluate(async () => {
 *     const get = async (path, token) =>
 *       { const r = await fetch(path, { headers: { 'X-WGP-Token': token } }); await r.text(); return r.status; };
 *     for (let i = 0; i < 5; i++) await get('/api/ivanpin/services/blog/list.php?lang=ru&page=1&pageSize=10', IVANPIN_TOKEN);
 *     for (let i = 0; i < 2; i++) await get('/api/ivanpin/services/blog/one-bitrix-two-nextjs/?lang=ru', IVANPIN_TOKEN);
 *     for (let i = 0; i < 2; i++) await get('/api/services/wgp/posts/list.php?page=1&pageSize=10', WGP_TOKEN);
 *     await get('/api/ivanpin/services/nope.php', IVANPIN_TOKEN);   // matches no endpoint
 *   });
 *   await page.waitForTimeout(500);
 *   await context.close();                                   // writes the HAR
 *   await browser.close();
 * })();
 * }</pre>
 *
 * <p>Reading each body ({@code await r.text()}) matters: a fetch whose body the page never reads can end up in
 * the HAR without {@code response.content.text}. Both token values were then replaced by {@value #TOKEN}
 * everywhere in the file (request headers and the stub's 404 page, which echoes a stub's expected header);
 * nothing else was changed.
 */
class BrowserHarDriftTest {

  static final Path HAR = Path.of("src/test/resources/recordings/chromium-demo.har");
  static final String TOKEN = "har-fixture-token";
  static ContractRegistry registry;
  static DriftResult result;

  @BeforeAll
  static void run() {
    registry = ContractRegistry.load(Path.of("../contracts/src/main/contracts"));
    result = Drift.builder(registry).build().run(List.of(HAR));
  }

  @Test
  void fixture_is_a_chromium_har_with_only_the_fake_token() throws IOException {
    String har = Files.readString(HAR);
    assertThat(har).startsWith("{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"Playwright\"")
        .contains("\"browser\":{\"name\":\"chromium\"", TOKEN)
        .doesNotContain("har-demo-token");
    assertThat(Files.size(HAR)).isLessThan(300_000);
  }

  @Test
  void should_count_exactly_what_the_browser_requested() {
    // GIVEN 11 entries: the 404 page, 5 blog.list, 2 blog.detail, 2 posts.list, 1 unmatched ivanpin request
    // THEN every entry was read, none unreadable, none without a response or truncated
    assertThat(result.recordings()).isEqualTo(11);
    assertThat(result.unreadableCount()).isZero();
    assertThat(result.withoutResponse()).isZero();
    assertThat(result.truncated()).isZero();
    assertThat(result.outsideNamespaces()).isEqualTo(1);
    // AND per endpoint the planted number of responses, all conforming
    assertThat(result.endpoints()).filteredOn(e -> e.count() > 0)
        .extracting(EndpointDrift::label, EndpointDrift::endpoint, EndpointDrift::count, EndpointDrift::conforming)
        .containsExactly(
            tuple("ivanpin@1.2.0", "blog.detail", 2L, 2L),
            tuple("ivanpin@1.2.0", "blog.list", 5L, 5L),
            tuple("wgp@1.2.0", "posts.list", 2L, 2L));
    assertThat(result.endpoints()).allSatisfy(e -> {
      assertThat(e.conformance()).as(e.endpoint()).isEqualTo(100.0);
      assertThat(e.violations()).as(e.endpoint()).isEmpty();
    });
    assertThat(result.validated()).isEqualTo(9);
    assertThat(result.below(100.0)).isEmpty();
    // AND the request that matches no endpoint is counted once
    assertThat(result.unmatched()).extracting(DriftGroup::pointer, DriftGroup::count)
        .containsExactly(tuple("GET /api/ivanpin/services/nope.php", 1L));
    assertThat(result.unmatchedCount()).isEqualTo(1);
  }

  @Test
  void report_passes_and_never_contains_the_token() {
    Report report = DriftReports.of(result);
    assertThat(report.passed()).as(report.summary()).isTrue();
    String text = ReportFormat.TEXT.render(report);
    assertThat(text).contains("5 responses, 100.0 % conforming", "2 responses, 100.0 % conforming",
        "requests matching no endpoint", "/api/ivanpin/services/nope.php");
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(format.render(report)).as(format.name()).doesNotContain(TOKEN);
    }
  }
}
