package io.smo.tiktok;

import static java.util.Objects.requireNonNull;

import io.smo.core.SmoPublicApi;
import io.smo.core.auth.TokenProvider;
import java.net.URI;

/**
 * The explicit option that turns on comments for a TikTok <em>Business</em> account: its {@code
 * business_id} and a token of the separate TikTok API for Business. Given to {@link
 * TikTokClient.Builder#businessAccount(TikTokBusinessAccount)}, it makes the client list, reply to,
 * hide and delete comments on the account's own videos, and serve them as an inbox comment stream.
 * Without it, every comment operation throws {@link
 * io.smo.core.exception.UnsupportedFeatureException} with the reason.
 *
 * <p>The Business API is a different product from the Content Posting and Display APIs: its own
 * developer app (TikTok API for Business), its own OAuth ({@code tt_user/oauth2/token/}) and token,
 * sent in the {@code Access-Token} header without {@code Bearer}. The {@code business_id} is the
 * {@code open_id} that token endpoint returns; it is usually not the {@code open_id} of the Content
 * Posting token, which belongs to another app.
 *
 * <p>Sources: the paths, parameters and answer shapes are confirmed by independent SDKs only
 * (sns-sdks/python-tiktok {@code pytiktok/business_account_api.py} and its documented answers;
 * bububa/tiktok-business {@code model/business/comment}), not by an official page we could read
 * ({@code engagement-and-measurement.md} §0 row 14, §2.4). Text of a comment or reply: at most
 * {@value #MAX_COMMENT_TEXT} characters.
 *
 * <pre>{@code
 * TikTokClient tiktok = TikTokClient.builder()
 *     .accessToken(contentPostingToken)
 *     .businessAccount(TikTokBusinessAccount.builder()
 *         .businessId(openIdFromBusinessOAuth)
 *         .accessToken(businessApiToken)
 *         .build())
 *     .build();
 * for (InboxComment c : tiktok.commentStream()) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the token.
 *
 * @see <a href="https://ads.tiktok.com/marketing_api/docs?id=1733329505077250">TikTok API for
 *     Business: comments on owned videos</a>
 */
@SmoPublicApi
public final class TikTokBusinessAccount {
  /** The production TikTok API for Business base, v1.3. */
  public static final URI DEFAULT_BASE_URL =
      URI.create("https://business-api.tiktok.com/open_api/v1.3/");

  /** Longest comment or reply text, in characters (UTF-16 units). */
  public static final int MAX_COMMENT_TEXT = 150;

  /** How many of the newest videos the comment stream reads by default. */
  public static final int DEFAULT_RECENT_VIDEOS = 20;

  private final String businessId;
  private final TokenProvider tokenProvider;
  private final URI baseUrl;
  private final int recentVideos;

  private TikTokBusinessAccount(Builder b) {
    this.businessId = b.businessId;
    this.tokenProvider = b.tokenProvider;
    this.baseUrl = b.baseUrl;
    this.recentVideos = b.recentVideos;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the account's {@code business_id}. */
  public String businessId() {
    return businessId;
  }

  /** Returns the provider of the Business API token. */
  public TokenProvider tokenProvider() {
    return tokenProvider;
  }

  /** Returns the Business API base ({@link #DEFAULT_BASE_URL} unless overridden). */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Returns how many of the newest videos the comment stream reads. */
  public int recentVideos() {
    return recentVideos;
  }

  /** Shows the business id and base, never the token. */
  @Override
  public String toString() {
    return "TikTokBusinessAccount{businessId=" + businessId + ", baseUrl=" + baseUrl + "}";
  }

  /** Builds {@link TikTokBusinessAccount}. Mutable, not thread-safe. */
  public static final class Builder {
    private String businessId;
    private TokenProvider tokenProvider;
    private URI baseUrl = DEFAULT_BASE_URL;
    private int recentVideos = DEFAULT_RECENT_VIDEOS;

    private Builder() {}

    /**
     * Sets the {@code business_id}: the {@code open_id} returned by the Business API's {@code
     * tt_user/oauth2/token/}.
     *
     * @throws IllegalArgumentException if blank or holding white space
     */
    public Builder businessId(String businessId) {
      requireNonNull(businessId, "businessId == null");
      if (businessId.isBlank() || !businessId.strip().equals(businessId)) {
        throw new IllegalArgumentException("businessId is blank or has surrounding white space");
      }
      this.businessId = businessId;
      return this;
    }

    /**
     * Uses one fixed Business API token (no refresh). Surrounding white space is stripped.
     *
     * @throws IllegalArgumentException if blank or holding a character a header cannot carry
     *     (non-ASCII, control characters, inner spaces); the message does not echo the token
     */
    public Builder accessToken(String accessToken) {
      requireNonNull(accessToken, "accessToken == null");
      String t = accessToken.strip();
      if (t.isEmpty()) {
        throw new IllegalArgumentException("Business API accessToken is blank");
      }
      for (int i = 0; i < t.length(); i++) {
        if (t.charAt(i) < 0x21 || t.charAt(i) > 0x7e) {
          throw new IllegalArgumentException(
              "Business API accessToken holds a character a header cannot carry at index " + i);
        }
      }
      this.tokenProvider = TokenProvider.of(t);
      return this;
    }

    /** Uses a provider of Business API tokens (e.g. a refreshing one). */
    public Builder tokenProvider(TokenProvider tokenProvider) {
      this.tokenProvider = requireNonNull(tokenProvider, "tokenProvider == null");
      return this;
    }

    /**
     * Overrides the Business API base (the sandbox, a proxy, a test server); it should end with
     * {@code /}.
     */
    public Builder baseUrl(URI baseUrl) {
      requireNonNull(baseUrl, "baseUrl == null");
      String s = baseUrl.toString();
      this.baseUrl = s.endsWith("/") ? baseUrl : URI.create(s + "/");
      return this;
    }

    /**
     * Sets how many of the newest videos the comment stream reads (each costs at least one call per
     * poll). Default {@value TikTokBusinessAccount#DEFAULT_RECENT_VIDEOS}.
     *
     * @throws IllegalArgumentException if not between 1 and 200
     */
    public Builder recentVideos(int videos) {
      if (videos < 1 || videos > 200) {
        throw new IllegalArgumentException("recentVideos must be 1..200: " + videos);
      }
      this.recentVideos = videos;
      return this;
    }

    /**
     * Returns the option.
     *
     * @throws IllegalStateException if the business id or the token is missing
     */
    public TikTokBusinessAccount build() {
      if (businessId == null) {
        throw new IllegalStateException("TikTokBusinessAccount needs businessId(...)");
      }
      if (tokenProvider == null) {
        throw new IllegalStateException(
            "TikTokBusinessAccount needs accessToken(...) or tokenProvider(...)");
      }
      return new TikTokBusinessAccount(this);
    }
  }
}
