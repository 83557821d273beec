package dev.contractgate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

class PublicApiTest {

  @Test
  void every_public_type_in_the_diff_package_carries_api_and_cannot_be_subclassed() throws Exception {
    Path dir = Path.of(SchemaDiff.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("dev/contractgate/diff");
    List<String> problems = new ArrayList<>();
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = f.getFileName().toString().replace(".class", "");
        if (name.equals("package-info")) {
          continue;
        }
        types.add(Class.forName("dev.contractgate.diff." + name, false, getClass().getClassLoader()));
      }
    }
    for (Class<?> c : types) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isSynthetic() || c.isAnonymousClass()) {
        continue;
      }
      API api = c.getAnnotation(API.class);
      if (api == null || !api.since().equals("0.1")) {
        problems.add(c.getName() + " lacks @API(since = \"0.1\")");
      }
      if (!c.isEnum() && !c.isRecord() && !Modifier.isFinal(c.getModifiers())) {
        problems.add(c.getName() + " is neither final, a record nor an enum");
      }
    }
    assertThat(types).hasSizeGreaterThanOrEqualTo(10);
    assertThat(problems).isEmpty();
  }
}
