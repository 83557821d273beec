/**
 * Imports OpenAPI 3.0 and 3.1 descriptions as contract versions: {@link dev.contractgate.openapi.OpenApiImport}
 * is the entry point, {@link dev.contractgate.openapi.ImportedVersion} the result.
 */
package dev.contractgate.openapi;
