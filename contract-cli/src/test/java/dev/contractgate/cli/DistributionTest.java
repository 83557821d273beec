package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What an adopter gets from the build: the BOM, the JUnit scope of contract-junit, the metadata a public
 * repository requires, the LICENSE, the Windows launcher, and docs that cite only documents in the repository.
 * The adopter builds (adopters/) prove that the BOM works; this test keeps its contents in step with the reactor.
 */
class DistributionTest {

  static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  static Document pom(String module) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(REPO.resolve(module).resolve("pom.xml").toFile());
  }

  /** The text of the first direct child chain, e.g. {@code text(root, "parent", "version")}, or null. */
  static String text(Element e, String... path) {
    Element at = e;
    for (String name : path) {
      at = child(at, name);
      if (at == null) {
        return null;
      }
    }
    return at.getTextContent().trim();
  }

  static Element child(Element e, String name) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  static List<Element> children(Element e, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(name)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The reactor's modules that are published: every module without maven.deploy.skip, the BOM included. */
  static List<String> publishedArtifacts() throws Exception {
    List<String> out = new ArrayList<>();
    for (Element m : children(child(pom(".").getDocumentElement(), "modules"), "module")) {
      Element project = pom(m.getTextContent().trim()).getDocumentElement();
      if (!"true".equals(text(project, "properties", "maven.deploy.skip"))) {
        out.add(text(project, "artifactId"));
      }
    }
    return out;
  }

  @Test
  void the_bom_manages_every_published_module_at_the_reactors_version_and_nothing_else() throws Exception {
    Element root = pom(".").getDocumentElement();
    Element bom = pom("contract-gate-bom").getDocumentElement();
    assertThat(text(bom, "artifactId")).isEqualTo("contract-gate-bom");
    assertThat(text(bom, "version")).isEqualTo(text(root, "version"));
    // A parent would hand the user our junit-bom and jackson-bom imports.
    assertThat(child(bom, "parent")).isNull();
    List<Element> managed = children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency");
    assertThat(managed).allSatisfy(d -> {
      assertThat(text(d, "groupId")).isEqualTo("dev.contractgate");
      assertThat(text(d, "version")).isEqualTo("${project.version}");
      assertThat(text(d, "scope")).isNull();
    });
    List<String> published = new ArrayList<>(publishedArtifacts());
    published.remove("contract-gate-bom");
    assertThat(managed.stream().map(d -> text(d, "artifactId")).distinct())
        .containsExactlyInAnyOrderElementsOf(published);
    assertThat(published).contains("contract-core", "contract-junit", "contract-cli", "contracts")
        .doesNotContain("examples", "benchmarks", "contract-gate-adopters");
    assertThat(managed).anySatisfy(d -> {
      assertThat(text(d, "artifactId")).isEqualTo("contract-cli");
      assertThat(text(d, "classifier")).isEqualTo("standalone");
    });
  }

  @Test
  void contract_junit_brings_no_junit_of_its_own() throws Exception {
    Element project = pom("contract-junit").getDocumentElement();
    for (Element d : children(child(project, "dependencies"), "dependency")) {
      if (text(d, "groupId").startsWith("org.junit") || text(d, "groupId").equals("org.opentest4j")) {
        assertThat(text(d, "scope")).as(text(d, "artifactId") + " reaches the user's classpath unless")
            .isIn("provided", "test");
      }
    }
  }

  @Test
  void every_published_module_has_what_a_public_repository_requires() throws Exception {
    for (String module : List.of(".", "contract-gate-bom")) {
      Element p = pom(module).getDocumentElement();
      assertThat(text(p, "url")).as(module + " url").startsWith("https://");
      assertThat(text(p, "licenses", "license", "name")).as(module + " licence").isEqualTo("Apache-2.0");
      assertThat(text(p, "developers", "developer", "name")).as(module + " developers").isNotBlank();
      assertThat(text(p, "scm", "url")).as(module + " scm").startsWith("https://");
      Element release = children(child(p, "profiles"), "profile").stream()
          .filter(pr -> "release".equals(text(pr, "id"))).findFirst().orElseThrow();
      String plugins = release.getTextContent();
      assertThat(plugins).as(module + " release profile").contains("maven-gpg-plugin", "central-publishing-maven-plugin");
      assertThat(plugins).doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("passphrase");
    }
    String release = children(child(pom(".").getDocumentElement(), "profiles"), "profile").get(0).getTextContent();
    assertThat(release).contains("maven-source-plugin", "maven-javadoc-plugin");
    for (String module : List.of("contract-core", "contract-junit", "contract-cli", "contracts")) {
      Element p = pom(module).getDocumentElement();
      assertThat(text(p, "parent", "artifactId")).as(module + " inherits the metadata").isEqualTo("contract-gate-parent");
      assertThat(text(p, "name")).isNotBlank();
      assertThat(text(p, "description")).isNotBlank();
    }
    assertThat(Files.readString(REPO.resolve("LICENSE"))).contains("Apache License", "Version 2.0, January 2004");
  }

  @Test
  void the_windows_launcher_runs_the_same_jar_with_every_argument_and_passes_the_exit_code_on() throws IOException {
    byte[] bytes = Files.readAllBytes(REPO.resolve("contract-gate.cmd"));
    String cmd = new String(bytes, StandardCharsets.US_ASCII);
    // cmd.exe misreads labels and blocks of a batch file with bare LF line ends.
    assertThat(cmd.replace("\r\n", "")).doesNotContain("\n");
    assertThat(cmd).contains("contract-cli\\target\\contract-gate.jar", "java %JAVA_OPTS% -jar \"%JAR%\" %*",
        "exit /b %ERRORLEVEL%", "call mvnw.cmd", "CONTRACT_GATE_JAR");
    assertThat(Files.readString(REPO.resolve(".gitattributes"))).contains("*.cmd text eol=crlf");
  }

  @Test
  void docs_and_sources_cite_only_documents_in_the_repository() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(REPO.resolve("README.md"));
    try (Stream<Path> docs = Files.walk(REPO.resolve("docs"))) {
      docs.filter(Files::isRegularFile).forEach(files::add);
    }
    for (String module : List.of("contract-core", "contract-junit", "contract-cli")) {
      try (Stream<Path> src = Files.walk(REPO.resolve(module).resolve("src/main"))) {
        src.filter(Files::isRegularFile).forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(50);
    for (Path f : files) {
      assertThat(Files.readString(f)).as(REPO.relativize(f).toString()).doesNotContain("STYLE.md");
    }
  }

  @Test
  void the_readme_quickstart_is_the_adopter_project_that_the_build_runs() throws IOException {
    String readme = Files.readString(REPO.resolve("README.md"));
    Path project = REPO.resolve("adopters/src/it/quickstart");
    assertThat(readme.lines().filter(l -> l.startsWith("## ")).findFirst()).as("the README's first section")
        .hasValueSatisfying(h -> assertThat(h).startsWith("## Quickstart"));
    for (String file : List.of("src/test/java/com/example/blog/PostsContractTest.java",
        "src/test/resources/contract-gate/contracts/blog/namespace.yaml",
        "src/test/resources/contract-gate/contracts/blog/1.0.0/endpoints.yaml",
        "src/test/resources/contract-gate/contracts/blog/1.0.0/schemas/posts.schema.json")) {
      assertThat(readme).as(file + " verbatim in the README").contains(Files.readString(project.resolve(file)));
    }
    String pom = Files.readString(project.resolve("pom.xml"));
    assertThat(pom).contains("<artifactId>contract-gate-bom</artifactId>", "<artifactId>contract-junit</artifactId>")
        .doesNotContain("junit-bom");
    assertThat(Files.readString(project.resolve("invoker.properties")))
        .contains("-Djunit-jupiter.version=5.13.4", "-Djunit-jupiter.version=5.14.4", "-Djunit-jupiter.version=6.");
  }
}
