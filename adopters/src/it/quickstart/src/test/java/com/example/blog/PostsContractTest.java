package com.example.blog;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.contractgate.assertj.ContractAssertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.contractgate.junit.ContractBaseUrl;
import dev.contractgate.junit.ContractClient;
import dev.contractgate.junit.ContractResponse;
import dev.contractgate.junit.ContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's Quickstart: the contract tree is in src/test/resources/contract-gate/contracts. */
@ContractTest
class PostsContractTest {

  static WireMockServer backend = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  @ContractBaseUrl
  static String baseUrl() {
    return backend.baseUrl();   // read after @BeforeAll has started it, on its random port
  }

  @BeforeAll
  static void start() {
    backend.start();
    backend.stubFor(get(urlPathEqualTo("/api/posts"))
        .willReturn(okJson("{\"items\": [{\"id\": 1, \"title\": \"Hello\"}]}")));
  }

  @AfterAll
  static void stop() {
    backend.stop();
  }

  @Test
  void posts_list_matches_its_contract(ContractClient client) {
    ContractResponse response = client.call("blog", "posts.list");

    assertThat(response).hasStatus(200).matchesContract();
  }
}
