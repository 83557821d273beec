package dev.contractgate;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * Keeps the shape described in docs/architecture.md: one package per concept, dependencies pointing down,
 * the other modules on the public API only, and no file or package that outgrows a reader.
 *
 * <p>It lives in the command's module because that is the one module whose test classpath holds the main
 * classes of core, the JUnit module and the command together.
 */
class ArchitectureTest {

  /** The concepts of contract-core, the ground floor first. */
  static final List<String> CORE_CONCEPTS =
      List.of("report", "registry", "validate", "record", "stub", "gate", "diff", "drift", "openapi", "infer",
          "release");

  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.contractgate");

  static final int MAX_FILE_LINES = 500;
  static final double MAX_PACKAGE_SHARE = 0.30;

  @Test
  void the_import_saw_every_module() {
    assertThat(CLASSES.stream().map(JavaClass::getPackageName).distinct())
        .contains("dev.contractgate.report", "dev.contractgate.diff.engine", "dev.contractgate.junit",
            "dev.contractgate.assertj", "dev.contractgate.cli");
  }

  @Test
  void concept_packages_are_free_of_cycles() {
    slices().matching("dev.contractgate.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void each_concept_depends_only_downward() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("report").definedBy("dev.contractgate.report..")
        .layer("registry").definedBy("dev.contractgate.registry..")
        .layer("validate").definedBy("dev.contractgate.validate..")
        .layer("record").definedBy("dev.contractgate.record..")
        .layer("stub").definedBy("dev.contractgate.stub..")
        .layer("gate").definedBy("dev.contractgate.gate..")
        .layer("diff").definedBy("dev.contractgate.diff..")
        .layer("drift").definedBy("dev.contractgate.drift..")
        .layer("openapi").definedBy("dev.contractgate.openapi..")
        .layer("infer").definedBy("dev.contractgate.infer..")
        .layer("release").definedBy("dev.contractgate.release..")
        .whereLayer("report").mayNotAccessAnyLayer()
        .whereLayer("registry").mayOnlyAccessLayers("report")
        .whereLayer("validate").mayOnlyAccessLayers("registry", "report")
        .whereLayer("record").mayOnlyAccessLayers("validate", "registry", "report")
        .whereLayer("stub").mayOnlyAccessLayers("validate", "registry", "report")
        .whereLayer("gate").mayOnlyAccessLayers("record", "validate", "registry", "report")
        .whereLayer("diff").mayOnlyAccessLayers("registry", "report")
        .whereLayer("drift").mayOnlyAccessLayers("diff", "record", "validate", "registry", "report")
        .whereLayer("openapi").mayOnlyAccessLayers("diff", "registry", "report")
        .whereLayer("infer").mayOnlyAccessLayers("drift", "diff", "record", "validate", "registry", "report")
        .whereLayer("release").mayOnlyAccessLayers("diff", "registry", "report")
        .check(CLASSES);
  }

  @Test
  void report_imports_nothing_of_ours() {
    noClasses().that().resideInAPackage("dev.contractgate.report..")
        .should().dependOnClassesThat(describe("Contract Gate classes outside report",
            c -> c.getPackageName().startsWith("dev.contractgate.")
                && !c.getPackageName().startsWith("dev.contractgate.report")))
        .check(CLASSES);
  }

  @Test
  void other_modules_use_only_the_public_api_of_core() {
    noClasses().that().resideInAnyPackage("dev.contractgate.cli..", "dev.contractgate.junit..",
            "dev.contractgate.assertj..")
        .should().dependOnClassesThat(internalToCore())
        .check(CLASSES);
  }

  @Test
  void public_types_carry_api_and_cannot_be_subclassed() {
    classes().that().arePublic().and().areTopLevelClasses()
        .and().resideOutsideOfPackage("dev.contractgate.cli..")
        .should(carryApiAndBeClosed())
        .check(CLASSES);
  }

  @Test
  void no_main_source_file_is_over_500_lines() throws IOException {
    Map<String, Integer> over = new TreeMap<>();
    lineCounts().forEach((file, lines) -> {
      if (lines > MAX_FILE_LINES) {
        over.put(file, lines);
      }
    });
    assertThat(over).as("main source files over %d lines (cut them by concern)", MAX_FILE_LINES).isEmpty();
  }

  @Test
  void no_package_holds_over_30_percent_of_core() throws IOException {
    Map<String, Integer> byPackage = new TreeMap<>();
    int total = 0;
    for (Map.Entry<String, Integer> e : lineCounts().entrySet()) {
      if (e.getKey().startsWith("contract-core/")) {
        String pkg = e.getKey().substring(0, e.getKey().lastIndexOf('/'));
        byPackage.merge(pkg, e.getValue(), Integer::sum);
        total += e.getValue();
      }
    }
    assertThat(total).as("lines of contract-core's main sources").isGreaterThan(5_000);
    List<String> big = new ArrayList<>();
    for (Map.Entry<String, Integer> e : byPackage.entrySet()) {
      if (e.getValue() > MAX_PACKAGE_SHARE * total) {
        big.add(e.getKey() + ": " + e.getValue() + " of " + total + " lines");
      }
    }
    assertThat(big).as("packages over %.0f %% of contract-core", MAX_PACKAGE_SHARE * 100).isEmpty();
  }

  /** Core types that are public only because another core package needs them. */
  static DescribedPredicate<JavaClass> internalToCore() {
    return describe("core types marked @API(status = INTERNAL)", c -> {
      JavaClass top = c;
      while (top.getEnclosingClass().isPresent()) {
        top = top.getEnclosingClass().get();
      }
      String pkg = top.getPackageName();
      boolean core = CORE_CONCEPTS.stream().anyMatch(k -> pkg.equals("dev.contractgate." + k)
          || pkg.startsWith("dev.contractgate." + k + "."));
      return core && (!top.getModifiers().contains(JavaModifier.PUBLIC)
          || !top.isAnnotatedWith(API.class)
          || top.getAnnotationOfType(API.class).status() == API.Status.INTERNAL);
    });
  }

  static ArchCondition<JavaClass> carryApiAndBeClosed() {
    return new ArchCondition<>("carry @API(since = ...) and be final, a record, an enum or an interface") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        if (!c.isAnnotatedWith(API.class) || c.getAnnotationOfType(API.class).since().isEmpty()) {
          events.add(SimpleConditionEvent.violated(c, c.getName() + " is public but lacks @API(since = ...)"));
          return;
        }
        // AssertJ's own assertions are open so that users can add theirs; ours follow that convention.
        boolean closed = c.isRecord() || c.isEnum() || c.isInterface() || c.isAnnotation()
            || c.getModifiers().contains(JavaModifier.FINAL) || c.isAssignableTo("org.assertj.core.api.AbstractAssert");
        if (!closed) {
          events.add(SimpleConditionEvent.violated(c, c.getName() + " can be subclassed"));
        }
      }
    };
  }

  /** Lines per main source file of every module but the benchmarks, keyed by path from the project root. */
  static Map<String, Integer> lineCounts() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    Map<String, Integer> counts = new TreeMap<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
        if (module.getFileName().toString().equals("benchmarks")) {
          continue;
        }
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
          for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
            counts.put(root.relativize(f).toString().replace('\\', '/'), (int) Files.readAllLines(f).size());
          }
        }
      }
    }
    assertThat(counts).as("main source files found under " + root).containsKey(
        "contract-core/src/main/java/dev/contractgate/registry/ContractRegistry.java");
    return counts;
  }
}
