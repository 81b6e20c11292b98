package io.smo.spring.boot;

import io.smo.core.SocialClient;
import io.smo.core.auth.AccessToken;
import io.smo.core.auth.TokenStore;
import io.smo.scheduler.PostScheduler;
import io.smo.scheduler.ScheduledPost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With Spring Boot Actuator: health indicators {@code smo} (per account: platform, credentials
 * source, token expiry — from {@code smo.accounts.<name>.token-expires-at} or the application's
 * {@code TokenStore} bean under the account's name; DOWN when a token that cannot be refreshed, or
 * a refresh token, has expired; {@code tokenExpiresSoon} within {@code
 * smo.health.token-expiry-warning} — and the last rate-limit figures and their headroom) and {@code
 * smoScheduler} (backlog: pending and overdue scheduled posts). Turn off with {@code
 * management.health.smo.enabled=false}.
 */
@AutoConfiguration(after = {SmoAutoConfiguration.class, SmoSchedulerAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("smo")
public class SmoHealthAutoConfiguration {
  /** The accounts' health. */
  @Bean
  @ConditionalOnMissingBean(name = "smoHealthIndicator")
  @Conditional(OnSmoAccountsCondition.class)
  public HealthIndicator smoHealthIndicator(
      ListableBeanFactory beans,
      SmoProperties properties,
      ObjectProvider<TokenStore> tokenStores,
      ObjectProvider<Clock> clocks) {
    return new AbstractHealthIndicator("SMO account health check failed") {
      @Override
      protected void doHealthCheck(Health.Builder builder) {
        Instant now = clocks.getIfAvailable(Clock::systemUTC).instant();
        Duration warning = properties.getHealth().getTokenExpiryWarning();
        TokenStore store = tokenStores.getIfUnique();
        boolean anyExpired = false;
        Map<String, Object> accounts = new LinkedHashMap<>();
        for (Map.Entry<String, SmoProperties.Account> e : properties.getAccounts().entrySet()) {
          String name = e.getKey();
          SmoProperties.Account a = e.getValue();
          String bean = SmoClientRegistrar.BEAN_PREFIX + name;
          if (!beans.containsBean(bean)) {
            continue;
          }
          SocialClient c = beans.getBean(bean, SocialClient.class);
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("platform", c.platform().id());
          Instant expiresAt = a.getTokenExpiresAt();
          Instant refreshExpiresAt = null;
          String source =
              a.getAccessToken() != null
                  ? "configured"
                  : properties.getSandbox().isEnabled() ? "sandbox" : "missing";
          if (store != null) {
            Optional<AccessToken> stored = loadQuietly(store, name);
            if (stored.isPresent()) {
              source = "token store";
              if (expiresAt == null) {
                expiresAt = stored.get().expiresAt().orElse(null);
              }
              refreshExpiresAt = stored.get().refreshTokenExpiresAt().orElse(null);
            }
          }
          d.put("token", source);
          boolean refreshable =
              store != null
                  && loadQuietly(store, name).flatMap(AccessToken::refreshToken).isPresent();
          if (expiresAt != null) {
            d.put("tokenExpiresAt", expiresAt.toString());
            boolean expired = !expiresAt.isAfter(now);
            d.put("tokenExpired", expired);
            d.put("tokenExpiresSoon", !expired && expiresAt.isBefore(now.plus(warning)));
            // an expired token the SDK can refresh on its own is not an outage
            if (expired && !refreshable) {
              d.put("tokenProblem", "the access token expired; authorize the account again");
              anyExpired = true;
            }
          }
          if (refreshExpiresAt != null) {
            d.put("refreshTokenExpiresAt", refreshExpiresAt.toString());
            if (!refreshExpiresAt.isAfter(now)) {
              d.put("tokenProblem", "the refresh token expired; authorize the account again");
              anyExpired = true;
            }
          }
          c.lastRateLimit()
              .ifPresent(
                  s -> {
                    s.remaining().ifPresent(r -> d.put("rateLimitRemaining", r));
                    s.limit().ifPresent(l -> d.put("rateLimitLimit", l));
                    if (s.remaining().isPresent()
                        && s.limit().isPresent()
                        && s.limit().getAsLong() > 0) {
                      d.put(
                          "rateLimitHeadroom",
                          Math.round(100.0 * s.remaining().getAsLong() / s.limit().getAsLong())
                              + "%");
                    }
                    s.resetAt().ifPresent(t -> d.put("rateLimitResetAt", t.toString()));
                  });
          accounts.put(name, d);
        }
        (anyExpired ? builder.down() : builder.up()).withDetail("accounts", accounts);
      }
    };
  }

  private static Optional<AccessToken> loadQuietly(TokenStore store, String account) {
    try {
      return store.load(account);
    } catch (RuntimeException e) {
      return Optional.empty(); // the store's own health is not ours to report
    }
  }

  /** The scheduler's backlog, when a scheduler bean exists. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(PostScheduler.class)
  static class SchedulerHealth {
    /** Pending and overdue scheduled posts; DOWN when a post is overdue by more than 15 minutes. */
    @Bean
    @ConditionalOnBean(PostScheduler.class)
    @ConditionalOnMissingBean(name = "smoSchedulerHealthIndicator")
    HealthIndicator smoSchedulerHealthIndicator(PostScheduler scheduler) {
      return new AbstractHealthIndicator("SMO scheduler health check failed") {
        @Override
        protected void doHealthCheck(Health.Builder builder) {
          Instant now = Clock.systemUTC().instant();
          List<ScheduledPost> pending = scheduler.list().stream().filter(p -> !p.done()).toList();
          long overdue = pending.stream().filter(p -> p.dueAt().isBefore(now)).count();
          long late =
              pending.stream()
                  .filter(p -> p.dueAt().isBefore(now.minus(Duration.ofMinutes(15))))
                  .count();
          (late > 0 ? builder.down() : builder.up())
              .withDetail("pending", pending.size())
              .withDetail("overdue", overdue)
              .withDetail("overdueBy15Minutes", late);
        }
      };
    }
  }
}
