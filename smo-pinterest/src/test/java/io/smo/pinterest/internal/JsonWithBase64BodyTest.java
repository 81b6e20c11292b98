package io.smo.pinterest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonWithBase64BodyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void splicesBase64OfFilesAndArraysWithExactLength(@TempDir Path dir) throws Exception {
    for (int n : new int[] {0, 1, 2, 3, 4, 100_001}) {
      byte[] data = new byte[n];
      for (int i = 0; i < n; i++) {
        data[i] = (byte) (i * 7);
      }
      Path f = Files.write(dir.resolve("f" + n), data);
      JsonWithBase64Body.Builder b = JsonWithBase64Body.builder();
      ObjectNode root = JSON.createObjectNode().put("title", "t \"q\" ✓");
      root.putArray("items")
          .addObject()
          .put("data", b.placeholder(JsonWithBase64Body.Source.of(f)));
      root.put("second", b.placeholder(JsonWithBase64Body.Source.of(data)));
      JsonWithBase64Body body = b.build(JSON, root);
      String text = body.readUtf8();
      assertThat((long) text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
          .isEqualTo(body.contentLength());
      JsonNode back = JSON.readTree(text);
      assertThat(Base64.getDecoder().decode(back.at("/items/0/data").asText())).isEqualTo(data);
      assertThat(Base64.getDecoder().decode(back.get("second").asText())).isEqualTo(data);
      assertThat(back.get("title").asText()).isEqualTo("t \"q\" ✓");
      assertThat(body.readUtf8()).isEqualTo(text); // re-readable
    }
  }
}
