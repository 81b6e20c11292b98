package io.smo.core.auth;

import io.smo.core.SmoPublicApi;
import java.net.URI;
import java.util.Optional;

/**
 * The start of an authorization-code flow: the URL to send the user to, the {@code state} to check
 * on the redirect, and the PKCE code verifier to keep for the code exchange. Immutable; the
 * verifier is not printed by {@link #toString()}.
 */
@SmoPublicApi
public final class AuthorizationRequest {
  private final URI url;
  private final String state;
  private final String codeVerifier;

  AuthorizationRequest(URI url, String state, String codeVerifier) {
    this.url = url;
    this.state = state;
    this.codeVerifier = codeVerifier;
  }

  /** Returns the URL to open in the user's browser. */
  public URI url() {
    return url;
  }

  /** Returns the state value the redirect must carry back (CSRF protection). */
  public String state() {
    return state;
  }

  /** Returns the PKCE code verifier to pass to the code exchange, when PKCE is used. */
  public Optional<String> codeVerifier() {
    return Optional.ofNullable(codeVerifier);
  }

  @Override
  public String toString() {
    return "AuthorizationRequest{" + url + "}";
  }
}
