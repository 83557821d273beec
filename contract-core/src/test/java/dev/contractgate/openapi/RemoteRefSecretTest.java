package dev.contractgate.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.contractgate.registry.ContractException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A remote $ref is refused, and the refusal does not carry the URL's user-info into the exception message. */
class RemoteRefSecretTest {

  @TempDir Path dir;

  @Test
  void the_refusal_of_a_remote_ref_masks_its_user_info() throws IOException {
    Path spec = Files.writeString(dir.resolve("spec.yaml"), """
        openapi: 3.0.3
        info: {title: t, version: 1.0.0}
        paths:
          /a:
            get:
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: 'https://user:s3cr3t@evil.example/x.json'}}}}
        """);
    ContractException e = catchThrowableOfType(ContractException.class,
        () -> OpenApiImport.convert(spec, "api", "1.0.0", Optional.empty()));
    assertThat(e.getMessage()).contains("a remote reference").contains("https://***@evil.example/x.json")
        .doesNotContain("s3cr3t").doesNotContain("user:");
    assertThat(e.actual()).doesNotContain("s3cr3t");
  }

  @Test
  void any_error_masks_url_user_info_in_what_it_found() {
    ContractException e = ContractException.builder("Cannot read", "f.json")
        .butWas("\"git+ssh://TOKEN@host/repo\" and \"https://u:p@ss@h.example/x\" and ops@example.org").build();
    assertThat(e.actual()).isEqualTo("\"git+ssh://***@host/repo\" and \"https://***@h.example/x\" and ops@example.org");
  }
}
