package dev.contractgate.gate;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything a run of the live gate needs, as {@link LiveGate.Builder} collects it; the probe runner reads
 * it, so it is a type of its own rather than part of {@code LiveGate}.
 *
 * @param registry the contracts
 * @param baseUrl scheme, host and port of the backend (a path prefix is kept)
 * @param versions the contract version checked per namespace
 * @param concurrency most requests in flight at once
 * @param timeout per request, from sending to the last byte
 * @param deadline for the whole run; probes not finished by then are cancelled
 * @param retries extra attempts after a connection failure
 * @param environment reads the token variables (usually {@code System::getenv})
 * @param progress told after each probe: done and total
 * @param states sets up a probe's provider state before it is sent; throws when it cannot
 */
record GateSettings(
    ContractRegistry registry,
    String baseUrl,
    List<ContractVersion> versions,
    int concurrency,
    Duration timeout,
    Duration deadline,
    int retries,
    Function<String, String> environment,
    Consumer<int[]> progress,
    Consumer<String> states) {
  GateSettings {
    versions = List.copyOf(versions);
  }
}
