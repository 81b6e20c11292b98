package io.smo.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Platform;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class OAuth2FlowTest {
  static OAuth2Config config(boolean pkce) {
    return OAuth2Config.builder()
        .authorizationEndpoint(URI.create("https://auth.example.com/authorize?prompt=consent"))
        .tokenEndpoint(URI.create("https://auth.example.com/token"))
        .clientId("my client")
        .clientSecret("very-secret-value")
        .redirectUri(URI.create("https://app.example.com/cb"))
        .scopes(new LinkedHashSet<>(List.of("tweet.read", "tweet.write")))
        .pkce(pkce)
        .build();
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> q = new LinkedHashMap<>();
    for (String kv : uri.getRawQuery().split("&")) {
      int i = kv.indexOf('=');
      q.put(
          URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8),
          URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
    }
    return q;
  }

  @Test
  void authorizationUrlHasStateAndS256ChallengeMatchingTheVerifier() throws Exception {
    OAuth2Flow flow =
        new OAuth2Flow(Platform.TWITTER, config(true), new OkHttpClient(), Clock.systemUTC());
    AuthorizationRequest r = flow.authorizationRequest();
    Map<String, String> q = query(r.url());
    assertThat(r.url().toString()).startsWith("https://auth.example.com/authorize?prompt=consent&");
    assertThat(q)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", "my client")
        .containsEntry("redirect_uri", "https://app.example.com/cb")
        .containsEntry("scope", "tweet.read tweet.write")
        .containsEntry("code_challenge_method", "S256");
    assertThat(q.get("state")).isEqualTo(r.state()).hasSizeGreaterThanOrEqualTo(16);
    String verifier = r.codeVerifier().orElseThrow();
    // RFC 7636: 43..128 unreserved characters
    assertThat(verifier).hasSizeBetween(43, 128).matches("[A-Za-z0-9._~-]+");
    // challenge = BASE64URL(SHA-256(ASCII(verifier))), computed here independently of the
    // implementation (RFC 7636 §4.2)
    String expected =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    assertThat(q.get("code_challenge")).isEqualTo(expected);
    // the secret never travels in the browser URL
    assertThat(r.url().toString()).doesNotContain("very-secret-value");
    assertThat(r.toString()).doesNotContain(verifier);
  }

  @Test
  void everyRequestHasFreshStateAndVerifier() {
    OAuth2Flow flow =
        new OAuth2Flow(Platform.TWITTER, config(true), new OkHttpClient(), Clock.systemUTC());
    Set<String> states = new LinkedHashSet<>();
    Set<String> verifiers = new LinkedHashSet<>();
    for (int i = 0; i < 20; i++) {
      AuthorizationRequest r = flow.authorizationRequest();
      states.add(r.state());
      verifiers.add(r.codeVerifier().orElseThrow());
    }
    assertThat(states).hasSize(20);
    assertThat(verifiers).hasSize(20);
  }

  @Test
  void withoutPkceThereIsNoChallenge() {
    OAuth2Flow flow =
        new OAuth2Flow(Platform.FACEBOOK, config(false), new OkHttpClient(), Clock.systemUTC());
    AuthorizationRequest r = flow.authorizationRequest();
    assertThat(r.codeVerifier()).isEmpty();
    assertThat(query(r.url()))
        .doesNotContainKeys("code_challenge", "code_challenge_method")
        .containsKey("state");
  }

  @Test
  void toStringsHideSecrets() {
    AccessToken t =
        AccessToken.builder("access-SECRET-value")
            .refreshToken("refresh-SECRET-value")
            .expiresAt(Instant.parse("2030-01-01T00:00:00Z"))
            .build();
    assertThat(t.toString())
        .doesNotContain("access-SECRET-value")
        .doesNotContain("refresh-SECRET-value")
        .contains("2030-01-01")
        .contains("refreshToken=present");
    assertThat(t.fingerprint()).doesNotContain("SECRET");
    OAuth2Config c = config(true);
    assertThat(c.toString()).doesNotContain("very-secret-value").contains("my client");
    OAuth2Flow flow = new OAuth2Flow(Platform.TWITTER, c, new OkHttpClient(), Clock.systemUTC());
    assertThat(flow.toString()).doesNotContain("very-secret-value");
    assertThat(TokenProvider.of("fixed-SECRET").toString()).doesNotContain("fixed-SECRET");
    InMemoryTokenStore store = new InMemoryTokenStore();
    store.save("a", t);
    assertThat(store.toString()).doesNotContain("SECRET");
  }

  @Test
  void blankRefreshTokensAreAbsent() {
    assertThat(AccessToken.builder("a").refreshToken("  ").build().refreshToken()).isEmpty();
  }
}
