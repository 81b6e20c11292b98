package io.smo.spring.boot;

import io.smo.core.ClientBuilder;
import io.smo.core.Platform;
import io.smo.core.SocialClient;
import io.smo.core.event.SmoListener;
import io.smo.core.resilience.RetryPolicy;
import io.smo.facebook.FacebookClient;
import io.smo.instagram.InstagramClient;
import io.smo.pinterest.PinterestClient;
import io.smo.snapchat.SnapchatClient;
import io.smo.tiktok.TikTokBusinessAccount;
import io.smo.tiktok.TikTokClient;
import io.smo.twitter.TwitterClient;
import io.smo.youtube.YouTubeClient;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Builds one platform client from an {@code smo.accounts.<name>} entry, and checks the entry first
 * so that a misconfigured account fails startup with a message naming the property.
 */
public final class SmoClientFactory {
  private SmoClientFactory() {}

  /**
   * Checks an account's properties without building anything.
   *
   * @param name the account name
   * @param a its properties
   * @param sandbox whether the sandbox is on (then credentials may be omitted)
   * @return the platform
   * @throws InvalidConfigurationPropertyValueException naming the bad or missing property
   */
  public static Platform check(String name, SmoProperties.Account a, boolean sandbox) {
    String prefix = "smo.accounts." + name + ".";
    if (a.getPlatform() == null || a.getPlatform().isBlank()) {
      throw new InvalidConfigurationPropertyValueException(
          prefix + "platform",
          null,
          "every account needs a platform: facebook, instagram, twitter, youtube, tiktok, pinterest or snapchat");
    }
    Platform p;
    try {
      p = Platform.fromId(a.getPlatform().trim().toLowerCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new InvalidConfigurationPropertyValueException(
          prefix + "platform",
          a.getPlatform(),
          "not a platform; use facebook, instagram, twitter, youtube, tiktok, pinterest or snapchat");
    }
    boolean toSandbox = sandbox && a.getAccessToken() == null && a.getBaseUrl() == null;
    if (toSandbox) {
      return p;
    }
    if (a.getAccessToken() == null || a.getAccessToken().isBlank()) {
      throw new InvalidConfigurationPropertyValueException(
          prefix + "access-token",
          null,
          "the account has no access token (set it from the environment, e.g. SMO_ACCOUNTS_"
              + name.toUpperCase(Locale.ROOT).replace('-', '_')
              + "_ACCESSTOKEN)"
              + (sandbox ? "" : ", or turn smo.sandbox.enabled on to use the sandbox"));
    }
    if ((p == Platform.FACEBOOK || p == Platform.INSTAGRAM || p == Platform.TIKTOK)
        && (a.getAccountId() == null || a.getAccountId().isBlank())) {
      throw new InvalidConfigurationPropertyValueException(
          prefix + "account-id",
          null,
          p.displayName()
              + " needs the account to act as: "
              + (p == Platform.FACEBOOK
                  ? "the Page id"
                  : p == Platform.INSTAGRAM ? "the Instagram user id" : "the open_id"));
    }
    boolean hasBizId = a.getBusinessId() != null && !a.getBusinessId().isBlank();
    boolean hasBizToken =
        a.getBusinessAccessToken() != null && !a.getBusinessAccessToken().isBlank();
    if ((hasBizId || hasBizToken) && p != Platform.TIKTOK) {
      throw new InvalidConfigurationPropertyValueException(
          prefix + (hasBizId ? "business-id" : "business-access-token"),
          null,
          "business-id and business-access-token are for TikTok Business accounts only");
    }
    if (hasBizId != hasBizToken) {
      throw new InvalidConfigurationPropertyValueException(
          prefix + (hasBizId ? "business-access-token" : "business-id"),
          null,
          "TikTok Business comments need both business-id and business-access-token");
    }
    if (p == Platform.SNAPCHAT && a.getAccountId() == null && a.getAdAccountId() == null) {
      throw new InvalidConfigurationPropertyValueException(
          prefix + "account-id",
          null,
          "Snapchat needs the public profile id (account-id) and/or ad-account-id");
    }
    if (a.getRetry().getMaxAttempts() != null && a.getRetry().getMaxAttempts() < 1) {
      throw new InvalidConfigurationPropertyValueException(
          prefix + "retry.max-attempts", a.getRetry().getMaxAttempts(), "must be at least 1");
    }
    return p;
  }

  /**
   * Builds the client of account {@code name}.
   *
   * @param name the account name
   * @param a its properties
   * @param listeners the listeners every call is reported to (metrics)
   * @param sandbox the sandbox, or {@code null} when it is off
   * @return the client (the caller closes it)
   * @throws InvalidConfigurationPropertyValueException naming the bad or missing property
   */
  public static SocialClient create(
      String name, SmoProperties.Account a, List<SmoListener> listeners, SandboxAccess sandbox) {
    Platform p = check(name, a, sandbox != null);
    boolean toSandbox = sandbox != null && a.getAccessToken() == null && a.getBaseUrl() == null;
    // X and Pinterest key a client by the account's real id (#18), so each configured account of
    // theirs gets its own sandbox account; the other platforms keep the sandbox's main account
    boolean ownSandboxAccount = p == Platform.TWITTER || p == Platform.PINTEREST;
    String token =
        !toSandbox
            ? a.getAccessToken()
            : ownSandboxAccount ? sandbox.accessToken(p, name) : sandbox.accessToken(p);
    String accountId =
        !toSandbox
            ? a.getAccountId()
            : ownSandboxAccount ? sandbox.accountId(p, name) : sandbox.accountId(p);
    URI base = toSandbox ? sandbox.baseUrl(p) : a.getBaseUrl();
    try {
      switch (p) {
        case FACEBOOK -> {
          FacebookClient.Builder b =
              common(FacebookClient.builder(), a, token, base, listeners).accountId(accountId);
          if (a.getAppSecret() != null) {
            b.appSecret(a.getAppSecret());
          }
          return b.build();
        }
        case INSTAGRAM -> {
          InstagramClient.Builder b =
              common(InstagramClient.builder(), a, token, base, listeners).accountId(accountId);
          if (a.getAppSecret() != null) {
            b.appSecret(a.getAppSecret());
          }
          return b.build();
        }
        case TWITTER -> {
          // the account key is the X user id: the configured one, else learned from /2/users/me
          TwitterClient.Builder b = common(TwitterClient.builder(), a, token, base, listeners);
          if (accountId != null) {
            b.accountId(accountId);
          }
          return b.build();
        }
        case YOUTUBE -> {
          YouTubeClient.Builder b = common(YouTubeClient.builder(), a, token, base, listeners);
          if (accountId != null && !accountId.isBlank()) {
            b.accountId(accountId); // the channel id; else learned from channels?mine=true
          }
          return b.build();
        }
        case TIKTOK -> {
          TikTokClient.Builder b =
              common(TikTokClient.builder(), a, token, base, listeners).accountId(accountId);
          // the sandbox's creator is also a Business account; a real one opts in with both keys
          String businessId = toSandbox ? sandbox.extra(p, "businessId") : a.getBusinessId();
          String businessToken =
              toSandbox ? sandbox.extra(p, "businessAccessToken") : a.getBusinessAccessToken();
          if (businessId != null || businessToken != null) {
            // check(...) has refused one without the other for configured accounts
            TikTokBusinessAccount.Builder biz =
                TikTokBusinessAccount.builder().businessId(businessId).accessToken(businessToken);
            if (toSandbox) { // the sandbox serves the Business API under the TikTok prefix
              biz.baseUrl(URI.create(base.toString().replaceAll("/?$", "/") + "open_api/v1.3/"));
            }
            b.businessAccount(biz.build());
          }
          return b.build();
        }
        case PINTEREST -> {
          // the account key is the Pinterest username: the configured one, else learned from
          // GET /v5/user_account
          PinterestClient.Builder b = common(PinterestClient.builder(), a, token, base, listeners);
          if (accountId != null) {
            b.accountId(accountId);
          }
          String board =
              a.getBoardId() != null
                  ? a.getBoardId()
                  : toSandbox ? sandbox.extra(p, "boardId") : null;
          if (board != null) {
            b.defaultBoardId(board);
          }
          return b.build();
        }
        case SNAPCHAT -> {
          SnapchatClient.Builder b = common(SnapchatClient.builder(), a, token, base, listeners);
          String profile = toSandbox ? sandbox.extra(p, "profileId") : a.getAccountId();
          String ad = toSandbox ? sandbox.extra(p, "adAccountId") : a.getAdAccountId();
          if (profile != null) {
            b.accountId(profile);
          }
          if (ad != null) {
            b.adAccountId(ad);
          }
          return b.build();
        }
        default ->
            throw new InvalidConfigurationPropertyValueException(
                "smo.accounts." + name + ".platform",
                a.getPlatform(),
                "not supported by the starter");
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      // the builders' own checks; the message never carries a secret
      throw new InvalidConfigurationPropertyValueException(
          "smo.accounts." + name, a.toString(), e.getMessage());
    }
  }

  private static <B extends ClientBuilder<B>> B common(
      B b, SmoProperties.Account a, String token, URI base, List<SmoListener> listeners) {
    b.accessToken(token);
    if (base != null) {
      b.baseUrl(base);
    }
    SmoProperties.Http h = a.getHttp();
    if (h.getConnectTimeout() != null
        || h.getReadTimeout() != null
        || h.getWriteTimeout() != null
        || h.getApplicationName() != null) {
      b.httpSettings(
          s -> {
            if (h.getConnectTimeout() != null) {
              s.connectTimeout(h.getConnectTimeout());
            }
            if (h.getReadTimeout() != null) {
              s.readTimeout(h.getReadTimeout());
            }
            if (h.getWriteTimeout() != null) {
              s.writeTimeout(h.getWriteTimeout());
            }
            if (h.getApplicationName() != null) {
              s.applicationName(h.getApplicationName());
            }
          });
    }
    SmoProperties.Retry r = a.getRetry();
    if (r.getMaxAttempts() != null || r.getMaxRetryAfter() != null || r.getCallBudget() != null) {
      RetryPolicy.Builder rb = RetryPolicy.defaults().toBuilder();
      if (r.getMaxAttempts() != null) {
        rb.maxAttempts(r.getMaxAttempts());
      }
      if (r.getMaxRetryAfter() != null) {
        rb.maxRetryAfter(r.getMaxRetryAfter());
      }
      if (r.getCallBudget() != null) {
        rb.callBudget(r.getCallBudget());
      }
      b.retryPolicy(rb.build());
    }
    listeners.forEach(b::listener);
    return b;
  }
}
