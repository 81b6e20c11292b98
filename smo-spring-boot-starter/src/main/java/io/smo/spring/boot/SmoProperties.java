package io.smo.spring.boot;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code smo.*} properties: accounts (one client bean each), the sandbox, the cross-poster, the
 * scheduler and metrics. Secrets ({@code access-token}, {@code app-secret}) come from Spring's
 * usual sources (environment variables, a secrets store); their names end in {@code token} and
 * {@code secret}, so Spring Boot's sanitizer masks them in {@code /actuator/env} and {@code
 * /actuator/configprops}, and {@link Account#toString()} never prints them.
 */
@ConfigurationProperties(prefix = "smo")
public class SmoProperties {
  /** The accounts, by name: one {@code SocialClient} bean {@code smo.client.<name>} each. */
  private Map<String, Account> accounts = new LinkedHashMap<>();

  /** The in-process sandbox (smo-testkit) that accounts without credentials talk to. */
  private final Sandbox sandbox = new Sandbox();

  /** The auto-configured {@code CrossPoster}. */
  private final Targets crossPoster = new Targets();

  /** The auto-configured {@code PostScheduler}. */
  private final Scheduler scheduler = new Scheduler();

  /** Micrometer meters and observations. */
  private final Metrics metrics = new Metrics();

  /** The webhook receiver (smo-webhooks), mounted in the servlet container. */
  private final Webhooks webhooks = new Webhooks();

  /** The health indicators. */
  private final Health health = new Health();

  /** Returns the accounts by name. */
  public Map<String, Account> getAccounts() {
    return accounts;
  }

  /** Sets the accounts by name. */
  public void setAccounts(Map<String, Account> accounts) {
    this.accounts = accounts;
  }

  /** Returns the sandbox settings. */
  public Sandbox getSandbox() {
    return sandbox;
  }

  /** Returns the cross-poster settings. */
  public Targets getCrossPoster() {
    return crossPoster;
  }

  /** Returns the scheduler settings. */
  public Scheduler getScheduler() {
    return scheduler;
  }

  /** Returns the metrics settings. */
  public Metrics getMetrics() {
    return metrics;
  }

  /** Returns the health settings. */
  public Health getHealth() {
    return health;
  }

  /** Returns the webhook receiver settings. */
  public Webhooks getWebhooks() {
    return webhooks;
  }

  /** One account: a platform, its credentials and its HTTP and retry settings. */
  public static class Account {
    /** The platform id: facebook, instagram, twitter, youtube, tiktok, pinterest or snapchat. */
    private String platform;

    /**
     * The OAuth access token (a secret: set it from the environment, never in a committed file).
     */
    private String accessToken;

    /** The Meta app secret, for appsecret_proof (Facebook, Instagram); a secret. */
    private String appSecret;

    /**
     * When the access token expires (UTC, ISO-8601, e.g. {@code 2027-02-01T00:00:00Z}): Meta's
     * long-lived tokens last about 60 days, TikTok's and X's access tokens hours. The health
     * indicator turns DOWN once it has passed and warns {@code smo.health.token-expiry-warning}
     * before. Unset: the expiry is read from the application's {@code TokenStore} bean (under the
     * account's name) when there is one, else unknown.
     */
    private java.time.Instant tokenExpiresAt;

    /**
     * The platform account the client acts as: the Facebook Page id, the Instagram user id, the
     * TikTok open_id, the Snapchat public profile id. Unused for X, YouTube and Pinterest.
     */
    private String accountId;

    /** The Snapchat ad account id. */
    private String adAccountId;

    /** The Pinterest board pins go to when a post names none. */
    private String boardId;

    /**
     * TikTok only: the Business account's {@code business_id} (the {@code open_id} of its TikTok
     * API for Business token). With {@link #businessAccessToken} it turns on comments, replies,
     * moderation and the inbox comment stream ({@code TikTokBusinessAccount}).
     */
    private String businessId;

    /** TikTok only: the TikTok API for Business token (never logged or shown). */
    private String businessAccessToken;

    /** Overrides the API base URL (a proxy or test server). Default: the platform's host. */
    private URI baseUrl;

    /** HTTP settings. */
    @NestedConfigurationProperty private final Http http = new Http();

    /** Retry policy. */
    @NestedConfigurationProperty private final Retry retry = new Retry();

    /** Returns the platform id. */
    public String getPlatform() {
      return platform;
    }

    /** Sets the platform id. */
    public void setPlatform(String platform) {
      this.platform = platform;
    }

    /** Returns the access token. */
    public String getAccessToken() {
      return accessToken;
    }

    /** Sets the access token. */
    public void setAccessToken(String accessToken) {
      this.accessToken = accessToken;
    }

    /** Returns when the access token expires, or {@code null} when not configured. */
    public java.time.Instant getTokenExpiresAt() {
      return tokenExpiresAt;
    }

    /** Sets when the access token expires (UTC). */
    public void setTokenExpiresAt(java.time.Instant tokenExpiresAt) {
      this.tokenExpiresAt = tokenExpiresAt;
    }

    /** Returns the Meta app secret. */
    public String getAppSecret() {
      return appSecret;
    }

    /** Sets the Meta app secret. */
    public void setAppSecret(String appSecret) {
      this.appSecret = appSecret;
    }

    /** Returns the platform account id. */
    public String getAccountId() {
      return accountId;
    }

    /** Sets the platform account id. */
    public void setAccountId(String accountId) {
      this.accountId = accountId;
    }

    /** Returns the Snapchat ad account id. */
    public String getAdAccountId() {
      return adAccountId;
    }

    /** Sets the Snapchat ad account id. */
    public void setAdAccountId(String adAccountId) {
      this.adAccountId = adAccountId;
    }

    /** Returns the TikTok Business account's business_id. */
    public String getBusinessId() {
      return businessId;
    }

    /** Sets the TikTok Business account's business_id. */
    public void setBusinessId(String businessId) {
      this.businessId = businessId;
    }

    /** Returns the TikTok API for Business token. */
    public String getBusinessAccessToken() {
      return businessAccessToken;
    }

    /** Sets the TikTok API for Business token. */
    public void setBusinessAccessToken(String businessAccessToken) {
      this.businessAccessToken = businessAccessToken;
    }

    /** Returns the Pinterest default board id. */
    public String getBoardId() {
      return boardId;
    }

    /** Sets the Pinterest default board id. */
    public void setBoardId(String boardId) {
      this.boardId = boardId;
    }

    /** Returns the base URL override. */
    public URI getBaseUrl() {
      return baseUrl;
    }

    /** Sets the base URL override. */
    public void setBaseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** Returns the HTTP settings. */
    public Http getHttp() {
      return http;
    }

    /** Returns the retry settings. */
    public Retry getRetry() {
      return retry;
    }

    /** Shows the settings with the secrets redacted. */
    @Override
    public String toString() {
      return "Account[platform="
          + platform
          + ", accountId="
          + accountId
          + ", baseUrl="
          + baseUrl
          + ", accessToken="
          + (accessToken == null ? "none" : "******")
          + ", appSecret="
          + (appSecret == null ? "none" : "******")
          + "]";
    }
  }

  /** HTTP settings of an account's client. */
  public static class Http {
    /** Connect timeout. Default: the SDK's (10 s). */
    private Duration connectTimeout;

    /** Read timeout. Default: the SDK's (30 s). */
    private Duration readTimeout;

    /** Write timeout. Default: the SDK's (30 s). */
    private Duration writeTimeout;

    /** Appended to the User-Agent, e.g. "my-app/1.2". */
    private String applicationName;

    /** Returns the connect timeout. */
    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    /** Sets the connect timeout. */
    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    /** Returns the read timeout. */
    public Duration getReadTimeout() {
      return readTimeout;
    }

    /** Sets the read timeout. */
    public void setReadTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
    }

    /** Returns the write timeout. */
    public Duration getWriteTimeout() {
      return writeTimeout;
    }

    /** Sets the write timeout. */
    public void setWriteTimeout(Duration writeTimeout) {
      this.writeTimeout = writeTimeout;
    }

    /** Returns the application name. */
    public String getApplicationName() {
      return applicationName;
    }

    /** Sets the application name. */
    public void setApplicationName(String applicationName) {
      this.applicationName = applicationName;
    }
  }

  /** Retry policy of an account's client; unset values keep the SDK's defaults. */
  public static class Retry {
    /** Attempts per call, the first included (1 = no retry). */
    private Integer maxAttempts;

    /** The longest Retry-After the SDK waits out; a longer one fails the call at once. */
    private Duration maxRetryAfter;

    /** The time one call may take, retries and waits included. */
    private Duration callBudget;

    /** Returns the maximum attempts. */
    public Integer getMaxAttempts() {
      return maxAttempts;
    }

    /** Sets the maximum attempts. */
    public void setMaxAttempts(Integer maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /** Returns the longest Retry-After waited out. */
    public Duration getMaxRetryAfter() {
      return maxRetryAfter;
    }

    /** Sets the longest Retry-After waited out. */
    public void setMaxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = maxRetryAfter;
    }

    /** Returns the call budget. */
    public Duration getCallBudget() {
      return callBudget;
    }

    /** Sets the call budget. */
    public void setCallBudget(Duration callBudget) {
      this.callBudget = callBudget;
    }
  }

  /** The in-process sandbox. */
  public static class Sandbox {
    /**
     * Starts the smo-testkit sandbox (on a free loopback port) and points every account that has
     * neither an access token nor a base URL at it, with the sandbox's credentials.
     */
    private boolean enabled;

    /** Returns whether the sandbox is on. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Turns the sandbox on or off. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** Which accounts a cross-poster or scheduler targets (any number per platform). */
  public static class Targets {
    /** Whether the bean is created. */
    private boolean enabled = true;

    /** Account names to target; default: every account. */
    private List<String> accounts = new ArrayList<>();

    /** Returns whether the bean is created. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets whether the bean is created. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** Returns the account names. */
    public List<String> getAccounts() {
      return accounts;
    }

    /** Sets the account names. */
    public void setAccounts(List<String> accounts) {
      this.accounts = accounts;
    }
  }

  /** The scheduler: targets plus its database polling. */
  public static class Scheduler extends Targets {
    /** How often the scheduler polls its table for due posts. Default 5 s. */
    private Duration pollingInterval = Duration.ofSeconds(5);

    /** Returns the polling interval. */
    public Duration getPollingInterval() {
      return pollingInterval;
    }

    /** Sets the polling interval. */
    public void setPollingInterval(Duration pollingInterval) {
      this.pollingInterval = pollingInterval;
    }
  }

  /** Micrometer settings. */
  public static class Metrics {
    /** Adds the account name as a tag (only with a small, fixed set of accounts). */
    private boolean accountTag;

    /** Client-side percentiles the timers publish, e.g. 0.5, 0.99. Default none. */
    private List<Double> percentiles = new ArrayList<>();

    /** Publishes percentile histogram buckets on the timers. */
    private boolean percentileHistogram;

    /** Returns whether the account is a tag. */
    public boolean isAccountTag() {
      return accountTag;
    }

    /** Sets whether the account is a tag. */
    public void setAccountTag(boolean accountTag) {
      this.accountTag = accountTag;
    }

    /** Returns the percentiles. */
    public List<Double> getPercentiles() {
      return percentiles;
    }

    /** Sets the percentiles. */
    public void setPercentiles(List<Double> percentiles) {
      this.percentiles = percentiles;
    }

    /** Returns whether histograms are published. */
    public boolean isPercentileHistogram() {
      return percentileHistogram;
    }

    /** Sets whether histograms are published. */
    public void setPercentileHistogram(boolean percentileHistogram) {
      this.percentileHistogram = percentileHistogram;
    }
  }

  /**
   * The webhook receiver: with smo-webhooks and a servlet container, the platforms' webhook
   * deliveries are verified, parsed and de-duplicated under {@code <path>/meta}, {@code /x}, {@code
   * /tiktok} and {@code /youtube}, and every new event is published as a Spring application event
   * (an {@code EngagementEvent}; listen with {@code @EventListener}). A platform's handler is
   * mounted when its secret is set; with the sandbox on and no secret set, all four are mounted
   * with the sandbox's secrets and the sandbox delivers its events to them.
   */
  public static class Webhooks {
    /** Whether the receiver is mounted (when smo-webhooks and a servlet container are present). */
    private boolean enabled = true;

    /** The servlet path the handlers live under. Default {@code /smo/webhooks}. */
    private String path = "/smo/webhooks";

    /** The largest delivery accepted, in bytes (larger ones get 413). Default 1 MiB. */
    private int maxBodyBytes = 1 << 20;

    /**
     * Where seen event ids are kept: {@code auto} (the application's DataSource when there is one,
     * so that several instances deliver each event once; else memory), {@code jdbc} or {@code
     * memory}.
     */
    private String deduplication = "auto";

    /** Meta (Facebook Pages, Instagram, Messenger) deliveries. */
    private final Meta meta = new Meta();

    /** X Account Activity deliveries. */
    private final X x = new X();

    /** TikTok deliveries. */
    private final TikTok tiktok = new TikTok();

    /** YouTube WebSub (PubSubHubbub) deliveries. */
    private final YouTube youtube = new YouTube();

    /** Returns whether the receiver is mounted. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets whether the receiver is mounted. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** Returns the servlet path. */
    public String getPath() {
      return path;
    }

    /** Sets the servlet path, e.g. {@code /hooks}. */
    public void setPath(String path) {
      this.path = path;
    }

    /** Returns the body cap in bytes. */
    public int getMaxBodyBytes() {
      return maxBodyBytes;
    }

    /** Sets the body cap in bytes. */
    public void setMaxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
    }

    /** Returns the de-duplication store: auto, jdbc or memory. */
    public String getDeduplication() {
      return deduplication;
    }

    /** Sets the de-duplication store: auto, jdbc or memory. */
    public void setDeduplication(String deduplication) {
      this.deduplication = deduplication;
    }

    /** Returns the Meta settings. */
    public Meta getMeta() {
      return meta;
    }

    /** Returns the X settings. */
    public X getX() {
      return x;
    }

    /** Returns the TikTok settings. */
    public TikTok getTiktok() {
      return tiktok;
    }

    /** Returns the YouTube settings. */
    public YouTube getYoutube() {
      return youtube;
    }

    /** Meta: the app secret signs deliveries; the verify token answers the subscription GET. */
    public static class Meta {
      /** The Meta app secret ({@code X-Hub-Signature-256}). */
      private String appSecret;

      /** The verify token given when subscribing ({@code hub.verify_token}). */
      private String verifyToken;

      /** Returns the app secret. */
      public String getAppSecret() {
        return appSecret;
      }

      /** Sets the app secret. */
      public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
      }

      /** Returns the verify token. */
      public String getVerifyToken() {
        return verifyToken;
      }

      /** Sets the verify token. */
      public void setVerifyToken(String verifyToken) {
        this.verifyToken = verifyToken;
      }

      @Override
      public String toString() {
        return "Meta{appSecret=" + (appSecret != null ? "******" : null) + "}";
      }
    }

    /** X: the consumer secret signs deliveries and answers the CRC check. */
    public static class X {
      /** The app's consumer secret. */
      private String consumerSecret;

      /** Returns the consumer secret. */
      public String getConsumerSecret() {
        return consumerSecret;
      }

      /** Sets the consumer secret. */
      public void setConsumerSecret(String consumerSecret) {
        this.consumerSecret = consumerSecret;
      }

      @Override
      public String toString() {
        return "X{consumerSecret=" + (consumerSecret != null ? "******" : null) + "}";
      }
    }

    /** TikTok: the client secret signs deliveries ({@code TikTok-Signature}). */
    public static class TikTok {
      /** The app's client secret. */
      private String clientSecret;

      /** How far a delivery's timestamp may be from now. Default 5 minutes. */
      private Duration tolerance = Duration.ofMinutes(5);

      /** Returns the client secret. */
      public String getClientSecret() {
        return clientSecret;
      }

      /** Sets the client secret. */
      public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
      }

      /** Returns the timestamp tolerance. */
      public Duration getTolerance() {
        return tolerance;
      }

      /** Sets the timestamp tolerance. */
      public void setTolerance(Duration tolerance) {
        this.tolerance = tolerance;
      }

      @Override
      public String toString() {
        return "TikTok{clientSecret=" + (clientSecret != null ? "******" : null) + "}";
      }
    }

    /** YouTube WebSub: the {@code hub.secret} given when subscribing, and the topics expected. */
    public static class YouTube {
      /** The {@code hub.secret} the hub signs notifications with ({@code X-Hub-Signature}). */
      private String secret;

      /**
       * The topic URLs this receiver subscribed to (verification requests for others are refused).
       */
      private List<String> topics = new ArrayList<>();

      /** Returns the hub secret. */
      public String getSecret() {
        return secret;
      }

      /** Sets the hub secret. */
      public void setSecret(String secret) {
        this.secret = secret;
      }

      /** Returns the topics. */
      public List<String> getTopics() {
        return topics;
      }

      /** Sets the topics. */
      public void setTopics(List<String> topics) {
        this.topics = topics;
      }

      @Override
      public String toString() {
        return "YouTube{secret=" + (secret != null ? "******" : null) + ", topics=" + topics + "}";
      }
    }
  }

  /** Health indicator settings. */
  public static class Health {
    /**
     * How long before a token's expiry the account health reports {@code tokenExpiresSoon}. Default
     * 7 days.
     */
    private Duration tokenExpiryWarning = Duration.ofDays(7);

    /** Returns the warning period before a token's expiry. */
    public Duration getTokenExpiryWarning() {
      return tokenExpiryWarning;
    }

    /** Sets the warning period before a token's expiry. */
    public void setTokenExpiryWarning(Duration tokenExpiryWarning) {
      this.tokenExpiryWarning = tokenExpiryWarning;
    }
  }
}
