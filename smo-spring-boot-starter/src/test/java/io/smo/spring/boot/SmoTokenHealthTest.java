package io.smo.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.auth.AccessToken;
import io.smo.core.auth.InMemoryTokenStore;
import io.smo.core.auth.TokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Token validity and expiry in the {@code smo} health indicator (#23). */
class SmoTokenHealthTest {
  static final Instant NOW = Instant.now();

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  SmoSandboxAutoConfiguration.class,
                  SmoAutoConfiguration.class,
                  SmoHealthAutoConfiguration.class))
          .withPropertyValues(
              "smo.sandbox.enabled=true",
              "smo.accounts.brand-x.platform=twitter",
              "smo.accounts.brand-fb.platform=facebook");

  static Health health(org.springframework.context.ApplicationContext ctx) {
    return ctx.getBean("smoHealthIndicator", HealthIndicator.class).health();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> account(Health h, String name) {
    return (Map<String, Object>) ((Map<String, Object>) h.getDetails().get("accounts")).get(name);
  }

  @Test
  void anExpiredStaticTokenTurnsTheHealthDown() {
    runner
        .withPropertyValues("smo.accounts.brand-fb.token-expires-at=" + NOW.minusSeconds(60))
        .run(
            ctx -> {
              Health h = health(ctx);
              assertThat(h.getStatus()).isEqualTo(Status.DOWN);
              assertThat(account(h, "brand-fb"))
                  .containsEntry("tokenExpired", true)
                  .containsKey("tokenProblem");
              assertThat(account(h, "brand-x")).doesNotContainKey("tokenExpiresAt");
            });
  }

  @Test
  void aTokenExpiringWithinTheWarningIsReportedButStillUp() {
    runner
        .withPropertyValues(
            "smo.accounts.brand-fb.token-expires-at=" + NOW.plus(Duration.ofDays(3)),
            "smo.accounts.brand-x.token-expires-at=" + NOW.plus(Duration.ofDays(30)))
        .run(
            ctx -> {
              Health h = health(ctx);
              assertThat(h.getStatus()).isEqualTo(Status.UP);
              assertThat(account(h, "brand-fb")).containsEntry("tokenExpiresSoon", true);
              assertThat(account(h, "brand-x")).containsEntry("tokenExpiresSoon", false);
            });
    runner
        .withPropertyValues(
            "smo.accounts.brand-x.token-expires-at=" + NOW.plus(Duration.ofDays(30)),
            "smo.health.token-expiry-warning=60d")
        .run(
            ctx ->
                assertThat(account(health(ctx), "brand-x"))
                    .containsEntry("tokenExpiresSoon", true));
  }

  @Configuration(proxyBeanMethods = false)
  static class Store {
    @Bean
    TokenStore tokenStore() {
      InMemoryTokenStore s = new InMemoryTokenStore();
      // X: access token expired, refresh token valid: the SDK refreshes it, no outage
      s.save(
          "brand-x",
          AccessToken.builder("x-access")
              .expiresAt(NOW.minusSeconds(10))
              .refreshToken("x-refresh")
              .refreshTokenExpiresAt(NOW.plus(Duration.ofDays(100)))
              .build());
      // Facebook: the refresh token itself expired: someone must authorize again
      s.save(
          "brand-fb",
          AccessToken.builder("fb-access")
              .expiresAt(NOW.minusSeconds(10))
              .refreshToken("fb-refresh")
              .refreshTokenExpiresAt(NOW.minusSeconds(5))
              .build());
      return s;
    }
  }

  @Test
  void theTokenStoreGivesTheExpiryAndARefreshableTokenIsNoOutage() {
    runner
        .withUserConfiguration(Store.class)
        .run(
            ctx -> {
              Health h = health(ctx);
              assertThat(account(h, "brand-x"))
                  .containsEntry("token", "token store")
                  .containsEntry("tokenExpired", true)
                  .doesNotContainKey("tokenProblem");
              assertThat(account(h, "brand-fb"))
                  .containsKey("refreshTokenExpiresAt")
                  .containsEntry(
                      "tokenProblem", "the refresh token expired; authorize the account again");
              assertThat(h.getStatus()).isEqualTo(Status.DOWN);
              assertThat(h.toString())
                  .doesNotContain("x-access")
                  .doesNotContain("x-refresh")
                  .doesNotContain("fb-access")
                  .doesNotContain("fb-refresh");
            });
  }
}
