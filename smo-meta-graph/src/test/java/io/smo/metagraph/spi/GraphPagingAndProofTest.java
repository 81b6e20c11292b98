package io.smo.metagraph.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smo.core.pagination.Page;
import io.smo.metagraph.GraphApiVersion;
import io.smo.testkit.SharedFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphPagingAndProofTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void realFeedPageHasAfterCursor() throws Exception {
    JsonNode body = json.readTree(SharedFixtures.read("fixtures/facebook/page_feed_page1.json"));
    Page<String> page = GraphPaging.page(body, n -> n.path("id").asText());
    assertThat(page.items()).isNotEmpty();
    assertThat(page.items()).first().isEqualTo("4_10113477241177441");
    // the real feed pages by time: the marker is the next URL
    assertThat(page.nextCursor().orElseThrow()).contains("until=1624385168");
    String rebased =
        GraphPaging.rebase(
            page.nextCursor().get(), java.net.URI.create("http://127.0.0.1:9/facebook/"));
    assertThat(rebased)
        .startsWith("http://127.0.0.1:9/facebook/v10.0/4/posts?")
        .doesNotContain("access_token")
        .contains("__paging_token");
  }

  @Test
  void paginatorFollowsCursorsAndStopsOnRepeat() throws Exception {
    List<String> asked = new ArrayList<>();
    JsonNode p1 =
        json.readTree(
            "{\"data\":[{\"id\":\"1\"}],\"paging\":{\"cursors\":{\"after\":\"A\"},"
                + "\"next\":\"https://graph.facebook.com/v26.0/x/comments?after=A\"}}");
    JsonNode p2 =
        json.readTree(
            "{\"data\":[{\"id\":\"2\"}],\"paging\":{\"cursors\":{\"after\":\"A\"},"
                + "\"next\":\"https://graph.facebook.com/v26.0/x/comments?after=A\"}}");
    List<String> ids =
        GraphPaging.paginator(
                c -> {
                  asked.add(String.valueOf(c));
                  return c == null ? p1 : p2;
                },
                n -> n.path("id").asText())
            .toList();
    assertThat(ids).containsExactly("1", "2");
    assertThat(asked)
        .containsExactly("null", "https://graph.facebook.com/v26.0/x/comments?after=A");
  }

  @Test
  void noNextMeansLastPageEvenWithCursors() throws Exception {
    JsonNode last =
        json.readTree(
            "{\"data\":[{\"id\":\"1\"}],\"paging\":{\"cursors\":{\"before\":\"B\","
                + "\"after\":\"A\"}}}");
    assertThat(GraphPaging.nextCursor(last)).isEmpty();
    JsonNode onlyNext =
        json.readTree(
            "{\"data\":[],\"paging\":{\"next\":\"https://h/v1/x?limit=2&after=QQ%3D%3D\"}}");
    assertThat(GraphPaging.afterCursor(onlyNext)).contains("QQ==");
  }

  @Test
  void appSecretProofIsHexHmacSha256() {
    AppSecretProof p = AppSecretProof.of("secret456");
    // echo -n token123 | openssl dgst -sha256 -hmac secret456
    assertThat(p.forToken("token123"))
        .isEqualTo("e528e7743fcec6831fbdfa612f05176dca65d2bb78420acdad034395e76fda44");
    assertThat(p.toString()).doesNotContain("secret456");
    assertThatThrownBy(() -> AppSecretProof.of("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void versionParsing() {
    assertThat(GraphApiVersion.DEFAULT.path()).isEqualTo("v26.0");
    assertThat(GraphApiVersion.of("25.0")).isEqualTo(GraphApiVersion.V25_0);
    assertThat(GraphApiVersion.of("v24.0")).isLessThan(GraphApiVersion.V25_0);
    assertThatThrownBy(() -> GraphApiVersion.of("latest"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
