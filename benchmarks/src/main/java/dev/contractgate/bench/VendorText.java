package dev.contractgate.bench;

import java.util.Random;

/**
 * The words of {@link VendorSpecs}: invented resource names and the prose a vendor's description carries.
 * Real descriptions spend a large share of their bytes on Markdown descriptions and examples, so a generator
 * without them would measure a parser on a fraction of the real input; none of this text is taken from one.
 */
final class VendorText {

  /** Resource nouns; their plural is the noun plus {@code s}. */
  static final String[] NOUNS = {"beacon", "ledger", "parcel", "vessel", "lantern", "quiver", "orchard", "meadow",
      "glacier", "harbor", "anchor", "chart", "rudder", "sextant", "frame", "easel", "palette", "kiln",
      "loom", "spindle", "bobbin", "thimble", "trowel", "sprocket", "piston", "valve", "turbine", "gasket",
      "bracket", "hinge", "rivet", "gauge", "meter", "dial", "socket", "relay", "circuit", "signal", "pulse",
      "cipher", "token", "voucher", "coupon", "invoice", "receipt", "tariff", "quota", "permit", "license",
      "badge", "roster", "shift", "ticket", "runbook", "playbook", "snapshot", "mirror", "bucket", "volume",
      "cluster"};

  /** Top-level groups (the first path segment, plural). */
  static final String[] GROUPS = {"fleets", "yards", "studios", "mills", "forges", "depots", "wharves", "guilds",
      "estates", "workshops", "observatories", "granaries"};

  private static final String[] ADJ = {"authenticated", "archived", "pending", "primary", "visible", "linked",
      "scheduled", "private", "shared", "default", "expired", "verified", "pinned", "draft", "billable"};
  private static final String[] VERB = {"lists", "returns", "updates", "removes", "creates", "locks", "transfers",
      "reassigns", "mirrors", "rotates", "archives", "restores", "publishes", "renames"};
  private static final String[] OBJ = {"owner", "collaborator", "integration", "member", "team", "workspace",
      "installation", "organization", "account", "billing profile", "audit trail", "webhook", "access token"};
  private static final String[] CLAUSE = {"when the caller has the `admin` permission",
      "unless the request is made with a fine-grained token", "for at most 100 items per page",
      "in the order given by the `sort` parameter", "and is eventually consistent for up to a minute",
      "only when the owner enabled it in the settings", "including entries created by automation",
      "without counting deleted entries", "subject to the secondary rate limit",
      "if the `If-None-Match` header does not match"};

  private VendorText() {}

  /** The singular noun of resource {@code i} (group and noun together are unique for i < 732). */
  static String noun(int i) {
    String n = NOUNS[i % NOUNS.length];
    int round = i / (NOUNS.length * GROUPS.length);
    return round == 0 ? n : n + round;
  }

  static String group(int i) {
    return GROUPS[(i / NOUNS.length) % GROUPS.length];
  }

  /** {@code fleet-beacon}: the stem of resource {@code i}'s component names. */
  static String stem(int i) {
    String g = group(i);
    String single = g.endsWith("ies") ? g.substring(0, g.length() - 3) + "y"
        : g.endsWith("ves") ? g.substring(0, g.length() - 3) + "f" : g.substring(0, g.length() - 1);
    return single + "-" + noun(i);
  }

  static String sentence(Random r) {
    return "This endpoint " + pick(r, VERB) + " the " + pick(r, ADJ) + " " + pick(r, OBJ) + "s of the "
        + pick(r, OBJ) + " " + pick(r, CLAUSE) + ".";
  }

  /** One or two sentences, for a property. */
  static String shortText(Random r, String what) {
    String s = "The " + pick(r, ADJ) + " " + what + " of this object, " + pick(r, CLAUSE) + ".";
    return r.nextInt(3) == 0 ? s + " See the `" + what.replace(' ', '_') + "` field of the " + pick(r, OBJ)
        + " for details." : s;
  }

  /** Several Markdown paragraphs with a list, a link and code, as an operation carries. */
  static String longText(Random r, String resource, String action) {
    StringBuilder b = new StringBuilder();
    b.append(capital(action)).append(" ").append(resource).append("s. ").append(sentence(r)).append(' ')
        .append(sentence(r)).append("\n\n");
    int items = 2 + r.nextInt(4);
    for (int k = 0; k < items; k++) {
      b.append("* `").append(pick(r, ADJ)).append("`: ").append(sentence(r)).append('\n');
    }
    b.append("\nFor more information, see \"[").append(capital(pick(r, OBJ))).append(" ").append(resource)
        .append("s](https://docs.example.test/rest/").append(resource).append("s#").append(pick(r, ADJ))
        .append(").\"\n\n");
    int more = 1 + r.nextInt(3);
    for (int k = 0; k < more; k++) {
      b.append(sentence(r)).append(' ');
    }
    b.append("\n\nOAuth app tokens and personal access tokens (classic) need the `").append(resource)
        .append(":write` scope to use this endpoint with a private ").append(resource).append('.');
    return b.toString();
  }

  static String pick(Random r, String[] from) {
    return from[r.nextInt(from.length)];
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
