package io.smo.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void redactsJsonSecretsIncludingTheirCutOffTail() {
    assertThat(Redactor.redactText("{\"access_token\":\"EAAB123\",\"id\":\"1\"}"))
        .isEqualTo("{\"access_token\":\"[REDACTED]\",\"id\":\"1\"}");
    // trace logging and error snippets cut bodies (4 KiB / 64 KiB); a cut inside a secret value
    // left the value without its closing quote, and it was logged as is (e.g. the page tokens of
    // /me/accounts?fields=access_token for a user with many Pages)
    String cut = "{\"data\":[{\"id\":\"1\",\"access_token\":\"EAABsecretPageTok";
    assertThat(Redactor.redactText(cut))
        .doesNotContain("EAAB")
        .doesNotContain("secretPageTok")
        .endsWith("\"access_token\":\"[REDACTED]");
    assertThat(Redactor.redactText("{\"refreshToken\" : \"rt-123"))
        .isEqualTo("{\"refreshToken\" : \"[REDACTED]");
  }
}
