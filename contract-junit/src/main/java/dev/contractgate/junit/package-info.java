/**
 * JUnit 5 support for API contract tests: {@link dev.contractgate.junit.ContractTest @ContractTest} and
 * {@link dev.contractgate.junit.ContractExtension} load the contract tree once per test run and inject a
 * {@link dev.contractgate.junit.ContractClient}; {@link dev.contractgate.junit.ContractStubs} and
 * {@link dev.contractgate.junit.ContractValidatingListener} connect contracts to WireMock.
 *
 * @since 0.1
 */
package dev.contractgate.junit;
