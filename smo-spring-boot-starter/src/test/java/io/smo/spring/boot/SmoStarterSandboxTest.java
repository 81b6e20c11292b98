package io.smo.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smo.core.CrossPostResult;
import io.smo.core.CrossPoster;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.SocialClient;
import io.smo.micrometer.SmoMicrometer;
import io.smo.scheduler.PostScheduler;
import io.smo.testkit.Sandbox;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * The whole starter in a Spring Boot application: publishes through the auto-configured CrossPoster
 * to the sandbox and reads the meters the calls left; the scheduler runs on the application's
 * (embedded H2) DataSource.
 */
@SpringBootTest(
    properties = {
      "smo.sandbox.enabled=true",
      "smo.accounts.brand-x.platform=twitter",
      "smo.accounts.brand-fb.platform=facebook"
    })
class SmoStarterSandboxTest {
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Autowired CrossPoster crossPoster;
  @Autowired MeterRegistry meters;
  @Autowired Sandbox sandbox;
  @Autowired PostScheduler scheduler;
  @Autowired SmoMicrometer binder;

  @Autowired
  @Qualifier("smo.client.brand-x")
  SocialClient x;

  @Test
  void publishesThroughTheAutoConfiguredBeansAndRecordsMeters() {
    CrossPostResult r = crossPoster.publish(Post.builder().text("Hello from Spring Boot").build());
    assertThat(r.allPublished()).as(r.toString()).isTrue();
    assertThat(sandbox.created(Platform.TWITTER)).hasSize(1);
    assertThat(sandbox.created(Platform.FACEBOOK)).hasSize(1);

    assertThat(
            meters
                .get(SmoMicrometer.CALLS)
                .tags("platform", "twitter", "outcome", "success")
                .timers())
        .isNotEmpty();
    assertThat(
            meters
                .get(SmoMicrometer.CALLS)
                .tags("platform", "facebook", "outcome", "success")
                .timers())
        .isNotEmpty();
    assertThat(
            meters
                .get(SmoMicrometer.CROSS_POST_TARGETS)
                .tags("platform", "twitter", "status", "published")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(meters.find(SmoMicrometer.CALLS).meters())
        .allSatisfy(m -> assertThat(m.getId().getTag("account")).isNull());
    // #18: the key is the account's real X user id (its own sandbox account), not the config name
    assertThat(x.accountKey())
        .isEqualTo(sandbox.addAccount(Platform.TWITTER, "brand-x").accountId());
    assertThat(List.copyOf(scheduler.list())).isEmpty();
  }
}
