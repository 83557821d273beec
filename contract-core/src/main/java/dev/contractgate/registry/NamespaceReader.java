package dev.contractgate.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a namespace folder's {@code namespace.yaml}. */
final class NamespaceReader {

  private static final Pattern NAMESPACE_ID = Pattern.compile("[a-z][a-z0-9-]*");

  private NamespaceReader() {}

  static Namespace read(TreeFiles files, Path dir, String id) {
    String file = id + "/namespace.yaml";
    if (!NAMESPACE_ID.matcher(id).matches()) {
      throw ContractException.builder("Cannot load contract", id + "/")
          .expected("a namespace folder named like " + NAMESPACE_ID.pattern())
          .butWas("\"" + id + "\"")
          .hint("rename the folder to lower-case letters, digits and '-'")
          .build();
    }
    TreeFiles.Kind kind = files.kind(file, dir.resolve("namespace.yaml"));
    if (kind != TreeFiles.Kind.FILE) {
      throw ContractException.builder("Cannot load contract", file)
          .expected("a namespace.yaml in every namespace folder")
          .butWas(TreeFiles.describe(kind))
          .hint(kind == TreeFiles.Kind.DIRECTORY ? "replace the folder " + file + " with a file"
              : "create " + file + " with at least 'basePath: /api/" + id + "/'")
          .build();
    }
    LocatedDocument doc = files.parse(file, dir.resolve("namespace.yaml"));
    Fields f = Fields.object(doc, "", "the namespace");
    f.allowOnly("description", "basePath", "auth", "sessionCookie", "owners");
    String basePath = f.requiredString("basePath", "write the path prefix, e.g. basePath: /api/" + id + "/");
    if (!basePath.startsWith("/") || !basePath.endsWith("/")) {
      throw f.error("basePath", "a path that starts and ends with '/'", "\"" + basePath + "\"", "write e.g. /api/" + id + "/");
    }
    Optional<Namespace.Auth> auth = f.has("auth") ? Optional.of(auth(f.child("auth", "the namespace's token")))
        : Optional.empty();
    return new Namespace(
        id,
        f.optionalString("description", "write a short text").orElse(""),
        basePath,
        auth,
        f.optionalString("sessionCookie", "name the session cookie, e.g. IVANPIN_SESSID"),
        f.stringList("owners", "list owners as strings"),
        file);
  }

  private static Namespace.Auth auth(Fields a) {
    a.allowOnly("header", "tokenEnv", "statusWithoutToken");
    String header = a.requiredString("header", "name the request header that carries the token, e.g. X-WGP-Token");
    String env = a.requiredString("tokenEnv", "name the environment variable that holds the token, e.g. IVANPIN_API_TOKEN");
    // The file is committed: a value that is not a variable name is most likely the secret itself.
    if (!env.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw a.error("tokenEnv", "an environment variable name", "\"" + env + "\"",
          "write the variable's name (letters, digits, '_'), never the token itself");
    }
    List<Integer> statuses = a.intList("statusWithoutToken", 100, 599, "list HTTP statuses, e.g. [401, 403]");
    return new Namespace.Auth(header, env, statuses.isEmpty() ? List.of(401, 403) : statuses);
  }
}
