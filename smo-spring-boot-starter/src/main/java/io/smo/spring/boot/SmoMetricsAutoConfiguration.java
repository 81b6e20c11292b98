package io.smo.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.smo.micrometer.SmoMicrometer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With smo-micrometer on the class path and a {@link MeterRegistry} bean: the {@link SmoMicrometer}
 * binder, a listener every auto-configured client, cross-poster and scheduler reports to, with one
 * Observation per API call when an {@link ObservationRegistry} bean exists.
 */
@AutoConfiguration(
    before = SmoAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration"
    })
@ConditionalOnClass({SmoMicrometer.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
public class SmoMetricsAutoConfiguration {
  /** The binder, configured by {@code smo.metrics.*}. */
  @Bean
  @ConditionalOnMissingBean
  public SmoMicrometer smoMicrometer(
      MeterRegistry registry,
      ObjectProvider<ObservationRegistry> observations,
      SmoProperties properties) {
    SmoProperties.Metrics m = properties.getMetrics();
    return SmoMicrometer.builder(registry)
        .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
        .accountTag(m.isAccountTag())
        .percentiles(m.getPercentiles().stream().mapToDouble(Double::doubleValue).toArray())
        .percentileHistogram(m.isPercentileHistogram())
        .build();
  }
}
