package dev.contractgate.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks the field or no-argument method of a {@link ContractTest @ContractTest} class that gives the base URL of
 * the backend under test, for backends the test starts itself on a random port (WireMock, MockWebServer,
 * Testcontainers). Its type is {@code String} or {@link java.net.URI}; it may be static or not, of any
 * visibility.
 *
 * <p>It is read when a {@link ContractClient} is resolved, that is before the first call and after the
 * {@code @BeforeAll} methods (for a static member, or a parameter of {@code @BeforeAll}) or after the
 * {@code @BeforeEach} methods that come before the one asking; so the server may start in {@code @BeforeAll}.
 * It wins over {@code contract.baseUrl} and {@code CONTRACT_BASE_URL}; {@code ContractExtension.builder().baseUrl}
 * wins over it.
 *
 * <pre>{@code
 * static WireMockServer backend = new WireMockServer(options().dynamicPort());
 *
 * @ContractBaseUrl
 * static String baseUrl() {
 *   return backend.baseUrl();
 * }
 * }</pre>
 *
 * @since 0.1
 */
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = EXPERIMENTAL, since = "0.1")
public @interface ContractBaseUrl {}
