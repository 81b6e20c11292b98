package io.smo.pinterest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.EngagementMetrics;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.exception.NotFoundException;
import io.smo.core.upload.UploadProgress;
import io.smo.core.upload.UploadState;
import io.smo.testkit.Created;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.SandboxTest;
import io.smo.testkit.emulator.PinterestEmulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end against the sandbox's Pinterest emulator. */
@SandboxTest(strict = true)
class PinterestSandboxTest {

  static PinterestClient client(Sandbox sandbox) {
    SandboxCredentials c = sandbox.credentials(Platform.PINTEREST);
    return PinterestClient.builder()
        .baseUrl(sandbox.baseUrl(Platform.PINTEREST))
        .accessToken(c.accessToken())
        .defaultBoardId(c.extra("boardId"))
        .sleeper(d -> {})
        .pollInterval(Duration.ofMillis(1))
        .build();
  }

  @Test
  void publishesImagePinsReadsThemBackAndDeletes(Sandbox sandbox, @TempDir Path dir)
      throws Exception {
    int before = sandbox.created(Platform.PINTEREST, "post").size();
    try (PinterestClient pinterest = client(sandbox)) {
      PublishedPost byUrl =
          pinterest.publish(
              Post.builder()
                  .text("Summer salads")
                  .link(URI.create("https://example.com/salads"))
                  .addMedia(
                      Media.fromUrl(
                              URI.create("https://cdn.example.com/salad.jpg"), MediaKind.IMAGE)
                          .withAltText("A bowl of salad"))
                  .option(PinterestOptions.builder().title("Salads").build())
                  .build());
      PublishedPost byFile =
          pinterest.publish(
              Post.builder()
                  .text("From disk")
                  .addMedia(Media.fromFile(TestMedia.imageFile(dir, "a.jpg", "jpg")))
                  .build());
      PublishedPost carousel =
          pinterest.publish(
              Post.builder()
                  .text("Carousel")
                  .addMedia(Media.fromBytes(TestMedia.image("png")))
                  .addMedia(Media.fromFile(TestMedia.imageFile(dir, "b.png", "png")))
                  .addMedia(Media.fromBytes(TestMedia.image("jpg")))
                  .build());
      List<Created> posts = sandbox.created(Platform.PINTEREST, "post");
      assertThat(posts).hasSize(before + 3);
      Created first = posts.get(before);
      assertThat(first.id()).isEqualTo(byUrl.id());
      assertThat(first.body().get("title").asText()).isEqualTo("Salads");
      assertThat(first.body().get("alt_text").asText()).isEqualTo("A bowl of salad");
      assertThat(first.body().get("link").asText()).isEqualTo("https://example.com/salads");
      assertThat(posts.get(before + 1).body().at("/media/media_type").asText()).isEqualTo("image");
      assertThat(posts.get(before + 2).body().get("creative_type").asText()).isEqualTo("CAROUSEL");
      assertThat(pinterest.lastRateLimit())
          .hasValueSatisfying(
              r -> assertThat(r.remaining().getAsLong()).isLessThan(r.limit().getAsLong()));

      pinterest.delete(byFile.ref());
      assertThat(sandbox.created(Platform.PINTEREST, "post"))
          .extracting(Created::id)
          .doesNotContain(byFile.id())
          .contains(carousel.id());
      assertThatThrownBy(() -> pinterest.delete(byFile.ref()))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void publishesVideoPinAfterSeveralProcessingPolls(Sandbox sandbox, @TempDir Path dir)
      throws Exception {
    List<UploadProgress> progress = new ArrayList<>();
    SandboxCredentials c = sandbox.credentials(Platform.PINTEREST);
    try (PinterestClient pinterest =
        PinterestClient.builder()
            .baseUrl(sandbox.baseUrl(Platform.PINTEREST))
            .accessToken(c.accessToken())
            .defaultBoardId(c.extra("boardId"))
            .sleeper(d -> {})
            .uploadListener(progress::add)
            .build()) {
      PublishedPost pin =
          pinterest.publish(
              Post.builder()
                  .text("Our launch clip")
                  .addMedia(Media.fromFile(TestMedia.videoFile(dir, "launch.mp4", 512 * 1024)))
                  .option(PinterestOptions.builder().coverImageKeyFrameSeconds(3).build())
                  .build());
      Created post =
          sandbox.created(Platform.PINTEREST, "post").stream()
              .filter(p -> p.id().equals(pin.id()))
              .findFirst()
              .orElseThrow();
      assertThat(post.body().at("/media/media_type").asText()).isEqualTo("video");
      assertThat(sandbox.created(Platform.PINTEREST, "media")).isNotEmpty();
    }
    long processing = progress.stream().filter(p -> p.state() == UploadState.PROCESSING).count();
    assertThat(processing).isGreaterThanOrEqualTo(PinterestEmulator.PROCESSING_POLLS);
    assertThat(progress.get(progress.size() - 1).state()).isEqualTo(UploadState.READY);
    assertThat(progress)
        .extracting(p -> p.platformState().orElse(""))
        .contains("processing", "succeeded");
  }

  @Test
  void metricsGrowBetweenReads(Sandbox sandbox) {
    try (PinterestClient pinterest = client(sandbox)) {
      PostRef ref =
          pinterest
              .publish(
                  Post.builder()
                      .text("m")
                      .addMedia(
                          Media.fromUrl(
                              URI.create("https://cdn.example.com/m.jpg"), MediaKind.IMAGE))
                      .build())
              .ref();
      EngagementMetrics first = pinterest.metrics(ref);
      EngagementMetrics second = pinterest.metrics(ref);
      assertThat(first.impressions()).isPresent();
      assertThat(first.saves()).isPresent();
      assertThat(first.clicks()).isPresent();
      assertThat(first.views()).isPresent();
      assertThat(first.comments()).isPresent();
      assertThat(first.reach()).isEmpty();
      assertThat(second.impressions().getAsLong()).isGreaterThan(first.impressions().getAsLong());
      assertThat(first.raw())
          .containsKeys("IMPRESSION", "OUTBOUND_CLICK", "SAVE_RATE", "daily_metrics");
      assertThatThrownBy(() -> pinterest.metrics(PostRef.of(Platform.PINTEREST, "1")))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void listsBoardsWithBookmarksAndCreatesBoards(Sandbox sandbox) {
    try (PinterestClient pinterest = client(sandbox)) {
      List<Board> before = pinterest.boards().toList();
      assertThat(before).hasSizeGreaterThanOrEqualTo(3);
      assertThat(before.get(0).id())
          .isEqualTo(sandbox.credentials(Platform.PINTEREST).extra("boardId"));
      for (int i = 0; i < 30; i++) {
        pinterest.createBoard(
            "Board " + i, null, i % 2 == 0 ? BoardPrivacy.PUBLIC : BoardPrivacy.SECRET);
      }
      List<io.smo.core.pagination.Page<Board>> pages = new ArrayList<>();
      pinterest.boards().pages().forEach(pages::add);
      assertThat(pages.size()).isGreaterThanOrEqualTo(2);
      assertThat(pinterest.boards().toList())
          .hasSize(before.size() + 30)
          .extracting(Board::name)
          .contains("Board 29");
      Board secret = pinterest.createBoard("Secret stuff", "d", BoardPrivacy.SECRET);
      assertThat(secret.privacy()).isEqualTo(BoardPrivacy.SECRET);
      assertThat(sandbox.created(Platform.PINTEREST, "board"))
          .extracting(Created::id)
          .contains(secret.id());
      String pinBoard = secret.id();
      PublishedPost p =
          pinterest.publish(
              Post.builder()
                  .addMedia(
                      Media.fromUrl(URI.create("https://cdn.example.com/s.jpg"), MediaKind.IMAGE))
                  .option(PinterestOptions.board(pinBoard))
                  .build());
      assertThat(sandbox.created(Platform.PINTEREST, "post"))
          .filteredOn(x -> x.id().equals(p.id()))
          .singleElement()
          .satisfies(x -> assertThat(x.body().get("board_id").asText()).isEqualTo(pinBoard));
    }
  }

  @Test
  void strictModeRejectsRequestsThatBreakTheOfficialSpec(Sandbox sandbox) throws Exception {
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
    String bad =
        "{\"board_id\":\"abc\",\"title\":\""
            + "t".repeat(101)
            + "\",\"media_source\":"
            + "{\"source_type\":\"image_url\"}}";
    okhttp3.Request req =
        new okhttp3.Request.Builder()
            .url(sandbox.baseUrl(Platform.PINTEREST) + "v5/pins")
            .header(
                "Authorization", "Bearer " + sandbox.credentials(Platform.PINTEREST).accessToken())
            .post(okhttp3.RequestBody.create(bad, okhttp3.MediaType.get("application/json")))
            .build();
    try (okhttp3.Response r = http.newCall(req).execute()) {
      assertThat(r.code()).isEqualTo(400);
    }
    assertThat(sandbox.strictViolations())
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v).startsWith("pinterest POST /v5/pins"));
    sandbox.clearStrictViolations();
  }
}
