package dev.contractgate.openapi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.diff.DiffPolicy;
import dev.contractgate.diff.VersionDiff;
import dev.contractgate.diff.VersionDiffer;
import dev.contractgate.registry.ContractException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Imports OpenAPI 3.0 and 3.1 descriptions as contract versions (see {@code docs/openapi.md}).
 *
 * <pre>{@code
 * ImportedVersion v = OpenApiImport.convert(Path.of("petstore.yaml"), "pets", "1.0.0", Optional.empty());
 * v.writeTo(Path.of("contracts/src/main/contracts"), false);
 * }</pre>
 *
 * <p>The description must be one self-contained file: a {@code $ref} to another file or a URL is refused. A
 * duplicate key anywhere (including a component defined twice) is refused with both lines.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class OpenApiImport {

  private OpenApiImport() {}

  /** True when the file is a JSON or YAML object with a top-level {@code openapi} (or {@code swagger}) key. */
  public static boolean isOpenApi(Path file) {
    return DescriptionFile.isOpenApi(Objects.requireNonNull(file, "file"));
  }

  /** The description's {@code info.version}, read without parsing the rest; empty when there is none. */
  public static Optional<String> infoVersion(Path file) {
    return DescriptionFile.infoVersion(Objects.requireNonNull(file, "file"));
  }

  /**
   * Converts a description in memory.
   *
   * @param namespace the namespace id ({@code [a-z][a-z0-9-]*})
   * @param version a semantic version such as {@code 1.0.0}
   * @param basePath the namespace's base path; empty to take the path of the first {@code servers} URL
   * @throws IllegalArgumentException for an invalid namespace id or version
   * @throws ContractException when the description cannot be read or converted (file, line or pointer, hint)
   */
  public static ImportedVersion convert(Path spec, String namespace, String version, Optional<String> basePath) {
    Objects.requireNonNull(spec, "spec");
    return OpenApiConverter.convert(DescriptionFile.parse(spec, spec.toString()), namespace, version, basePath);
  }

  /**
   * Converts a description and writes it into a contract tree. When {@code tree/<namespace>/namespace.yaml}
   * exists, its base path is used (and must agree with {@code basePath} when both are given).
   *
   * @return the written version
   */
  public static ImportedVersion importInto(Path spec, Path tree, String namespace, String version,
      Optional<String> basePath, boolean force) {
    ContractWriter.checkTarget(tree, namespace, version, force);
    Optional<String> existing = ContractWriter.existingBasePath(tree, namespace);
    if (existing.isPresent() && basePath.isPresent() && !sameBase(existing.get(), basePath.get())) {
      throw ContractException.builder("Cannot import OpenAPI description", tree.resolve(namespace).resolve("namespace.yaml")
              .toString())
          .at("/basePath")
          .expected("the base path given with --base-path")
          .butWas("\"" + existing.get() + "\" in the"
              + " existing namespace.yaml, \"" + basePath.get() + "\" given")
          .hint("drop --base-path, or edit namespace.yaml first")
          .build();
    }
    ImportedVersion v = convert(spec, namespace, version, existing.isPresent() ? existing : basePath);
    v.writeTo(tree, force);
    return v;
  }

  /**
   * The endpoint-level diff of two imported versions: what {@code ContractDiff} finds on the written trees,
   * and what the descriptions say beyond them (see {@code docs/openapi.md}).
   */
  public static VersionDiff compare(ImportedVersion from, ImportedVersion to, DiffPolicy policy, LocalDate today) {
    return VersionDiffer.compare(from.documents(), from.version(), to.documents(), to.version(), policy, today,
        SurfaceDiff.compare(from.surface(), to.surface(), policy));
  }

  private static boolean sameBase(String a, String b) {
    String x = a.endsWith("/") ? a : a + "/";
    String y = b.endsWith("/") ? b : b + "/";
    return (x.startsWith("/") ? x : "/" + x).equals(y.startsWith("/") ? y : "/" + y);
  }
}
