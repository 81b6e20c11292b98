package io.smo.spring.boot;

import io.smo.core.SocialClient;
import io.smo.core.event.SmoListener;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Registers one {@link SocialClient} bean named {@code smo.client.<name>} per {@code
 * smo.accounts.<name>} entry, after checking every entry (a misconfigured account fails startup
 * with a message naming the property). A bean the application defines under the same name wins.
 * Each client reports to every {@link SmoListener} bean (the Micrometer binder among them) and is
 * closed with the context.
 */
public class SmoClientRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {
  /** The bean name prefix of the clients. */
  public static final String BEAN_PREFIX = "smo.client.";

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  /** Binds the {@code smo.accounts} map from {@code env} (empty when none). */
  static Map<String, SmoProperties.Account> accounts(Environment env) {
    return Binder.get(env)
        .bind("smo.accounts", Bindable.mapOf(String.class, SmoProperties.Account.class))
        .orElse(Map.of());
  }

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry)
      throws BeansException {
    boolean sandbox =
        Binder.get(environment).bind("smo.sandbox.enabled", Boolean.class).orElse(false);
    Map<String, SmoProperties.Account> accounts = accounts(environment);
    for (Map.Entry<String, SmoProperties.Account> e : accounts.entrySet()) {
      String name = e.getKey();
      SmoProperties.Account account = e.getValue();
      SmoClientFactory.check(name, account, sandbox);
      String beanName = BEAN_PREFIX + name;
      if (registry.containsBeanDefinition(beanName)) {
        continue; // the application's own bean
      }
      ConfigurableListableBeanFactory bf = (ConfigurableListableBeanFactory) registry;
      AbstractBeanDefinition def =
          BeanDefinitionBuilder.genericBeanDefinition(
                  SocialClient.class,
                  () ->
                      SmoClientFactory.create(
                          name,
                          account,
                          listeners(bf),
                          bf.getBeanProvider(SandboxAccess.class).getIfAvailable()))
              .setDestroyMethodName("close")
              .getBeanDefinition();
      registry.registerBeanDefinition(beanName, def);
    }
  }

  private static List<SmoListener> listeners(ConfigurableListableBeanFactory bf) {
    return bf.getBeanProvider(SmoListener.class).orderedStream().collect(Collectors.toList());
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
}
