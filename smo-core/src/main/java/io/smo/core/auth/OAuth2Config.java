package io.smo.core.auth;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An OAuth 2.0 client registration with one platform: authorization and token endpoints, client id
 * and secret, redirect URI, scopes, PKCE, and the platform's quirks (TikTok calls the client id
 * {@code client_key}; Meta joins scopes with commas). Immutable; the client secret never appears in
 * {@link #toString()}.
 */
@SmoPublicApi
public final class OAuth2Config {
  /** How the client authenticates at the token endpoint. */
  public enum ClientAuthentication {
    /** HTTP Basic with client id and secret (RFC 6749 §2.3.1; X, Pinterest). */
    BASIC,
    /**
     * {@code client_id} and {@code client_secret} in the form body (Google, Meta, TikTok, Snap).
     */
    POST_BODY
  }

  private final URI authorizationEndpoint;
  private final URI tokenEndpoint;
  private final String clientId;
  private final String clientSecret;
  private final URI redirectUri;
  private final Set<String> scopes;
  private final String scopeDelimiter;
  private final boolean pkce;
  private final ClientAuthentication clientAuthentication;
  private final String clientIdParameter;
  private final Map<String, String> extraAuthorizationParameters;
  private final Map<String, String> extraRefreshParameters;

  private OAuth2Config(Builder b) {
    authorizationEndpoint =
        requireNonNull(b.authorizationEndpoint, "authorizationEndpoint == null");
    tokenEndpoint = requireNonNull(b.tokenEndpoint, "tokenEndpoint == null");
    clientId = requireNonNull(b.clientId, "clientId == null");
    clientSecret = b.clientSecret;
    redirectUri = b.redirectUri;
    scopes =
        java.util.Collections.unmodifiableSet(
            new LinkedHashSet<>(b.scopes)); // keeps the given order
    scopeDelimiter = b.scopeDelimiter;
    pkce = b.pkce;
    clientAuthentication = b.clientAuthentication;
    clientIdParameter = b.clientIdParameter;
    extraAuthorizationParameters = Map.copyOf(b.extra);
    extraRefreshParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.refresh));
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the authorization endpoint (where the user is sent). */
  public URI authorizationEndpoint() {
    return authorizationEndpoint;
  }

  /** Returns the token endpoint. */
  public URI tokenEndpoint() {
    return tokenEndpoint;
  }

  /** Returns the client id. */
  public String clientId() {
    return clientId;
  }

  /** Returns the client secret, absent for public (PKCE-only) clients; never log it. */
  public Optional<String> clientSecret() {
    return Optional.ofNullable(clientSecret);
  }

  /** Returns the registered redirect URI, if any. */
  public Optional<URI> redirectUri() {
    return Optional.ofNullable(redirectUri);
  }

  /** Returns the requested scopes, in the order given (the authorization URL lists them so). */
  public Set<String> scopes() {
    return scopes;
  }

  /** Returns the scope delimiter, a space by default. */
  public String scopeDelimiter() {
    return scopeDelimiter;
  }

  /** Returns whether PKCE (S256) is used. */
  public boolean pkce() {
    return pkce;
  }

  /** Returns how the client authenticates at the token endpoint. */
  public ClientAuthentication clientAuthentication() {
    return clientAuthentication;
  }

  /** Returns the name of the client id parameter ({@code client_id}, TikTok {@code client_key}). */
  public String clientIdParameter() {
    return clientIdParameter;
  }

  /** Returns extra authorization URL parameters (e.g. Google {@code access_type=offline}). */
  public Map<String, String> extraAuthorizationParameters() {
    return extraAuthorizationParameters;
  }

  /**
   * Returns extra form parameters of the refresh-token grant, in order (e.g. Pinterest {@code
   * continuous_refresh=true}).
   */
  public Map<String, String> extraRefreshParameters() {
    return extraRefreshParameters;
  }

  @Override
  public String toString() {
    return "OAuth2Config{clientId="
        + clientId
        + ", secret="
        + (clientSecret != null ? "***" : "none")
        + ", token="
        + tokenEndpoint
        + ", scopes="
        + scopes
        + ", pkce="
        + pkce
        + "}";
  }

  /** Builds {@link OAuth2Config}. Mutable, not thread-safe. */
  public static final class Builder {
    private URI authorizationEndpoint;
    private URI tokenEndpoint;
    private String clientId;
    private String clientSecret;
    private URI redirectUri;
    private final Set<String> scopes = new LinkedHashSet<>();
    private String scopeDelimiter = " ";
    private boolean pkce = true;
    private ClientAuthentication clientAuthentication = ClientAuthentication.POST_BODY;
    private String clientIdParameter = "client_id";
    private final Map<String, String> extra = new LinkedHashMap<>();
    private final Map<String, String> refresh = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the authorization endpoint. Required. */
    public Builder authorizationEndpoint(URI uri) {
      this.authorizationEndpoint = uri;
      return this;
    }

    /** Sets the token endpoint. Required. */
    public Builder tokenEndpoint(URI uri) {
      this.tokenEndpoint = uri;
      return this;
    }

    /** Sets the client id. Required. */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** Sets the client secret; {@code null} for public clients. */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /** Sets the redirect URI. */
    public Builder redirectUri(URI redirectUri) {
      this.redirectUri = redirectUri;
      return this;
    }

    /** Replaces the scopes. */
    public Builder scopes(Set<String> scopes) {
      this.scopes.clear();
      this.scopes.addAll(scopes);
      return this;
    }

    /** Sets the scope delimiter. Default a space; Meta and TikTok use a comma. */
    public Builder scopeDelimiter(String delimiter) {
      this.scopeDelimiter = requireNonNull(delimiter, "delimiter == null");
      return this;
    }

    /** Sets whether PKCE (S256) is used. Default true. */
    public Builder pkce(boolean pkce) {
      this.pkce = pkce;
      return this;
    }

    /** Sets the token endpoint client authentication. Default POST_BODY. */
    public Builder clientAuthentication(ClientAuthentication a) {
      this.clientAuthentication = requireNonNull(a, "clientAuthentication == null");
      return this;
    }

    /** Sets the client id parameter name. Default {@code client_id}. */
    public Builder clientIdParameter(String name) {
      this.clientIdParameter = requireNonNull(name, "name == null");
      return this;
    }

    /** Adds an extra authorization URL parameter. */
    public Builder putAuthorizationParameter(String name, String value) {
      extra.put(name, value);
      return this;
    }

    /**
     * Adds an extra form parameter to the refresh-token grant (e.g. Pinterest {@code
     * continuous_refresh=true}); a {@code null} value removes it.
     */
    public Builder putRefreshParameter(String name, String value) {
      requireNonNull(name, "name == null");
      if (value == null) {
        refresh.remove(name);
      } else {
        refresh.put(name, value);
      }
      return this;
    }

    /** Returns an immutable snapshot. */
    public OAuth2Config build() {
      return new OAuth2Config(this);
    }
  }
}
