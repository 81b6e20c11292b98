package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smo.core.Platform;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SharedFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Strict mode checks requests against the official descriptions from outside the SDK's
 * repository: they travel inside the smo-testkit jar, so a malformed request is refused here too.
 */
class StrictModeTest {
  private static HttpResponse<String> postTweet(Sandbox sandbox, String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl(Platform.TWITTER) + "2/tweets"))
        .timeout(Duration.ofMinutes(2)) // the first strict request parses X's description
        .header("Authorization", "Bearer " + sandbox.credentials(Platform.TWITTER).accessToken())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void malformedRequestIsRejectedWithoutTheSdkRepository() throws Exception {
    assertFalse(SharedFixtures.dir().isPresent(), "this check must run outside the SDK's repository layout");
    try (Sandbox sandbox = Sandbox.builder().strict(true).build()) {
      HttpResponse<String> bad = postTweet(sandbox, "{\"text\": 12345}");
      assertEquals(400, bad.statusCode(), bad.body());
      assertTrue(bad.body().contains("sandbox_strict_violation"), bad.body());
      assertEquals(1, sandbox.strictViolations().size(), sandbox.strictViolations().toString());
      assertTrue(sandbox.created(Platform.TWITTER).isEmpty());

      sandbox.clearStrictViolations();
      HttpResponse<String> good = postTweet(sandbox, "{\"text\": \"hello\"}");
      assertEquals(201, good.statusCode(), good.body());
      assertTrue(sandbox.strictViolations().isEmpty(), sandbox.strictViolations().toString());
    }
  }
}
