package dev.contractgate.assertj;

import dev.contractgate.junit.ContractResponse;
import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.stub.Stub;
import dev.contractgate.stub.StubPlan;
import dev.contractgate.validate.ObservedResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Responses for assertion tests, built from the contract's own stubs so that "valid" is the contract's word. */
final class Responses {

  static final ContractRegistry REGISTRY =
      ContractRegistry.loadClasspath(ContractRegistry.DEFAULT_CLASSPATH_ROOT, Responses.class.getClassLoader());
  static final ContractVersion IVANPIN = REGISTRY.requireVersion("ivanpin", "1.2.0");

  private Responses() {}

  static Stub stub(String endpoint) {
    return StubPlan.of(REGISTRY, IVANPIN).stream().filter(s -> s.endpoint().equals(endpoint)).findFirst().orElseThrow();
  }

  static ContractResponse of(Stub stub) {
    Map<String, List<String>> headers = stub.headers().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    return ContractResponse.of(REGISTRY, IVANPIN, REGISTRY.requireEndpoint(IVANPIN, stub.endpoint()),
        new ObservedResponse(stub.status(), headers, stub.body()));
  }

  /** blog.list as the contract promises it. */
  static ContractResponse validBlogList() {
    return of(stub("blog.list"));
  }

  /** blog.list whose first post has a number for a title and no Vary header. */
  static ContractResponse brokenBlogList() {
    Stub s = stub("blog.list");
    String body = s.body().replaceFirst("\"title\"\\s*:\\s*\"[^\"]*\"", "\"title\":42");
    if (body.equals(s.body())) {
      throw new IllegalStateException("the blog.list example has no title to break: " + s.body());
    }
    return of(s.withBody(body).withHeader("Vary", null));
  }
}
