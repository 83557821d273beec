package dev.contractgate.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What part of a contract a rule is about; used for grouping in reports and in {@code docs/rules.md}.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum RuleCategory {
  EXISTENCE,
  REQUIREDNESS,
  TYPE,
  VALUES,
  CONSTRAINTS,
  STRUCTURE,
  ANNOTATION,
  UNDECIDABLE,
  ENDPOINT,
  /** Findings about the policy file itself: expired or unused exceptions. */
  POLICY,
  /** Findings proven by recorded traffic. */
  EVIDENCE,
  /** What a consumer reads, and the backend flags it reads behind (docs/contract-format.md, "Feature flags"). */
  CONSUMER
}
