package dev.contractgate.openapi;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One operation of the description, before it has its final id.
 *
 * @param method lower case, as the path item's key
 * @param pointer where the operation sits, for messages
 * @param pathParams the path item's parameters, which every operation under it shares
 * @param baseId the normalised operationId (or method and path); {@link Operations#assignIds} makes it unique
 */
record Operation(String method, String path, JsonNode node, String pointer, List<JsonNode> pathParams,
    String pathParamsPointer, String baseId) {}
