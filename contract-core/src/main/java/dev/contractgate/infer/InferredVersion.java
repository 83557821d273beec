package dev.contractgate.infer;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.contractgate.registry.ContractException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A contract version inferred from recordings, in memory: the text of every file it consists of, ready to be
 * written into a contract tree. The same recordings and options always give the same bytes.
 *
 * @param namespace the namespace id
 * @param version the version written, e.g. {@code 1.0.0}
 * @param basePath the namespace's base path
 * @param files file texts by tree-relative path: {@code ivanpin/namespace.yaml},
 *     {@code ivanpin/1.0.0/endpoints.yaml}, {@code ivanpin/1.0.0/schemas/blog-list.200.schema.json}, ...
 * @param summary what was read and what could not be used
 * @param notes what a reviewer should look at, one sentence each
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record InferredVersion(
    String namespace, String version, String basePath, Map<String, String> files, InferSummary summary,
    List<String> notes) {

  public InferredVersion {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(basePath, "basePath");
    files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    Objects.requireNonNull(summary, "summary");
    notes = List.copyOf(notes);
  }

  /**
   * Writes {@code tree/<namespace>/<version>/} and, when the namespace has none yet, its
   * {@code namespace.yaml} (an existing one is kept and must have the same base path). All or nothing: the
   * files go into a hidden folder beside the target, are loaded there as a contract tree, and only then move
   * into place.
   *
   * @param force replace the version folder if it exists
   * @return the version folder
   * @throws ContractException when the version exists and {@code force} is false, the existing namespace has
   *     another base path, or the tree is not writable
   */
  public Path writeTo(Path tree, boolean force) {
    return TreeWriter.write(this, tree, force);
  }
}
