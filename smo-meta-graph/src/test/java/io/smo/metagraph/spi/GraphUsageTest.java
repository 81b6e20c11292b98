package io.smo.metagraph.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.smo.core.Platform;
import io.smo.core.resilience.RateLimitSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class GraphUsageTest {
  private static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");
  private final GraphRateLimitParser parser = new GraphRateLimitParser(Platform.FACEBOOK);

  @Test
  void appUsageIsPercentOfHighestFigure() {
    Headers h =
        Headers.of("X-App-Usage", "{\"call_count\":28,\"total_time\":25,\"total_cputime\":25}");
    RateLimitSnapshot s = parser.parse(h, null, NOW).orElseThrow();
    assertThat(s.usagePercent()).hasValue(28.0);
    assertThat(s.scope()).isEqualTo(RateLimitSnapshot.Scope.APP);
    assertThat(s.exhausted()).isFalse();
  }

  @Test
  void bucHeaderWithRegainTime() {
    // shape from restfb header-business.json / python-facebook test_ratelimit.py
    Headers h =
        Headers.of(
            "X-App-Usage",
            "{\"call_count\":10,\"total_time\":1,\"total_cputime\":1}",
            "X-Business-Use-Case-Usage",
            "{\"112233\":[{\"type\":\"pages\",\"call_count\":100,"
                + "\"total_cputime\":12,\"total_time\":40,\"estimated_time_to_regain_access\":15}]}",
            "X-Page-Usage",
            "{\"call_count\":50,\"total_time\":3,\"total_cputime\":3}");
    List<GraphUsage> all = GraphUsage.parse(h);
    assertThat(all).hasSize(3);
    GraphUsage buc = all.get(2);
    assertThat(buc.objectId()).contains("112233");
    assertThat(buc.type()).contains("pages");
    assertThat(buc.regainAccessIn()).isEqualTo(Duration.ofMinutes(15));
    RateLimitSnapshot s = parser.parse(h, null, NOW).orElseThrow();
    assertThat(s.scope()).isEqualTo(RateLimitSnapshot.Scope.PAGE);
    assertThat(s.exhausted()).isTrue();
    assertThat(s.resetAt()).contains(NOW.plus(Duration.ofMinutes(15)));
    assertThat(s.bucket()).isEqualTo("X-Business-Use-Case-Usage:112233:pages");
  }

  @Test
  void garbageIsIgnored() {
    assertThat(parser.parse(Headers.of("X-App-Usage", "nope"), null, NOW)).isEmpty();
    assertThat(parser.parse(Headers.of(), null, NOW)).isEmpty();
  }

  @Test
  void pacingGrowsBeforeHundredPercent() {
    RateLimitSnapshot low =
        RateLimitSnapshot.builder(Platform.FACEBOOK, NOW).usagePercent(50.0).build();
    RateLimitSnapshot high =
        RateLimitSnapshot.builder(Platform.FACEBOOK, NOW).usagePercent(90.0).build();
    RateLimitSnapshot max =
        RateLimitSnapshot.builder(Platform.FACEBOOK, NOW).usagePercent(99.0).build();
    assertThat(GraphRateLimitParser.pacingDelay(low)).isZero();
    assertThat(GraphRateLimitParser.pacingDelay(high)).isPositive();
    assertThat(GraphRateLimitParser.pacingDelay(max))
        .isGreaterThan(GraphRateLimitParser.pacingDelay(high));
  }
}
