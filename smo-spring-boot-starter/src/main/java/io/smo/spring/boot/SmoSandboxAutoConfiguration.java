package io.smo.spring.boot;

import io.smo.core.Platform;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxWebhooks;
import java.net.URI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * With {@code smo.sandbox.enabled=true} and smo-testkit on the class path: starts the sandbox
 * (WireMock emulating the seven platforms on a free loopback port) and points accounts without
 * credentials at it. Nothing reaches a real platform.
 */
@AutoConfiguration(before = SmoAutoConfiguration.class)
@ConditionalOnClass(Sandbox.class)
@ConditionalOnProperty(prefix = "smo.sandbox", name = "enabled", havingValue = "true")
public class SmoSandboxAutoConfiguration {
  /** The sandbox, stopped with the context. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Sandbox smoSandbox() {
    return Sandbox.start();
  }

  /** The sandbox's URLs and credentials for the client factory. */
  @Bean
  @ConditionalOnMissingBean
  public SandboxAccess smoSandboxAccess(Sandbox sandbox) {
    return new SandboxAccess() {
      @Override
      public URI baseUrl(Platform platform) {
        return sandbox.baseUrl(platform);
      }

      @Override
      public String accessToken(Platform platform) {
        return sandbox.credentials(platform).accessToken();
      }

      @Override
      public String accountId(Platform platform) {
        return sandbox.credentials(platform).accountId();
      }

      @Override
      public String accessToken(Platform platform, String account) {
        return sandbox.addAccount(platform, account).accessToken();
      }

      @Override
      public String accountId(Platform platform, String account) {
        return sandbox.addAccount(platform, account).accountId();
      }

      @Override
      public String extra(Platform platform, String name) {
        return sandbox.credentials(platform).extra(name);
      }
    };
  }

  /** The secrets the sandbox signs webhook deliveries with (for the webhook receiver). */
  @Bean
  @ConditionalOnMissingBean
  public SandboxSecrets smoSandboxSecrets(Sandbox sandbox) {
    return new SandboxSecrets() {
      @Override
      public String metaAppSecret() {
        return sandbox.credentials(Platform.FACEBOOK).clientSecret();
      }

      @Override
      public String verifyToken() {
        return SandboxWebhooks.VERIFY_TOKEN;
      }

      @Override
      public String xConsumerSecret() {
        return sandbox.credentials(Platform.TWITTER).clientSecret();
      }

      @Override
      public String tiktokClientSecret() {
        return sandbox.credentials(Platform.TIKTOK).clientSecret();
      }

      @Override
      public String hubSecret() {
        return SandboxWebhooks.HUB_SECRET;
      }
    };
  }
}
