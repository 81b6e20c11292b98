package io.smo.spring.boot;

import io.smo.core.CrossPoster;
import io.smo.core.SocialClient;
import io.smo.core.event.SmoListener;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The SMO SDK's core auto-configuration: one client bean per {@code smo.accounts.<name>} (see
 * {@link SmoClientRegistrar}) and a {@link CrossPoster} over them. Every bean backs off when the
 * application defines its own.
 */
@AutoConfiguration
@EnableConfigurationProperties(SmoProperties.class)
public class SmoAutoConfiguration {
  /** Registers the account clients. */
  @Bean
  @ConditionalOnMissingBean
  public static SmoClientRegistrar smoClientRegistrar() {
    return new SmoClientRegistrar();
  }

  /**
   * The cross-poster over the accounts {@code smo.cross-poster.accounts} names (default: all; any
   * number per platform, each its own target).
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @Conditional(OnSmoAccountsCondition.class)
  @ConditionalOnProperty(prefix = "smo.cross-poster", name = "enabled", matchIfMissing = true)
  public CrossPoster smoCrossPoster(
      SmoProperties properties, ListableBeanFactory beans, ObjectProvider<SmoListener> listeners) {
    CrossPoster.Builder b =
        CrossPoster.builder()
            .addAll(
                targets(
                    properties, properties.getCrossPoster(), "smo.cross-poster.accounts", beans));
    listeners.orderedStream().forEach(b::listener);
    return b.build();
  }

  /**
   * Returns the clients of the chosen accounts (any number per platform: each account name is the
   * client's account key, so each is its own target).
   *
   * @throws InvalidConfigurationPropertyValueException naming {@code property} when an account is
   *     unknown
   */
  static List<SocialClient> targets(
      SmoProperties properties,
      SmoProperties.Targets targets,
      String property,
      ListableBeanFactory beans) {
    List<String> names =
        targets.getAccounts().isEmpty()
            ? new ArrayList<>(properties.getAccounts().keySet())
            : targets.getAccounts();
    List<SocialClient> out = new ArrayList<>();
    for (String name : names) {
      String bean = SmoClientRegistrar.BEAN_PREFIX + name;
      if (!beans.containsBean(bean)) {
        throw new InvalidConfigurationPropertyValueException(
            property, names, "no account named '" + name + "' under smo.accounts");
      }
      out.add(beans.getBean(bean, SocialClient.class));
    }
    return out;
  }
}
