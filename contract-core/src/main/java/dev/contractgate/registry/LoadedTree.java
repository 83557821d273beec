package dev.contractgate.registry;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything read from a contract tree; immutable once built. */
record LoadedTree(
    String origin,
    Policy policy,
    Map<String, Namespace> namespaces,
    Map<String, List<ContractVersion>> versions,
    List<Consumer> consumers,
    Map<String, LocatedDocument> schemaDocuments) {

  public LoadedTree {
    namespaces = Collections.unmodifiableMap(new TreeMap<>(namespaces));
    versions = Collections.unmodifiableMap(new TreeMap<>(versions));
    consumers = List.copyOf(consumers);
    schemaDocuments = Collections.unmodifiableMap(new TreeMap<>(schemaDocuments));
  }
}
