/**
 * AssertJ assertions for contract checks: {@link dev.contractgate.assertj.ContractAssertions} is the entry
 * point, {@link dev.contractgate.assertj.ContractSoftAssertions} collects failures instead of stopping at
 * the first.
 *
 * @since 0.1
 */
package dev.contractgate.assertj;
