package io.smo.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PkceTest {
  @Test
  void s256ChallengeMatchesTheRfc7636AppendixBExample() {
    assertThat(Pkce.s256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void verifiersAndStatesAre43UnreservedCharactersAndNeverRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String v = Pkce.newVerifier();
      String s = Pkce.newState();
      assertThat(v).hasSize(43).matches("[A-Za-z0-9_-]+");
      assertThat(s).hasSize(43).matches("[A-Za-z0-9_-]+");
      assertThat(seen.add(v)).isTrue();
      assertThat(seen.add(s)).isTrue();
    }
  }
}
