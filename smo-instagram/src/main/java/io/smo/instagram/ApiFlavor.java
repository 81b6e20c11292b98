package io.smo.instagram;

import io.smo.core.SmoPublicApi;
import java.net.URI;

/**
 * The two ways an app reaches an Instagram professional account, chosen when the client is built.
 * They differ in host, token kind and permission names; publishing, comments and insights work
 * alike. See <a
 * href="https://developers.facebook.com/docs/instagram-platform/content-publishing">the
 * content-publishing guide</a>.
 */
@SmoPublicApi
public enum ApiFlavor {
  /**
   * Instagram API with Instagram Login (Business Login for Instagram): host {@code
   * graph.instagram.com}, an Instagram User access token, permissions {@code
   * instagram_business_basic}, {@code instagram_business_content_publish}, {@code
   * instagram_business_manage_comments}, {@code instagram_business_manage_insights}. No Facebook
   * Page needed.
   */
  INSTAGRAM_LOGIN("https://graph.instagram.com/"),
  /**
   * Instagram API with Facebook Login for Business: host {@code graph.facebook.com}, a Facebook
   * Page (or User) access token of the Page linked to the Instagram account, permissions {@code
   * instagram_basic}, {@code instagram_content_publish}, {@code pages_read_engagement}, {@code
   * instagram_manage_comments}, {@code instagram_manage_insights}.
   */
  FACEBOOK_LOGIN("https://graph.facebook.com/");

  private final URI host;

  ApiFlavor(String host) {
    this.host = URI.create(host);
  }

  /** Returns the production Graph host, ending with {@code /}. */
  public URI host() {
    return host;
  }
}
