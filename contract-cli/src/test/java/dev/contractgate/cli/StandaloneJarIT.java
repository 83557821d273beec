package dev.contractgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar as it is published: contract-cli-VERSION-standalone.jar, started with java -jar. */
class StandaloneJarIT {

  @Test
  void the_published_jar_runs_from_anywhere_and_says_its_version(@TempDir Path elsewhere) throws Exception {
    String version = DistributionTest.text(DistributionTest.pom(".").getDocumentElement(), "version");
    Path jar = Path.of("target", "contract-cli-" + version + "-standalone.jar").toAbsolutePath();
    assertThat(jar).as("the attached standalone artifact; run through Maven's package phase").exists();
    assertThat(Files.mismatch(jar, Path.of("target", "contract-gate.jar"))).as("target/contract-gate.jar is the same jar")
        .isEqualTo(-1L);
    try (JarFile j = new JarFile(jar.toFile())) {
      assertThat(j.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.contractgate.cli.ContractCli");
      assertThat(j.getManifest().getMainAttributes().getValue("Implementation-Version")).isEqualTo(version);
      // Left out on purpose (docs/install.md): nothing the command does reads them.
      assertThat(j.stream().map(e -> e.getName()))
          .noneMatch(n -> n.startsWith("assets/swagger-ui/swagger-ui-dist/") || n.startsWith("META-INF/maven/"))
          .contains("assets/swagger-ui/index.html");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-jar", jar.toString(), "--version").directory(elsewhere.toFile())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out).startsWith("contract-gate " + version + "\n");
  }
}
