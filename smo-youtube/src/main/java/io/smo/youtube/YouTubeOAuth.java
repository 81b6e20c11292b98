package io.smo.youtube;

import static java.util.Objects.requireNonNull;

import io.smo.core.Platform;
import io.smo.core.SmoPublicApi;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.OAuth2Config;
import io.smo.core.auth.OAuth2Flow;
import io.smo.core.auth.TokenRefresher;
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
 *   <li>{@link #SCOPE_ANALYTICS} ({@code yt-analytics.readonly}, plus {@code youtube.readonly}
 *       per the newest reference): Analytics {@code reports.query}.
 * </ul>
 *
 * <p>Refresh tokens die when the user revokes access, after 6 months unused, and, for projects
 * whose consent screen is "External" in "Testing" status, <b>after 7 days</b>; Google then answers
 * {@code invalid_grant}, which {@link #refresher(OAuth2Flow)} reports as an {@link
 * AuthenticationException} that says so.
 */
@SmoPublicApi
public final class YouTubeOAuth {
  /** The authorization endpoint. */
  public static final URI AUTHORIZATION_ENDPOINT = URI.create("https://accounts.google.com/o/oauth2/v2/auth");
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
  public static final String SCOPE_ANALYTICS = "https://www.googleapis.com/auth/yt-analytics.readonly";
  /** The scopes every operation of {@link YouTubeClient} needs, analytics included. */
  public static final Set<String> ALL_SCOPES = Set.of(SCOPE_FORCE_SSL, SCOPE_UPLOAD, SCOPE_READONLY,
      SCOPE_ANALYTICS);

  private YouTubeOAuth() {}

  /**
   * Returns Google's OAuth configuration for a web or installed app.
   *
   * @param clientId the OAuth client id
   * @param clientSecret the client secret ({@code null} for installed apps without one)
   * @param redirectUri the registered redirect (a loopback URI for installed apps)
   * @param scopes the scopes to request, e.g. {@link #ALL_SCOPES}
   */
  public static OAuth2Config config(String clientId, String clientSecret, URI redirectUri,
      Set<String> scopes) {
    return config(clientId, clientSecret, redirectUri, scopes, TOKEN_ENDPOINT);
  }

  /**
   * Returns Google's OAuth configuration with another token endpoint (a proxy or the sandbox's
   * {@code <base>/token}).
   *
   * @param clientId the OAuth client id
   * @param clientSecret the client secret, or {@code null}
   * @param redirectUri the registered redirect, or {@code null}
   * @param scopes the scopes to request
   * @param tokenEndpoint the token endpoint
   */
  public static OAuth2Config config(String clientId, String clientSecret, URI redirectUri,
      Set<String> scopes, URI tokenEndpoint) {
    return OAuth2Config.builder()
        .authorizationEndpoint(AUTHORIZATION_ENDPOINT)
        .tokenEndpoint(requireNonNull(tokenEndpoint, "tokenEndpoint == null"))
        .clientId(clientId)
        .clientSecret(clientSecret)
        .redirectUri(redirectUri)
        .scopes(scopes)
        .pkce(true)
        .clientAuthentication(OAuth2Config.ClientAuthentication.POST_BODY)
        .putAuthorizationParameter("access_type", "offline")
        .putAuthorizationParameter("prompt", "consent")
        .putAuthorizationParameter("include_granted_scopes", "true")
        .build();
  }

  /**
   * Returns a refresher that runs {@code flow}'s refresh grant and turns Google's {@code
   * invalid_grant} into an {@link AuthenticationException} explaining the likely causes (revoked,
   * unused for 6 months, or the 7-day expiry of apps in "Testing" status).
   */
  public static TokenRefresher refresher(OAuth2Flow flow) {
    requireNonNull(flow, "flow == null");
    return current -> refreshOrExplain(flow, current);
  }

  private static AccessToken refreshOrExplain(OAuth2Flow flow, AccessToken current) {
    try {
      return flow.refresh(current);
    } catch (AuthenticationException e) {
      if ("invalid_grant".equals(e.errorCode().orElse(null))) {
        throw new AuthenticationException(e.details().toBuilder()
            .message(e.details().message() + " (invalid_grant: the refresh token was revoked, unused"
                + " for 6 months, or issued to an app whose OAuth consent screen is External and in"
                + " Testing status, whose refresh tokens expire after 7 days; authorize again)")
            .build());
      }
      throw e;
    }
  }

  /** Returns the platform these helpers serve. */
  static Platform platform() {
    return Platform.YOUTUBE;
  }
}
