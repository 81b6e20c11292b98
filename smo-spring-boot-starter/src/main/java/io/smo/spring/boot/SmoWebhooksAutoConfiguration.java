package io.smo.spring.boot;

import io.smo.core.event.EngagementEvent;
import io.smo.core.event.EventDeduplicator;
import io.smo.webhooks.JdbcEventDeduplicator;
import io.smo.webhooks.MetaWebhookHandler;
import io.smo.webhooks.TikTokWebhookHandler;
import io.smo.webhooks.Webhooks;
import io.smo.webhooks.XWebhookHandler;
import io.smo.webhooks.YouTubeWebhookHandler;
import jakarta.servlet.http.HttpServlet;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * With smo-webhooks and a servlet container: the platforms' webhook handlers, mounted at {@code
 * smo.webhooks.path} (default {@code /smo/webhooks}, so Meta posts to {@code /smo/webhooks/meta}, X
 * to {@code /x}, TikTok to {@code /tiktok}, YouTube's hub to {@code /youtube}). A handler is
 * mounted for each platform whose secret is set under {@code smo.webhooks.<platform>}; with the
 * sandbox on and no secret set, all four are mounted with the sandbox's secrets. Every new,
 * verified, de-duplicated event is published as a Spring application event of type {@link
 * EngagementEvent}:
 *
 * <pre>{@code
 * @EventListener
 * void onComment(EngagementEvent.CommentCreated event) { ... }
 * }</pre>
 *
 * <p>De-duplication: the application's {@link EventDeduplicator} bean when it has one; else a
 * {@link JdbcEventDeduplicator} on its {@link DataSource} (so several instances behind one load
 * balancer see each event once), else memory ({@code smo.webhooks.deduplication} forces {@code
 * jdbc} or {@code memory}). Every bean backs off when the application defines its own.
 */
@AutoConfiguration(
    after = SmoSandboxAutoConfiguration.class,
    afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnClass({Webhooks.class, HttpServlet.class, ServletRegistrationBean.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "smo.webhooks", name = "enabled", matchIfMissing = true)
public class SmoWebhooksAutoConfiguration {
  /**
   * The router over the configured platforms' handlers.
   *
   * @throws InvalidConfigurationPropertyValueException naming the property when a Meta app secret
   *     is set without a verify token, or the de-duplication setting is unknown
   */
  @Bean
  @ConditionalOnMissingBean
  @org.springframework.context.annotation.Conditional(OnWebhookSecretsCondition.class)
  public Webhooks smoWebhooks(
      SmoProperties properties,
      ObjectProvider<EventDeduplicator> deduplicators,
      ObjectProvider<DataSource> dataSources,
      ObjectProvider<SandboxSecrets> sandbox,
      ApplicationEventPublisher events) {
    SmoProperties.Webhooks w = properties.getWebhooks();
    EventDeduplicator dedup = deduplicators.getIfAvailable(() -> deduplicator(w, dataSources));
    SandboxSecrets sbx = sandbox.getIfAvailable();
    boolean anySecret =
        w.getMeta().getAppSecret() != null
            || w.getX().getConsumerSecret() != null
            || w.getTiktok().getClientSecret() != null
            || w.getYoutube().getSecret() != null;
    boolean fromSandbox = !anySecret && sbx != null;
    Webhooks.Builder b = Webhooks.builder();
    String meta = fromSandbox ? sbx.metaAppSecret() : w.getMeta().getAppSecret();
    if (meta != null) {
      String verify = fromSandbox ? sbx.verifyToken() : w.getMeta().getVerifyToken();
      if (verify == null || verify.isBlank()) {
        throw new InvalidConfigurationPropertyValueException(
            "smo.webhooks.meta.verify-token",
            null,
            "a Meta receiver needs the verify token you give Meta when subscribing");
      }
      b.add(
          MetaWebhookHandler.builder()
              .appSecret(meta)
              .verifyToken(verify)
              .maxBodyBytes(w.getMaxBodyBytes())
              .deduplicator(dedup)
              .build());
    }
    String x = fromSandbox ? sbx.xConsumerSecret() : w.getX().getConsumerSecret();
    if (x != null) {
      b.add(
          XWebhookHandler.builder()
              .consumerSecret(x)
              .maxBodyBytes(w.getMaxBodyBytes())
              .deduplicator(dedup)
              .build());
    }
    String tiktok = fromSandbox ? sbx.tiktokClientSecret() : w.getTiktok().getClientSecret();
    if (tiktok != null) {
      b.add(
          TikTokWebhookHandler.builder()
              .clientSecret(tiktok)
              .tolerance(w.getTiktok().getTolerance())
              .maxBodyBytes(w.getMaxBodyBytes())
              .deduplicator(dedup)
              .build());
    }
    String hub = fromSandbox ? sbx.hubSecret() : w.getYoutube().getSecret();
    if (hub != null) {
      YouTubeWebhookHandler.Builder yt =
          YouTubeWebhookHandler.builder()
              .secret(hub)
              .maxBodyBytes(w.getMaxBodyBytes())
              .deduplicator(dedup);
      w.getYoutube().getTopics().forEach(yt::addTopic);
      b.add(yt.build());
    }
    b.addListener(events::publishEvent);
    return b.build();
  }

  private static EventDeduplicator deduplicator(
      SmoProperties.Webhooks w, ObjectProvider<DataSource> dataSources) {
    String mode =
        w.getDeduplication() == null
            ? "auto"
            : w.getDeduplication().trim().toLowerCase(Locale.ROOT);
    switch (mode) {
      case "memory" -> {
        return EventDeduplicator.defaults();
      }
      case "jdbc" -> {
        DataSource ds = dataSources.getIfUnique();
        if (ds == null) {
          throw new InvalidConfigurationPropertyValueException(
              "smo.webhooks.deduplication", mode, "jdbc needs exactly one DataSource bean");
        }
        return JdbcEventDeduplicator.create(ds);
      }
      case "auto" -> {
        DataSource ds = dataSources.getIfUnique();
        return ds != null ? JdbcEventDeduplicator.create(ds) : EventDeduplicator.defaults();
      }
      default ->
          throw new InvalidConfigurationPropertyValueException(
              "smo.webhooks.deduplication", mode, "use auto, jdbc or memory");
    }
  }

  /** The servlet serving the router at {@code smo.webhooks.path}{@code /*}. */
  @Bean
  @ConditionalOnMissingBean(name = "smoWebhookServlet")
  @org.springframework.context.annotation.Conditional(OnWebhookSecretsCondition.class)
  public ServletRegistrationBean<SmoWebhookServlet> smoWebhookServlet(
      Webhooks webhooks, SmoProperties properties) {
    String path = properties.getWebhooks().getPath();
    if (path == null || !path.startsWith("/") || path.contains("*")) {
      throw new InvalidConfigurationPropertyValueException(
          "smo.webhooks.path", path, "must start with / and hold no wildcard, e.g. /smo/webhooks");
    }
    String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    ServletRegistrationBean<SmoWebhookServlet> r =
        new ServletRegistrationBean<>(new SmoWebhookServlet(webhooks), base + "/*");
    r.setName("smoWebhookServlet");
    return r;
  }

  /** With the sandbox: makes it deliver its webhook events to this application's receiver. */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(io.smo.testkit.Sandbox.class)
  static class SandboxDelivery {
    /** The hook pointing the sandbox's deliveries at the receiver once the server listens. */
    @Bean
    @ConditionalOnMissingBean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBean(
        io.smo.testkit.Sandbox.class)
    @org.springframework.context.annotation.Conditional(OnWebhookSecretsCondition.class)
    SandboxWebhookDelivery smoSandboxWebhookDelivery(
        io.smo.testkit.Sandbox sandbox, SmoProperties properties) {
      return new SandboxWebhookDelivery(sandbox, properties.getWebhooks().getPath());
    }
  }
}
