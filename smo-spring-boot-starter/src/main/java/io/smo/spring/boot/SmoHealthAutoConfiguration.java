package io.smo.spring.boot;

import io.smo.core.SocialClient;
import io.smo.scheduler.PostScheduler;
import io.smo.scheduler.ScheduledPost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ListableBeanFactory;
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
 * source, the last rate-limit figures and their headroom) and {@code smoScheduler} (backlog:
 * pending and overdue scheduled posts). Turn off with {@code management.health.smo.enabled=false}.
 */
@AutoConfiguration(after = {SmoAutoConfiguration.class, SmoSchedulerAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("smo")
public class SmoHealthAutoConfiguration {
  /** The accounts' health. */
  @Bean
  @ConditionalOnMissingBean(name = "smoHealthIndicator")
  @Conditional(OnSmoAccountsCondition.class)
  public HealthIndicator smoHealthIndicator(ListableBeanFactory beans, SmoProperties properties) {
    return new AbstractHealthIndicator("SMO account health check failed") {
      @Override
      protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> accounts = new LinkedHashMap<>();
        properties.getAccounts().forEach((name, a) -> {
          String bean = SmoClientRegistrar.BEAN_PREFIX + name;
          if (!beans.containsBean(bean)) {
            return;
          }
          SocialClient c = beans.getBean(bean, SocialClient.class);
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("platform", c.platform().id());
          d.put("token", a.getAccessToken() != null ? "configured (expiry not known for a static token)"
              : properties.getSandbox().isEnabled() ? "sandbox" : "missing");
          c.lastRateLimit().ifPresent(s -> {
            s.remaining().ifPresent(r -> d.put("rateLimitRemaining", r));
            s.limit().ifPresent(l -> d.put("rateLimitLimit", l));
            if (s.remaining().isPresent() && s.limit().isPresent() && s.limit().getAsLong() > 0) {
              d.put("rateLimitHeadroom",
                  Math.round(100.0 * s.remaining().getAsLong() / s.limit().getAsLong()) + "%");
            }
            s.resetAt().ifPresent(t -> d.put("rateLimitResetAt", t.toString()));
          });
          accounts.put(name, d);
        });
        builder.up().withDetail("accounts", accounts);
      }
    };
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
          long late = pending.stream().filter(p -> p.dueAt().isBefore(now.minus(Duration.ofMinutes(15)))).count();
          (late > 0 ? builder.down() : builder.up())
              .withDetail("pending", pending.size()).withDetail("overdue", overdue)
              .withDetail("overdueBy15Minutes", late);
        }
      };
    }
  }
}
