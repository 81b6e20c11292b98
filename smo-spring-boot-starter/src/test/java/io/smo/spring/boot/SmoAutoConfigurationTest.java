package io.smo.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smo.core.CrossPoster;
import io.smo.core.Platform;
import io.smo.core.SocialClient;
import io.smo.micrometer.SmoMicrometer;
import io.smo.scheduler.PostScheduler;
import io.smo.testkit.Sandbox;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every conditional path of the starter, with ApplicationContextRunner. */
class SmoAutoConfigurationTest {
  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  SmoSandboxAutoConfiguration.class,
                  SmoMetricsAutoConfiguration.class,
                  SmoAutoConfiguration.class,
                  SmoSchedulerAutoConfiguration.class,
                  SmoHealthAutoConfiguration.class));

  /** Two sandbox accounts. */
  final ApplicationContextRunner sandboxed =
      runner.withPropertyValues(
          "smo.sandbox.enabled=true",
          "smo.accounts.brand-x.platform=twitter",
          "smo.accounts.brand-fb.platform=facebook");

  @Configuration(proxyBeanMethods = false)
  static class Meters {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Db {
    @Bean
    DataSource dataSource() {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:mem:smo-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
      return ds;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {
    static final CrossPoster OWN = CrossPoster.builder().add(offline()).build();

    @Bean
    CrossPoster myCrossPoster() {
      return OWN;
    }
  }

  @Test
  void noAccountsNoBeans() {
    runner.run(
        ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx).doesNotHaveBean(SocialClient.class);
          assertThat(ctx).doesNotHaveBean(CrossPoster.class);
          assertThat(ctx).doesNotHaveBean(Sandbox.class);
          assertThat(ctx).doesNotHaveBean(SmoMicrometer.class);
          assertThat(ctx).doesNotHaveBean("smoHealthIndicator");
        });
  }

  @Test
  void oneClientBeanPerAccountAndACrossPoster() {
    sandboxed.run(
        ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx).hasSingleBean(Sandbox.class);
          assertThat(ctx.getBeansOfType(SocialClient.class))
              .containsOnlyKeys("smo.client.brand-x", "smo.client.brand-fb");
          assertThat(ctx.getBean("smo.client.brand-x", SocialClient.class).platform())
              .isEqualTo(Platform.TWITTER);
          // #18: the key is the account's real X user id (its own sandbox account), not the config
          // name
          assertThat(ctx.getBean("smo.client.brand-x", SocialClient.class).accountKey())
              .isEqualTo(
                  ctx.getBean(Sandbox.class).addAccount(Platform.TWITTER, "brand-x").accountId());
          assertThat(ctx.getBean(CrossPoster.class).platforms())
              .containsExactlyInAnyOrder(Platform.TWITTER, Platform.FACEBOOK);
          assertThat(ctx).doesNotHaveBean(PostScheduler.class); // no DataSource
          assertThat(ctx).doesNotHaveBean(SmoMicrometer.class); // no MeterRegistry
          assertThat(ctx).hasBean("smoHealthIndicator");
          assertThat(ctx.getBean("smoHealthIndicator", HealthIndicator.class).health().getDetails())
              .containsKey("accounts");
        });
  }

  @Test
  void theApplicationsOwnBeansWin() {
    sandboxed
        .withUserConfiguration(OwnBeans.class)
        .run(
            ctx -> {
              assertThat(ctx).hasSingleBean(CrossPoster.class);
              assertThat(ctx.getBean(CrossPoster.class)).isSameAs(OwnBeans.OWN);
            });
    SocialClient mine = offline();
    sandboxed
        .withBean("smo.client.brand-x", SocialClient.class, () -> mine)
        .run(ctx -> assertThat(ctx.getBean("smo.client.brand-x")).isSameAs(mine));
  }

  @Test
  void micrometerBinderWhenARegistryExists() {
    sandboxed
        .withUserConfiguration(Meters.class)
        .run(
            ctx -> {
              assertThat(ctx).hasSingleBean(SmoMicrometer.class);
            });
    sandboxed
        .withUserConfiguration(Meters.class)
        .withClassLoader(new FilteredClassLoader(SmoMicrometer.class))
        .run(ctx -> assertThat(ctx).doesNotHaveBean(SmoMicrometer.class));
  }

  @Test
  void schedulerOnTheApplicationsDataSource() {
    sandboxed
        .withUserConfiguration(Db.class)
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              assertThat(ctx).hasSingleBean(PostScheduler.class);
              assertThat(ctx).hasBean("smoSchedulerHealthIndicator");
              assertThat(
                      ctx.getBean("smoSchedulerHealthIndicator", HealthIndicator.class)
                          .health()
                          .getDetails())
                  .containsEntry("pending", 0);
            });
    sandboxed
        .withUserConfiguration(Db.class)
        .withPropertyValues("smo.scheduler.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean(PostScheduler.class));
    sandboxed
        .withUserConfiguration(Db.class)
        .withClassLoader(new FilteredClassLoader(PostScheduler.class))
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              assertThat(ctx).doesNotHaveBean("smoPostScheduler");
            });
  }

  @Test
  void healthIndicatorsCanBeTurnedOffOrAbsent() {
    sandboxed
        .withPropertyValues("management.health.smo.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean("smoHealthIndicator"));
    sandboxed
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              assertThat(ctx).doesNotHaveBean("smoHealthIndicator");
            });
  }

  @Test
  void sandboxOnlyWhenAskedAndPresent() {
    // the X user id is configured: otherwise the CrossPoster would learn it from /2/users/me
    runner
        .withPropertyValues(
            "smo.accounts.x.platform=twitter",
            "smo.accounts.x.access-token=tok-123",
            "smo.accounts.x.account-id=1234567890",
            "smo.accounts.x.base-url=http://127.0.0.1:1/")
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              assertThat(ctx).doesNotHaveBean(Sandbox.class);
              assertThat(ctx).hasBean("smo.client.x");
            });
    sandboxed
        .withClassLoader(new FilteredClassLoader(Sandbox.class))
        .run(
            ctx -> {
              assertThat(ctx).hasFailed();
              assertThat(ctx.getStartupFailure())
                  .hasStackTraceContaining("smo.accounts.brand-x.access-token");
            });
  }

  @Test
  void tiktokBusinessCommentsAreOnForTheSandboxAndOptInWithBothKeys() {
    runner
        .withPropertyValues("smo.sandbox.enabled=true", "smo.accounts.tt.platform=tiktok")
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              io.smo.core.inbox.InboxClient c =
                  ctx.getBean("smo.client.tt", io.smo.core.inbox.InboxClient.class);
              assertThat(c.capabilities().supports(io.smo.core.Feature.COMMENT_STREAM)).isTrue();
              assertThat(c.commentStream().iterator().hasNext()).isTrue();
            });
    runner
        .withPropertyValues(
            "smo.accounts.tt.platform=tiktok",
            "smo.accounts.tt.access-token=t",
            "smo.accounts.tt.account-id=open-1",
            "smo.accounts.tt.business-access-token=secret-business-3")
        .run(
            ctx -> {
              assertThat(ctx.getStartupFailure())
                  .hasStackTraceContaining("smo.accounts.tt.business-id");
              assertThat(ctx.getStartupFailure())
                  .satisfies(t -> assertThat(stackTrace(t)).doesNotContain("secret-business-3"));
            });
    runner
        .withPropertyValues(
            "smo.accounts.x.platform=twitter",
            "smo.accounts.x.access-token=t",
            "smo.accounts.x.business-id=b")
        .run(
            ctx ->
                assertThat(ctx.getStartupFailure())
                    .hasStackTraceContaining("smo.accounts.x.business-id"));
    runner
        .withPropertyValues(
            "smo.accounts.tt.platform=tiktok",
            "smo.accounts.tt.access-token=t",
            "smo.accounts.tt.account-id=open-1",
            "smo.accounts.tt.business-id=biz-1",
            "smo.accounts.tt.business-access-token=secret-business-3")
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              assertThat(
                      ctx.getBean("smo.client.tt", SocialClient.class)
                          .capabilities()
                          .supports(io.smo.core.Feature.COMMENTS))
                  .isTrue();
            });
  }

  @Test
  void misconfiguredAccountFailsStartupNamingTheProperty() {
    runner
        .withPropertyValues("smo.accounts.bad.access-token=secret-value-1")
        .run(
            ctx -> {
              assertThat(ctx).hasFailed();
              assertThat(ctx.getStartupFailure())
                  .hasStackTraceContaining("smo.accounts.bad.platform");
              assertThat(ctx.getStartupFailure())
                  .hasStackTraceContaining("every account needs a platform");
            });
    runner
        .withPropertyValues("smo.accounts.bad.platform=myspace")
        .run(
            ctx ->
                assertThat(ctx.getStartupFailure())
                    .hasStackTraceContaining("smo.accounts.bad.platform"));
    runner
        .withPropertyValues("smo.accounts.x.platform=twitter")
        .run(
            ctx ->
                assertThat(ctx.getStartupFailure())
                    .hasStackTraceContaining("smo.accounts.x.access-token"));
    runner
        .withPropertyValues(
            "smo.accounts.fb.platform=facebook", "smo.accounts.fb.access-token=secret-value-2")
        .run(
            ctx -> {
              assertThat(ctx.getStartupFailure())
                  .hasStackTraceContaining("smo.accounts.fb.account-id");
              assertThat(ctx.getStartupFailure())
                  .satisfies(t -> assertThat(stackTrace(t)).doesNotContain("secret-value-2"));
            });
    runner
        .withPropertyValues(
            "smo.accounts.x.platform=twitter",
            "smo.accounts.x.access-token=t",
            "smo.accounts.x.retry.max-attempts=0")
        .run(
            ctx ->
                assertThat(ctx.getStartupFailure())
                    .hasStackTraceContaining("smo.accounts.x.retry.max-attempts"));
  }

  @Test
  void twoAccountsOfOnePlatformAreTwoTargets() {
    ApplicationContextRunner two =
        sandboxed.withPropertyValues("smo.accounts.brand-y.platform=twitter");
    two.run(
        ctx -> {
          assertThat(ctx).hasNotFailed();
          // every account is its own target, two of them on X (Facebook's target is its page id)
          assertThat(ctx.getBean(CrossPoster.class).targets())
              .hasSize(3)
              .contains(
                  io.smo.core.Target.of(Platform.TWITTER, xId(ctx, "brand-x")),
                  io.smo.core.Target.of(Platform.TWITTER, xId(ctx, "brand-y")))
              .extracting(io.smo.core.Target::platform)
              .containsOnlyOnce(Platform.FACEBOOK);
        });
    two.withPropertyValues("smo.cross-poster.accounts=brand-y,brand-fb")
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              assertThat(ctx.getBeansOfType(SocialClient.class)).hasSize(3);
              assertThat(
                      ctx.getBean(CrossPoster.class)
                          .client(Platform.TWITTER)
                          .orElseThrow()
                          .accountKey())
                  .isEqualTo(xId(ctx, "brand-y"));
            });
    two.withPropertyValues("smo.cross-poster.accounts=nobody")
        .run(
            ctx ->
                assertThat(ctx.getStartupFailure())
                    .hasStackTraceContaining("no account named 'nobody'"));
  }

  @Test
  void secretsNeverInToString() {
    SmoProperties.Account a = new SmoProperties.Account();
    a.setPlatform("facebook");
    a.setAccessToken("EAAB-secret");
    a.setAppSecret("app-secret-value");
    assertThat(a.toString())
        .doesNotContain("EAAB-secret")
        .doesNotContain("app-secret-value")
        .contains("******");
  }

  /** The X user id of the sandbox account the starter gave the configured account {@code name}. */
  static String xId(org.springframework.context.ApplicationContext ctx, String name) {
    return ctx.getBean(Sandbox.class).addAccount(Platform.TWITTER, name).accountId();
  }

  /** A client that is never called. */
  static SocialClient offline() {
    // an offline X client names its user id: a CrossPoster asks every client for its target
    return io.smo.twitter.TwitterClient.builder()
        .accessToken("t")
        .accountId("1234567890")
        .baseUrl(java.net.URI.create("http://127.0.0.1:1/"))
        .build();
  }

  static String stackTrace(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }
}
