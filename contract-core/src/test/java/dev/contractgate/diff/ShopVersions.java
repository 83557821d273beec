package dev.contractgate.diff;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.testing.ContractTree;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Small multi-version trees of one namespace {@code shop} for the endpoint-level diff, the history check and
 * the deploy check: one {@code order.get} endpoint whose 200 body is {@code schemas/order.schema.json}.
 */
final class ShopVersions {

  /** The date every sunset and expiry in these tests is judged against. */
  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  static final String NAMESPACE =
      """
      basePath: /api/shop/
      sessionCookie: SHOP_SESSID
      """;

  /** {@code order.get}: 200 with {@code schemas/order.schema.json}. */
  static final String ORDER_ENDPOINT =
      """
      endpoints:
        - id: order.get
          method: GET
          path: orders/{id}
          responses:
            "200":
              schema: schemas/order.schema.json
      """;

  private ShopVersions() {}

  /** A tree with namespace {@code shop} and nothing else yet. */
  static ContractTree shop(Path dir) {
    return ContractTree.in(dir).namespace("shop", NAMESPACE);
  }

  /** Adds a version whose {@code order.get} answers with {@code orderSchema}. */
  static ContractTree orderVersion(ContractTree tree, String version, String orderSchema) {
    return tree.endpoints("shop", version, ORDER_ENDPOINT).schema("shop", version, "order.schema.json", orderSchema);
  }

  /** {@code from -> to} of namespace {@code shop} with the tree's own policy, judged on {@link #TODAY}. */
  static VersionDiff diff(ContractRegistry registry, String from, String to) {
    return ContractDiff.compare(registry, registry.requireVersion("shop", from), registry.requireVersion("shop", to),
        ContractDiff.policyOf(registry), TODAY);
  }

  /** The single change with {@code ruleId}; fails when there is none or more than one. */
  static EndpointChange only(VersionDiff diff, String ruleId) {
    var found = diff.changes().stream().filter(c -> c.ruleId().equals(ruleId)).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected exactly one " + ruleId + " in " + diff.label() + " but found "
          + found.size() + ": " + diff.changes().stream().map(c -> c.ruleId() + " " + c.endpoint() + " " + c.part()
          + " " + c.change().path()).toList());
    }
    return found.get(0);
  }
}
