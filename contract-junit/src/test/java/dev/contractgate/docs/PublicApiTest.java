package dev.contractgate.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/** STYLE §2 for this module: public types carry {@code @API}, and public classes are final unless they must not be. */
class PublicApiTest {

  // Soft assertions subclass these at runtime (AssertJ's proxy), so they cannot be final.
  private static final Set<String> OPEN_FOR_PROXIES =
      Set.of("dev.contractgate.assertj.ResponseAssert", "dev.contractgate.assertj.ValidationResultAssert");

  private static List<Class<?>> publicTypes() throws IOException {
    Path classes = Path.of("target/classes");
    try (Stream<Path> files = Files.walk(classes)) {
      return files.map(p -> classes.relativize(p).toString())
          .filter(p -> p.endsWith(".class") && !p.contains("/internal/") && !p.endsWith("package-info.class"))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
          .map(PublicApiTest::load)
          .filter(c -> Modifier.isPublic(c.getModifiers()))
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, PublicApiTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void every_public_type_declares_its_api_status() throws IOException {
    // WHEN
    List<Class<?>> types = publicTypes();
    // THEN
    assertThat(types).extracting(Class::getName).contains("dev.contractgate.junit.ContractTest",
        "dev.contractgate.assertj.ContractAssertions");
    assertThat(types).allSatisfy(c -> assertThat(c.isAnnotationPresent(API.class)).as(c.getName()).isTrue());
  }

  @Test
  void public_classes_are_final_unless_proxies_need_them_open() throws IOException {
    // WHEN
    List<Class<?>> classes = publicTypes().stream()
        .filter(c -> !c.isInterface() && !c.isEnum() && !c.isRecord() && !OPEN_FOR_PROXIES.contains(c.getName()))
        .toList();
    // THEN
    assertThat(classes).isNotEmpty()
        .allSatisfy(c -> assertThat(Modifier.isFinal(c.getModifiers())).as(c.getName()).isTrue());
  }
}
