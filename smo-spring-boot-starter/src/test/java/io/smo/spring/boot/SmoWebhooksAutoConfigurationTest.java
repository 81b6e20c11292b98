package io.smo.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.event.EngagementEvent;
import io.smo.core.event.EventDeduplicator;
import io.smo.testkit.webhooks.WebhookSigner;
import io.smo.webhooks.JdbcEventDeduplicator;
import io.smo.webhooks.Webhooks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The webhook receiver's conditional paths, and one signed delivery through the mounted servlet.
 */
class SmoWebhooksAutoConfigurationTest {
  static final String META_SECRET = "meta-app-secret-for-tests";

  final WebApplicationContextRunner web =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  SmoSandboxAutoConfiguration.class,
                  SmoAutoConfiguration.class,
                  SmoWebhooksAutoConfiguration.class));

  /** Collects the EngagementEvents the receiver publishes as application events. */
  @Configuration(proxyBeanMethods = false)
  static class Events {
    static final List<EngagementEvent> SEEN = new CopyOnWriteArrayList<>();

    @org.springframework.context.event.EventListener
    void on(EngagementEvent event) {
      SEEN.add(event);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Db {
    @Bean
    DataSource dataSource() {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:mem:smo-hooks-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
      return ds;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnDeduplicator {
    static final EventDeduplicator OWN = EventDeduplicator.defaults();

    @Bean
    EventDeduplicator myDeduplicator() {
      return OWN;
    }
  }

  @Test
  void nothingIsMountedWithoutASecretOrTheSandbox() {
    web.run(
        ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx).doesNotHaveBean(Webhooks.class);
          assertThat(ctx).doesNotHaveBean("smoWebhookServlet");
        });
  }

  @Test
  void nothingIsMountedOutsideAServletApplication() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SmoWebhooksAutoConfiguration.class))
        .withPropertyValues("smo.webhooks.x.consumer-secret=x-secret")
        .run(ctx -> assertThat(ctx).doesNotHaveBean(Webhooks.class));
  }

  @Test
  void turnedOffByProperty() {
    web.withPropertyValues("smo.webhooks.x.consumer-secret=x-secret", "smo.webhooks.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean(Webhooks.class));
  }

  @Test
  void onlyThePlatformsWithASecretAreMountedUnderThePath() {
    web.withPropertyValues(
            "smo.webhooks.x.consumer-secret=x-secret",
            "smo.webhooks.tiktok.client-secret=tt-secret",
            "smo.webhooks.path=/hooks/")
        .run(
            ctx -> {
              assertThat(ctx.getBean(Webhooks.class).handlers()).containsOnlyKeys("x", "tiktok");
              ServletRegistrationBean<?> r =
                  ctx.getBean("smoWebhookServlet", ServletRegistrationBean.class);
              assertThat(r.getUrlMappings()).containsExactly("/hooks/*");
            });
  }

  @Test
  void aMetaSecretWithoutVerifyTokenFailsStartupNamingTheProperty() {
    web.withPropertyValues("smo.webhooks.meta.app-secret=" + META_SECRET)
        .run(
            ctx -> {
              assertThat(ctx).hasFailed();
              assertThat(ctx.getStartupFailure())
                  .hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class);
              assertThat(ctx.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining("smo.webhooks.meta.verify-token");
              assertThat(ctx.getStartupFailure()).rootCause().hasMessageNotContaining(META_SECRET);
            });
  }

  @Test
  void aBadPathOrDeduplicationSettingFailsStartupNamingTheProperty() {
    web.withPropertyValues("smo.webhooks.x.consumer-secret=s", "smo.webhooks.path=hooks")
        .run(
            ctx ->
                assertThat(ctx.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("smo.webhooks.path"));
    web.withPropertyValues("smo.webhooks.x.consumer-secret=s", "smo.webhooks.deduplication=redis")
        .run(
            ctx ->
                assertThat(ctx.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("smo.webhooks.deduplication"));
    web.withPropertyValues("smo.webhooks.x.consumer-secret=s", "smo.webhooks.deduplication=jdbc")
        .run(
            ctx ->
                assertThat(ctx.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("smo.webhooks.deduplication"));
  }

  @Test
  void withADataSourceSeveralInstancesShareTheSeenEventsInIt() {
    web.withUserConfiguration(Db.class, Events.class)
        .withPropertyValues(
            "smo.webhooks.meta.app-secret=" + META_SECRET, "smo.webhooks.meta.verify-token=vt")
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              // two deliveries of the same event through two receivers on one database: one event
              Events.SEEN.clear();
              byte[] body = metaComment();
              assertThat(
                      deliver(ctx.getBean("smoWebhookServlet", ServletRegistrationBean.class), body)
                          .getStatus())
                  .isEqualTo(200);
              // a second instance: its own receiver on the same database
              Webhooks other =
                  Webhooks.builder()
                      .add(
                          io.smo.webhooks.MetaWebhookHandler.builder()
                              .appSecret(META_SECRET)
                              .verifyToken("vt")
                              .deduplicator(
                                  JdbcEventDeduplicator.create(ctx.getBean(DataSource.class)))
                              .build())
                      .build();
              io.smo.webhooks.WebhookResult r =
                  other.handle(
                      "POST", java.net.URI.create("/smo/webhooks/meta"), headers(body), body);
              assertThat(r.status()).isEqualTo(200);
              assertThat(r.events()).isEmpty();
              assertThat(r.duplicates()).isEqualTo(1);
              assertThat(Events.SEEN).hasSize(1);
            });
  }

  @Test
  void theApplicationsOwnDeduplicatorWins() {
    web.withUserConfiguration(OwnDeduplicator.class, Events.class)
        .withPropertyValues(
            "smo.webhooks.meta.app-secret=" + META_SECRET, "smo.webhooks.meta.verify-token=vt")
        .run(
            ctx -> {
              Events.SEEN.clear();
              byte[] body = metaComment();
              var servlet = ctx.getBean("smoWebhookServlet", ServletRegistrationBean.class);
              assertThat(deliver(servlet, body).getStatus()).isEqualTo(200);
              assertThat(deliver(servlet, body).getStatus()).isEqualTo(200); // a platform retry
              assertThat(Events.SEEN).hasSize(1);
              // the event id is now in the application's own store
              assertThat(OwnDeduplicator.OWN.firstSeen(Events.SEEN.get(0).dedupKey())).isFalse();
            });
  }

  @Test
  void aSignedDeliveryBecomesOneApplicationEventAndABadSignatureIsRefused() {
    web.withUserConfiguration(Events.class)
        .withPropertyValues(
            "smo.webhooks.meta.app-secret=" + META_SECRET, "smo.webhooks.meta.verify-token=vt")
        .run(
            ctx -> {
              Events.SEEN.clear();
              var servlet = ctx.getBean("smoWebhookServlet", ServletRegistrationBean.class);
              byte[] body = metaComment();

              MockHttpServletRequest forged = request(body);
              forged.removeHeader("X-Hub-Signature-256");
              forged.addHeader("X-Hub-Signature-256", "sha256=" + "0".repeat(64));
              MockHttpServletResponse refused = new MockHttpServletResponse();
              ((SmoWebhookServlet) servlet.getServlet()).service(forged, refused);
              assertThat(refused.getStatus()).isIn(401, 403);
              assertThat(Events.SEEN).isEmpty();

              assertThat(deliver(servlet, body).getStatus()).isEqualTo(200);
              assertThat(Events.SEEN).hasSize(1);

              MockHttpServletRequest handshake =
                  new MockHttpServletRequest("GET", "/smo/webhooks/meta");
              handshake.setQueryString(
                  "hub.mode=subscribe&hub.verify_token=vt&hub.challenge=12345");
              MockHttpServletResponse answer = new MockHttpServletResponse();
              ((SmoWebhookServlet) servlet.getServlet()).service(handshake, answer);
              assertThat(answer.getStatus()).isEqualTo(200);
              assertThat(answer.getContentAsString()).isEqualTo("12345");
            });
  }

  @Test
  void withTheSandboxAllFourHandlersUseItsSecrets() {
    web.withPropertyValues("smo.sandbox.enabled=true")
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              assertThat(ctx.getBean(Webhooks.class).handlers())
                  .containsOnlyKeys("meta", "x", "tiktok", "youtube");
              assertThat(ctx).hasSingleBean(SandboxWebhookDelivery.class);
            });
  }

  static byte[] metaComment() {
    return ("{\"object\":\"page\",\"entry\":[{\"id\":\"1001\",\"time\":1767225600,\"changes\":[{"
            + "\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"post_id\":\"1001_7\","
            + "\"comment_id\":\"7_"
            + System.nanoTime()
            + "\",\"parent_id\":\"1001_7\",\"message\":\"Love it\","
            + "\"from\":{\"id\":\"42\",\"name\":\"Ana\"},\"created_time\":1767225600}}]}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static MockHttpServletRequest request(byte[] body) {
    MockHttpServletRequest req = new MockHttpServletRequest("POST", "/smo/webhooks/meta");
    req.setContentType("application/json");
    req.setContent(body);
    WebhookSigner.meta(META_SECRET, body).forEach(req::addHeader);
    return req;
  }

  static java.util.Map<String, List<String>> headers(byte[] body) {
    java.util.Map<String, List<String>> h = new java.util.LinkedHashMap<>();
    WebhookSigner.meta(META_SECRET, body).forEach((k, v) -> h.put(k, List.of(v)));
    h.put("Content-Type", List.of("application/json"));
    return h;
  }

  static MockHttpServletResponse deliver(ServletRegistrationBean<?> servlet, byte[] body)
      throws Exception {
    MockHttpServletResponse resp = new MockHttpServletResponse();
    ((SmoWebhookServlet) servlet.getServlet()).service(request(body), resp);
    return resp;
  }
}
