package dev.contractgate.openapi;

import dev.contractgate.registry.ContractException;
import dev.contractgate.registry.LocatedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reading a description file: whether it is one and its {@code info.version} by streaming only the top level
 * (the CLI asks this of files it has not chosen to import), and the whole of it for a conversion.
 */
final class DescriptionFile {

  /** Above this size the description is read without the position of every value (memory). */
  private static final long POSITIONS_UP_TO_BYTES = 4L * 1024 * 1024;
  private static final int MAX_DEPTH = 1000;

  private DescriptionFile() {}

  /** True when the file's top-level object has an {@code openapi} key; reads only the top level. */
  static boolean isOpenApi(Path file) {
    return topLevel(file, false).isPresent();
  }

  /** {@code info.version}, read by streaming; empty when absent or unreadable. */
  static Optional<String> infoVersion(Path file) {
    return topLevel(file, true);
  }

  private static TokenStreamFactory factory(Path file) {
    StreamReadConstraints c = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxDocumentLength(-1L)
        .maxStringLength(Integer.MAX_VALUE).build();
    boolean yaml = LocatedDocument.Syntax.forFile(file.toString()) == LocatedDocument.Syntax.YAML;
    return yaml
        ? YAMLFactory.builder().streamReadConstraints(c)
            .loadSettings(org.snakeyaml.engine.v2.api.LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).setAllowDuplicateKeys(true).build())
            .build()
        : JsonFactory.builder().streamReadConstraints(c).build();
  }

  /** Without {@code infoVersion}: the openapi/swagger value when present; with it: info.version. */
  private static Optional<String> topLevel(Path file, boolean infoVersion) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = factory(file).createParser(ObjectReadContext.empty(), in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (!infoVersion && (name.equals("openapi") || name.equals("swagger"))) {
          return Optional.of(v.isScalarValue() ? p.getText() : "");
        }
        if (infoVersion && name.equals("info") && v == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            JsonToken iv = p.nextToken();
            if (key.equals("version") && iv == JsonToken.VALUE_STRING) {
              return Optional.of(p.getString());
            }
            p.skipChildren();
          }
          return Optional.empty();
        }
        p.skipChildren();
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not readable as a description; the caller reports it as whatever it tries next
    }
  }

  /** Parses a description (without per-value positions when it is large). */
  static LocatedDocument parse(Path file, String name) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw ContractException.builder(Spec.HEADLINE, name)
          .expected("a readable file")
          .butWas("nothing at this path (" + e.getMessage()
              + ")")
          .hint("check the path to the OpenAPI description")
          .build();
    }
    try (InputStream in = Files.newInputStream(file)) {
      // Positions serve only the error messages of a description: read again with them when one is needed,
      // and above the limit never (the map of a 12 MB description's positions would take ~100 MB).
      return size <= POSITIONS_UP_TO_BYTES
          ? LocatedDocument.parseWithPositionsOnDemand(name, in, LocatedDocument.Syntax.forFile(name), MAX_DEPTH)
          : LocatedDocument.parse(name, in, LocatedDocument.Syntax.forFile(name), MAX_DEPTH, false);
    } catch (IOException e) {
      throw ContractException.builder(Spec.HEADLINE, name)
          .expected("a readable file")
          .butWas(e.toString())
          .hint("check the file's permissions")
          .build();
    }
  }
}
