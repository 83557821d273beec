package dev.contractgate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractgate.registry.ContractRegistry;
import dev.contractgate.registry.ContractVersion;
import dev.contractgate.registry.Endpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResponseValidator_parsedBody_Test {

  static final ContractRegistry REGISTRY = ContractRegistry.load(Path.of("../contracts/src/main/contracts"));

  @Test
  void should_validate_the_tree_given_instead_of_parsing_the_text_again() {
    // GIVEN the 401 body of blog.list as a tree, and a text that would not even parse
    ContractVersion v = REGISTRY.requireVersion("ivanpin", "1.2.0");
    Endpoint e = REGISTRY.requireEndpoint(v, "blog.list");
    JsonNode tree = JsonMapper.builder().build().readTree("{\"error\": {\"code\": \"UNAUTHORIZED\", \"message\": \"x\"}}");
    ObservedResponse response = new ObservedResponse(401, Map.of("Content-Type", List.of("application/json")), "not json");
    // WHEN
    ValidationResult withTree = ResponseValidator.of(REGISTRY).validate(v, e, response, tree);
    ValidationResult withoutTree = ResponseValidator.of(REGISTRY).validate(v, e, response, null);
    // THEN the tree decides; without it the text is parsed and fails
    assertThat(withTree.violations()).isEmpty();
    assertThat(withoutTree.violations()).extracting(Violation::rule).containsExactly("body.not-json");
  }
}
