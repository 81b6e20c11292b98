package io.smo.testkit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The descriptions strict mode needs travel on the class path, with their provenance. */
class BundledSpecsTest {
  @Test
  void everyDescriptionAndItsProvenanceIsOnTheClassPath() {
    BundledSpecs.requireAll();
    for (String name : BundledSpecs.ALL) {
      assertThat(BundledSpecs.read(name)).startsWith("{");
    }
    String provenance = BundledSpecs.read("PROVENANCE.md");
    for (String name : BundledSpecs.ALL) {
      assertThat(provenance).contains(name.substring("specs/".length()));
    }
  }

  @Test
  void aMissingDescriptionIsALoudError() {
    assertThatThrownBy(() -> BundledSpecs.url("specs/no-such-api.json"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-api.json")
        .hasMessageContaining("smo-testkit jar");
  }

  @Test
  void strictValidationUsesTheBundledDescriptionWhateverTheSharedFolder() {
    OpenApiRequestValidator x = OpenApiRequestValidator.bundled("specs/x-api-v2-openapi.json");
    SandboxRequest bad =
        new SandboxRequest(
            "POST",
            "/2/tweets",
            null,
            java.util.Map.of(
                "content-type",
                java.util.List.of("application/json"),
                "authorization",
                java.util.List.of("Bearer t")),
            "{\"text\":12345}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.util.List.of());
    assertThat(x.validate(bad))
        .anySatisfy(m -> assertThat(m).contains("validation.request.body.schema"));
  }
}
