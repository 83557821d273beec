package dev.contractgate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.ContractRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes small contract trees for tests: {@code namespace.yaml}, {@code <version>/endpoints.yaml}, schema
 * files, consumers and the policy, each from a text block, then loads them.
 *
 * <pre>{@code
 * ContractTree.in(tempDir).withShop().endpoints("shop", "1.0.0", "...").load();
 * }</pre>
 */
public final class ContractTree {

  /** A namespace.yaml with a base path, a token and a session cookie. */
  public static final String SHOP_NAMESPACE =
      """
      description: The shop
      basePath: /api/shop/
      auth:
        header: X-WGP-Token
        tokenEnv: SHOP_API_TOKEN
      sessionCookie: SHOP_SESSID
      """;

  /** Endpoints of the baseline tree: one endpoint with one schema. */
  public static final String SHOP_ENDPOINTS =
      """
      endpoints:
        - id: order.get
          method: GET
          path: orders/{id}
          responses:
            "200":
              schema: schemas/order.schema.json
          probe:
            path: {id: 1}
      """;

  /** The order schema of the baseline tree. */
  public static final String ORDER_SCHEMA =
      """
      {
        "type": "object",
        "required": ["id"],
        "properties": {
          "id": {"type": "integer"}
        }
      }
      """;

  private final Path root;

  private ContractTree(Path root) {
    this.root = root;
  }

  /** A tree rooted at {@code root} (usually a {@code @TempDir}). */
  public static ContractTree in(Path root) {
    return new ContractTree(root);
  }

  public Path root() {
    return root;
  }

  /**
   * The baseline that loads: namespace {@code shop}, version {@code 1.0.0}, endpoint {@code order.get} with
   * {@code schemas/order.schema.json}. Tests overwrite one file of it to break exactly one thing.
   */
  public ContractTree withShop() {
    return namespace("shop", SHOP_NAMESPACE)
        .endpoints("shop", "1.0.0", SHOP_ENDPOINTS)
        .schema("shop", "1.0.0", "order.schema.json", ORDER_SCHEMA);
  }

  /** Writes {@code <id>/namespace.yaml}. */
  public ContractTree namespace(String id, String yaml) {
    return file(id + "/namespace.yaml", yaml);
  }

  /** Writes {@code <namespace>/<version>/endpoints.yaml}. */
  public ContractTree endpoints(String namespace, String version, String yaml) {
    return file(namespace + "/" + version + "/endpoints.yaml", yaml);
  }

  /** Writes {@code <namespace>/<version>/schemas/<name>}. */
  public ContractTree schema(String namespace, String version, String name, String json) {
    return file(namespace + "/" + version + "/schemas/" + name, json);
  }

  /** Writes {@code consumers/<id>.yaml}. */
  public ContractTree consumer(String id, String yaml) {
    return file("consumers/" + id + ".yaml", yaml);
  }

  /** Writes {@code contract-gate.yaml}. */
  public ContractTree policy(String yaml) {
    return file("contract-gate.yaml", yaml);
  }

  /** Writes any file, relative to the root, creating its directories. */
  public ContractTree file(String relative, String content) {
    Path p = root.resolve(relative);
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Creates an (empty) directory, relative to the root. */
  public ContractTree directory(String relative) {
    try {
      Files.createDirectories(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Deletes a file, relative to the root. */
  public ContractTree delete(String relative) {
    try {
      Files.delete(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public ContractRegistry load() {
    return ContractRegistry.load(root);
  }

  /** Loads the tree, expecting a {@link ContractException}, and returns it. */
  public ContractException loadFailure() {
    Throwable thrown = catchThrowable(this::load);
    assertThat(thrown).as("loading the tree at %s", root).isInstanceOf(ContractException.class);
    return (ContractException) thrown;
  }
}
