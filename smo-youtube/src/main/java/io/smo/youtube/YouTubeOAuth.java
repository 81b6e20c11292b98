package io.smo.youtube;

import io.smo.core.HttpSettings;
import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.OAuth2Flow;
import io.smo.core.auth.spi.PlatformOAuth;
import io.smo.core.exception.AuthenticationException;
import java.net.URI;
import java.util.Set;

/**
 * Google OAuth 2.0 for YouTube (https://developers.google.com/youtube/v3/guides/authentication):
 * authorization at {@code https://accounts.google.com/o/oauth2/v2/auth} with {@code
 * access_type=offline} and {@code prompt=consent} (so a refresh token is issued), PKCE S256, token
 * and refresh grants at {@code https://oauth2.googleapis.com/token} with the client credentials in
 * the form body. Google does not rotate refresh tokens: a refresh answer carries none and the old
 * one is kept.
 *
 * <p>Scopes each operation needs:
 *
 * <ul>
 *   <li>{@link #SCOPE_UPLOAD} ({@code youtube.upload}): {@code videos.insert}, {@code
 *       thumbnails.set}. It <b>cannot</b> update a video: {@code videos.update} answers 403 {@code
 *       insufficientPermissions};
 *   <li>{@link #SCOPE_FORCE_SSL} ({@code youtube.force-ssl}) or {@link #SCOPE_YOUTUBE}: {@code
 *       videos.update}, {@code videos.delete}, {@code playlistItems.insert}, comments insert,
 *       moderation and delete;
 *   <li>{@link #SCOPE_READONLY} or any of the above: {@code videos.list}, {@code
 *       commentThreads.list};
 *   <li>{@link #SCOPE_ANALYTICS} ({@code yt-analytics.readonly}, plus {@code youtube.readonly} per
 *       the newest reference): Analytics {@code reports.query}.
 * </ul>
 *
 * <p>Refresh tokens die when the user revokes access, after 6 months unused, and, for projects
 * whose consent screen is "External" in "Testing" status, <b>after 7 days</b>; Google then answers
 * {@code invalid_grant}, which {@link #refresh(AccessToken)} reports as an {@link
 * AuthenticationException} that says so.
 *
 * <pre>{@code
 * OAuth2Config config = YouTubeOAuth.config(clientId, clientSecret, redirectUri).build();
 * YouTubeOAuth oauth = YouTubeOAuth.create(config);
 * AuthorizationRequest request = oauth.authorizationRequest();   // send the user to request.url()
 * AccessToken token = oauth.exchange(code, request.codeVerifier());
 * YouTubeClient yt = YouTubeClient.builder().oauth(oauth, tokenStore).accountId(channelId).build();
 * }</pre>
 *
 * <p>Every token call goes through core's {@link OAuth2Flow}. Immutable and thread-safe; the client
 * secret never appears in messages or {@code toString()}.
 */
@SmoPublicApi
public final class YouTubeOAuth extends PlatformOAuth {
  /** The authorization endpoint. */
  public static final URI AUTHORIZATION_ENDPOINT =
      URI.create("https://accounts.google.com/o/oauth2/v2/auth");

  /** The token endpoint. */
  public static final URI TOKEN_ENDPOINT = URI.create("https://oauth2.googleapis.com/token");

  /** Full account management. */
  public static final String SCOPE_YOUTUBE = "https://www.googleapis.com/auth/youtube";

  /** Manage videos and comments over SSL (update, delete, comments). */
  public static final String SCOPE_FORCE_SSL = "https://www.googleapis.com/auth/youtube.force-ssl";

  /** Upload videos and set thumbnails only. */
  public static final String SCOPE_UPLOAD = "https://www.googleapis.com/auth/youtube.upload";

  /** Read-only access. */
  public static final String SCOPE_READONLY = "https://www.googleapis.com/auth/youtube.readonly";

  /** YouTube Analytics reports. */
  public static final String SCOPE_ANALYTICS =
      "https://www.googleapis.com/auth/yt-analytics.readonly";

  /** The scopes every operation of {@link YouTubeClient} needs, analytics included. */
  public static final Set<String> ALL_SCOPES =
      Set.of(SCOPE_FORCE_SSL, SCOPE_UPLOAD, SCOPE_READONLY, SCOPE_ANALYTICS);

  private YouTubeOAuth(OAuth2Flow flow) {
    super(Platform.YOUTUBE, flow);
  }

  /**
   * Returns Google's OAuth configuration for a web or installed app, preset with the endpoints,
   * PKCE S256, client credentials in the form body, {@code access_type=offline}, {@code
   * prompt=consent}, {@code include_granted_scopes=true} and the scopes {@link #ALL_SCOPES}. Change
   * the scopes with {@code .scopes(...)}, the token endpoint (a proxy, the sandbox's {@code
   * <base>/token}) with {@code .tokenEndpoint(...)}, then {@code build()}.
   *
   * @param clientId the OAuth client id
   * @param clientSecret the client secret ({@code null} for installed apps without one)
   * @param redirectUri the registered redirect (a loopback URI for installed apps), or {@code null}
   *     when the configuration only refreshes tokens
   */
  public static OAuth2Config.Builder config(String clientId, String clientSecret, URI redirectUri) {
    return OAuth2Config.builder()
        .authorizationEndpoint(AUTHORIZATION_ENDPOINT)
        .tokenEndpoint(TOKEN_ENDPOINT)
        .clientId(clientId)
        .clientSecret(clientSecret)
        .redirectUri(redirectUri)
        .scopes(ALL_SCOPES)
        .pkce(true)
        .clientAuthentication(OAuth2Config.ClientAuthentication.POST_BODY)
        .putAuthorizationParameter("access_type", "offline")
        .putAuthorizationParameter("prompt", "consent")
        .putAuthorizationParameter("include_granted_scopes", "true");
  }

  /**
   * Returns the OAuth helper for {@code config} with default HTTP settings.
   *
   * @param config the client registration, usually from {@link #config}
   */
  public static YouTubeOAuth create(OAuth2Config config) {
    return create(config, HttpSettings.defaults());
  }

  /**
   * Returns the OAuth helper for {@code config}, its token calls made with {@code httpSettings}
   * (timeouts, proxy, a shared {@code OkHttpClient}).
   *
   * @param config the client registration, usually from {@link #config}
   * @param httpSettings the HTTP settings of the token calls
   */
  public static YouTubeOAuth create(OAuth2Config config, HttpSettings httpSettings) {
    return new YouTubeOAuth(newFlow(Platform.YOUTUBE, config, httpSettings));
  }

  /**
   * Runs the refresh grant. Google keeps the refresh token (the answer carries none, the old one
   * stays). Google's {@code invalid_grant} becomes an {@link AuthenticationException} explaining
   * the likely causes: revoked, unused for 6 months, or issued to an app in "Testing" status, whose
   * refresh tokens expire after 7 days.
   *
   * @throws AuthenticationException if the refresh token is refused
   * @throws io.smo.core.exception.SmoException on transport failures
   */
  @Override
  public AccessToken refresh(AccessToken current) {
    try {
      AccessToken fresh = super.refresh(current);
      if (fresh.refreshToken().isEmpty() && current.refreshToken().isPresent()) {
        // Google does not rotate refresh tokens: keep the one that was used
        AccessToken.Builder kept = fresh.toBuilder().refreshToken(current.refreshToken().get());
        current.refreshTokenExpiresAt().ifPresent(kept::refreshTokenExpiresAt);
        return kept.build();
      }
      return fresh;
    } catch (AuthenticationException e) {
      if ("invalid_grant".equals(e.errorCode().orElse(null))) {
        throw new AuthenticationException(
            e.details().toBuilder()
                .message(
                    e.details().message()
                        + " (invalid_grant: the refresh token was revoked, unused"
                        + " for 6 months, or issued to an app whose OAuth consent screen is External and in"
                        + " Testing status, whose refresh tokens expire after 7 days; authorize again)")
                .build());
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return "YouTubeOAuth{" + config().clientId() + "}";
  }
}
