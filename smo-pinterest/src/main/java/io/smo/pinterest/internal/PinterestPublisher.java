package io.smo.pinterest.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.TransportException;
import io.smo.core.http.ApiRuntime;
import io.smo.core.http.Operation;
import io.smo.core.pagination.Page;
import io.smo.core.pagination.Paginator;
import io.smo.pinterest.Board;
import io.smo.pinterest.BoardPrivacy;
import io.smo.pinterest.PinterestOptions;
import io.smo.pinterest.PinterestRateBucket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import okhttp3.RequestBody;

/**
 * Publishing on Pinterest: Pins ({@code POST /v5/pins}, images inline as streamed base64 or by URL,
 * videos through {@link PinterestUploadProtocol}), deletes, and the boards Pins go to ({@code GET}
 * and {@code POST /v5/boards}). A create is never retried once it may have succeeded. Thread-safe.
 *
 * @see <a href="https://developers.pinterest.com/docs/api/v5/pins-create/">Create Pin</a>
 */
@SmoInternalApi
public final class PinterestPublisher {
  private static final Platform P = Platform.PINTEREST;

  private final ApiRuntime runtime;
  private final PinterestApi api;
  private final PinterestRules rules;
  private final PinterestUploadProtocol uploads;
  private final UnaryOperator<Operation> keyed;

  /**
   * Creates the publisher.
   *
   * @param runtime the runtime
   * @param api the Retrofit service
   * @param rules the rules (for the board a Pin goes to)
   * @param uploads the video upload protocol
   * @param keyed keys an operation to the client's account for rate limiting
   */
  public PinterestPublisher(
      ApiRuntime runtime,
      PinterestApi api,
      PinterestRules rules,
      PinterestUploadProtocol uploads,
      UnaryOperator<Operation> keyed) {
    this.runtime = runtime;
    this.api = api;
    this.rules = rules;
    this.uploads = uploads;
    this.keyed = keyed;
  }

  /**
   * Publishes a validated post as one Pin.
   *
   * @throws PublishOutcomeUnknownException if the answer names no Pin id
   * @throws TransportException if a media file cannot be read
   */
  public PublishedPost publish(Post post) {
    PinterestOptions o = PinterestRules.options(post);
    ObjectNode root = runtime.json().createObjectNode();
    root.put("board_id", rules.board(post));
    o.boardSectionId().ifPresent(s -> root.put("board_section_id", s));
    o.title().ifPresent(t -> root.put("title", t));
    if (!post.text().isEmpty()) {
      root.put("description", post.text());
    }
    PinterestRules.link(post).ifPresent(l -> root.put("link", l));
    PinterestRules.altText(post).ifPresent(a -> root.put("alt_text", a));
    o.dominantColor().ifPresent(c -> root.put("dominant_color", c));
    JsonWithBase64Body.Builder body = JsonWithBase64Body.builder();
    ObjectNode source = root.putObject("media_source");
    List<Media> media = post.media();
    Media first = media.get(0);
    if (first.kind() == MediaKind.VIDEO) {
      String mediaId = uploads.uploadVideo(first);
      source.put("source_type", "video_id").put("media_id", mediaId);
      if (o.coverImageUrl().isPresent()) {
        source.put("cover_image_url", o.coverImageUrl().get().toString());
      } else {
        source.put("cover_image_key_frame_time", o.coverImageKeyFrameSeconds().orElse(0));
      }
    } else if (media.size() == 1) {
      if (first.sourceType() == Media.SourceType.URL) {
        source.put("source_type", "image_url").put("url", first.url().orElseThrow().toString());
      } else {
        source
            .put("source_type", "image_base64")
            .put("content_type", first.mimeType())
            .put("data", body.placeholder(sourceOf(first)));
      }
    } else if (first.sourceType() == Media.SourceType.URL) {
      source.put("source_type", "multiple_image_urls");
      ArrayNode items = source.putArray("items");
      media.forEach(m -> items.addObject().put("url", m.url().orElseThrow().toString()));
    } else {
      source.put("source_type", "multiple_image_base64");
      ArrayNode items = source.putArray("items");
      for (Media m : media) {
        items
            .addObject()
            .put("content_type", m.mimeType())
            .put("data", body.placeholder(sourceOf(m)));
      }
    }
    RequestBody request;
    try {
      request = body.build(runtime.json(), root);
    } catch (IOException e) {
      throw new TransportException(P, "publish", "cannot read media: " + e.getMessage(), e, false);
    }
    PinterestDtos.Pin pin =
        runtime.call(
            keyed.apply(Operation.create("publish", PinterestRateBucket.ORG_WRITE)),
            () -> api.createPin(request));
    if (pin == null || pin.id() == null) {
      throw new PublishOutcomeUnknownException(
          P,
          "publish",
          "Pinterest answered without a Pin id; the Pin may exist",
          null,
          null,
          List.of(),
          null);
    }
    return PinterestMapper.published(pin, runtime.clock().instant());
  }

  private static JsonWithBase64Body.Source sourceOf(Media m) {
    if (m.sourceType() == Media.SourceType.FILE) {
      return JsonWithBase64Body.Source.of(m.file().orElseThrow());
    }
    return JsonWithBase64Body.Source.of(m.bytes().orElseThrow());
  }

  /** {@code DELETE /v5/pins/{id}}. */
  public void delete(PostRef ref) {
    runtime.call(
        keyed.apply(Operation.write("delete", PinterestRateBucket.ORG_WRITE)),
        () -> api.deletePin(ref.id()));
  }

  /** Lists the account's boards ({@code GET /v5/boards}, bookmark paging, 25 per page), lazily. */
  public Paginator<Board> boards() {
    return Paginator.of(
        bookmark -> {
          PinterestDtos.BoardPage r =
              runtime.call(
                  keyed.apply(Operation.read("list boards", PinterestRateBucket.ORG_READ)),
                  () -> api.listBoards(bookmark, 25));
          List<Board> items = new ArrayList<>();
          if (r != null && r.items() != null) {
            r.items().forEach(b -> items.add(PinterestMapper.board(b)));
          }
          return Page.of(items, r == null ? null : r.bookmark());
        });
  }

  /**
   * Creates a board ({@code POST /v5/boards}); name and privacy checked by the caller.
   *
   * @throws PublishOutcomeUnknownException if the answer names no board id
   */
  public Board createBoard(String name, String description, BoardPrivacy privacy) {
    PinterestDtos.CreateBoardRequest body =
        new PinterestDtos.CreateBoardRequest(
            name, description, privacy == null ? null : privacy.name());
    PinterestDtos.Board b =
        runtime.call(
            keyed.apply(Operation.create("create board", PinterestRateBucket.ORG_WRITE)),
            () -> api.createBoard(body));
    if (b == null || b.id() == null) {
      throw new PublishOutcomeUnknownException(
          P,
          "create board",
          "Pinterest answered without a board id; the board may exist",
          null,
          null,
          List.of(),
          null);
    }
    return PinterestMapper.board(b);
  }
}
