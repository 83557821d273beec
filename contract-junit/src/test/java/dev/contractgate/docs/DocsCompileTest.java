package dev.contractgate.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles, as shown, against the test classpath (the
 * library and what its docs use: WireMock, OkHttp, AssertJ, JUnit). A block that is a whole compilation unit
 * (starts with {@code package}) compiles as it is; a block that declares a class compiles in a package of its own;
 * any other block is a fragment and compiles as the body of a method. Each block brings its own imports, so a
 * reader can copy it. docs/junit.md is checked by {@link DocsSnippetsTest}, which also runs its examples.
 *
 * <p>A block that is deliberately not Java that compiles opens with {@code ```java no-compile}; there are at most
 * {@link #MAX_NO_COMPILE} of them.
 */
class DocsCompileTest {

  private static final Path ROOT = Path.of("..");
  private static final String OWNED_ELSEWHERE = "docs/junit.md";
  private static final int MAX_NO_COMPILE = 2;
  private static final Pattern BLOCK = Pattern.compile("(?m)^```java([^\\n]*)\\n(.*?)^```", Pattern.DOTALL);
  private static final Pattern DECLARATION = Pattern.compile(
      "(?s)^(\\s*@\\w+(\\([^)]*\\))?)*\\s*((public|final|abstract|static)\\s+)*(class|interface|record|enum)\\s+(\\w+)");

  /** One ```java block: the document, the line of its first code line, its info string and its code. */
  record Snippet(String doc, int line, String info, String code) {

    boolean compiles() {
      return !info.strip().equals("no-compile");
    }
  }

  @Test
  void every_java_block_of_readme_and_docs_compiles(@TempDir Path out) throws IOException {
    // GIVEN
    List<Snippet> snippets = new ArrayList<>();
    for (Path doc : docs()) {
      snippets.addAll(snippets(ROOT.relativize(doc).toString().replace(File.separatorChar, '/'),
          Files.readString(doc, StandardCharsets.UTF_8)));
    }
    List<Snippet> compiled = snippets.stream().filter(Snippet::compiles).toList();
    // THEN the docs that show Java are all seen, and almost nothing is excused
    assertThat(snippets).extracting(Snippet::doc).contains("README.md", "docs/drift.md", "docs/infer.md",
        "docs/diff-engine.md");
    assertThat(snippets.size() - compiled.size()).as("blocks marked ```java no-compile").isLessThanOrEqualTo(
        MAX_NO_COMPILE);
    // WHEN
    List<String> errors = compile(compiled, out);
    // THEN
    assertThat(errors).as("compile errors in documentation snippets (document:line: message)").isEmpty();
  }

  @Test
  void a_block_that_does_not_compile_is_reported_with_its_document_and_line(@TempDir Path out) {
    // GIVEN a fragment whose second line calls a method that does not exist, and one that is excused
    String markdown = "# Doc\n\n```java\nimport java.util.List;\n\nList<String> names = List.of(\"a\");\n"
        + "names.frobnicate();\n```\n\n```java no-compile\nthis is not Java\n```\n";
    List<Snippet> snippets = snippets("docs/example.md", markdown);
    // WHEN
    List<String> errors = compile(snippets.stream().filter(Snippet::compiles).toList(), out);
    // THEN
    assertThat(snippets).hasSize(2);
    assertThat(errors).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("docs/example.md:7: ").contains("frobnicate");
  }

  @Test
  void a_class_and_a_compilation_unit_compile_as_they_are(@TempDir Path out) {
    // GIVEN
    String markdown = "```java\nimport org.junit.jupiter.api.Test;\n\nclass ATest {\n  @Test\n  void t() {}\n}\n```\n"
        + "```java\npackage com.example;\n\npublic class B {\n  int x = undefinedName;\n}\n```\n";
    // WHEN
    List<String> errors = compile(snippets("README.md", markdown), out);
    // THEN only the second block fails, at its own line
    assertThat(errors).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("README.md:13: ").contains("undefinedName");
  }

  private static List<Path> docs() throws IOException {
    List<Path> out = new ArrayList<>();
    out.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.getFileName().toString().endsWith(".md"))
          .filter(p -> !ROOT.relativize(p).toString().replace(File.separatorChar, '/').equals(OWNED_ELSEWHERE))
          .sorted().forEach(out::add);
    }
    return out;
  }

  static List<Snippet> snippets(String doc, String markdown) {
    List<Snippet> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(markdown);
    while (m.find()) {
      int line = 2 + (int) markdown.substring(0, m.start()).chars().filter(c -> c == '\n').count();
      out.add(new Snippet(doc, line, m.group(1), m.group(2)));
    }
    return out;
  }

  /** Compiles the snippets together; each error as {@code document:line: message}. */
  static List<String> compile(List<Snippet> snippets, Path out) {
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < snippets.size(); i++) {
      sources.add(Source.of(snippets.get(i), "snippet" + i));
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      List<String> options = List.of("-classpath", classpath(), "-d", out.toString(), "-proc:none",
          "-Xlint:-options", "--release", "17");
      compiler.getTask(null, files, diagnostics, options, null, sources).call();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        Source s = d.getSource() instanceof Source src ? src : null;
        String where = s == null ? "?" : s.snippet.doc() + ":" + s.docLine(d.getLineNumber());
        errors.add(where + ": " + String.join(" ", d.getMessage(Locale.ROOT).lines().map(String::strip).toList()));
      }
    }
    return errors;
  }

  /** The classpath the tests run with: Surefire's, or the JVM's when run from an IDE. */
  private static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** A snippet as a compilation unit, remembering how many lines were added before its code. */
  static final class Source extends SimpleJavaFileObject {
    final Snippet snippet;
    private final String text;
    private final List<Integer> lineMap;

    private Source(Snippet snippet, String name, String text, List<Integer> lineMap) {
      super(URI.create("string:///" + name.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
      this.snippet = snippet;
      this.text = text;
      this.lineMap = lineMap;
    }

    /**
     * A whole compilation unit as it is; a class declaration in package {@code docs.snippetN}; a fragment as the
     * body of a method, its imports kept at the top.
     */
    static Source of(Snippet s, String id) {
      String[] lines = s.code().split("\n", -1);
      StringBuilder text = new StringBuilder();
      List<Integer> map = new ArrayList<>(); // generated line (1-based, index+1) -> snippet line (0-based) or -1
      boolean unit = s.code().lines().anyMatch(l -> l.startsWith("package "));
      int body = 0;
      while (body < lines.length && (lines[body].startsWith("import ") || lines[body].isBlank())) {
        body++;
      }
      String rest = String.join("\n", java.util.Arrays.copyOfRange(lines, body, lines.length));
      Matcher decl = DECLARATION.matcher(rest);
      String name;
      if (unit) {
        Matcher pkg = Pattern.compile("(?m)^package\\s+([\\w.]+);").matcher(s.code());
        Matcher cls = Pattern.compile("(?m)^(public\\s+)?(final\\s+)?(class|interface|record|enum)\\s+(\\w+)")
            .matcher(s.code());
        name = (pkg.find() ? pkg.group(1) + "." : "") + (cls.find() ? cls.group(4) : "Snippet");
        for (int i = 0; i < lines.length; i++) {
          append(text, map, lines[i], i);
        }
      } else {
        append(text, map, "package docs." + id + ";", -1);
        for (int i = 0; i < body; i++) {
          append(text, map, lines[i], i);
        }
        if (decl.find()) {
          name = "docs." + id + "." + decl.group(6);
          for (int i = body; i < lines.length; i++) {
            append(text, map, lines[i], i);
          }
        } else {
          name = "docs." + id + ".Snippet";
          append(text, map, "class Snippet {", -1);
          append(text, map, "void snippet() throws Exception {", -1);
          for (int i = body; i < lines.length; i++) {
            append(text, map, lines[i], i);
          }
          append(text, map, "}}", -1);
        }
      }
      return new Source(s, name, text.toString(), map);
    }

    private static void append(StringBuilder text, List<Integer> map, String line, int snippetLine) {
      text.append(line).append('\n');
      map.add(snippetLine);
    }

    /** The document's line for a line of the generated source. */
    long docLine(long generatedLine) {
      int i = (int) Math.max(0, Math.min(generatedLine - 1, lineMap.size() - 1));
      while (i > 0 && lineMap.get(i) < 0) {
        i--;
      }
      return s(lineMap.get(i));
    }

    private long s(int snippetLine) {
      return snippet.line() + Math.max(0, snippetLine);
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
