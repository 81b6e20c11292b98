package io.smo.spring.boot;

import io.smo.scheduler.PostScheduler;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * With smo-scheduler on the class path and a {@link DataSource} bean: a started {@link
 * PostScheduler} on the application's database over the accounts {@code smo.scheduler.accounts}
 * names (default all; any number per platform), stopped with the context.
 */
@AutoConfiguration(
    after = SmoAutoConfiguration.class,
    afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnClass(PostScheduler.class)
@ConditionalOnBean(DataSource.class)
@Conditional(OnSmoAccountsCondition.class)
@ConditionalOnProperty(prefix = "smo.scheduler", name = "enabled", matchIfMissing = true)
public class SmoSchedulerAutoConfiguration {
  /** The scheduler, started. */
  @Bean(initMethod = "start", destroyMethod = "close")
  @ConditionalOnMissingBean
  public PostScheduler smoPostScheduler(
      DataSource dataSource,
      SmoProperties properties,
      ListableBeanFactory beans,
      org.springframework.beans.factory.ObjectProvider<io.smo.core.event.SmoListener> listeners) {
    PostScheduler.Builder b =
        PostScheduler.builder()
            .dataSource(dataSource)
            .pollingInterval(properties.getScheduler().getPollingInterval());
    SmoAutoConfiguration.targets(
            properties, properties.getScheduler(), "smo.scheduler.accounts", beans)
        .forEach(b::add);
    listeners.orderedStream().forEach(b::listener);
    return b.build();
  }
}
