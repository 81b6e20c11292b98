package io.smo.tiktok.internal;

import io.smo.core.Media;
import io.smo.core.MediaKind;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.SmoInternalApi;
import io.smo.core.Violation;
import io.smo.core.Visibility;
import io.smo.tiktok.CreatorInfo;
import io.smo.tiktok.TikTokCapabilities;
import io.smo.tiktok.TikTokOptions;
import io.smo.tiktok.TikTokOptions.Mode;
import io.smo.tiktok.TikTokOptions.PrivacyLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TikTok's rules for a post, checked offline (no I/O): the privacy level is chosen explicitly for
 * direct posts and agrees with the audience, no link, photos by URL only, videos from a file or a
 * URL and small enough for the 1,000-chunk upload, photo title length, cover index, branded content
 * not private; and, once {@code creator_info} is known, the creator's own options. Immutable.
 *
 * @see <a href="https://developers.tiktok.com/doc/content-sharing-guidelines">Content sharing
 *     guidelines</a>
 * @see <a href="https://developers.tiktok.com/doc/content-posting-api-reference-direct-post">Direct
 *     Post</a>
 */
@SmoInternalApi
public final class TikTokRules {
  private static final Platform P = Platform.TIKTOK;

  private final TikTokUploadProtocol.ChunkPlan.Rules chunkRules;

  /**
   * Creates the rules.
   *
   * @param chunkRules the chunk bounds the upload obeys (the largest video follows from them)
   */
  public TikTokRules(TikTokUploadProtocol.ChunkPlan.Rules chunkRules) {
    this.chunkRules = chunkRules;
  }

  /** Returns the chunk bounds. */
  public TikTokUploadProtocol.ChunkPlan.Rules chunkRules() {
    return chunkRules;
  }

  /**
   * Returns the TikTok-specific violations of {@code post} (core rules are checked elsewhere).
   *
   * @return the violations; empty when the post obeys TikTok's offline rules
   */
  public List<Violation> violations(Post post) {
    List<Violation> out = new ArrayList<>();
    Optional<TikTokOptions> opt = post.options(TikTokOptions.class);
    Mode mode = opt.map(TikTokOptions::mode).orElse(Mode.DIRECT_POST);
    Optional<PrivacyLevel> privacy = opt.flatMap(TikTokOptions::privacyLevel);
    if (mode == Mode.DIRECT_POST && privacy.isEmpty()) {
      out.add(
          Violation.of(
              P,
              "tiktok.privacyLevel",
              "required",
              null,
              "PUBLIC_TO_EVERYONE|MUTUAL_FOLLOW_FRIENDS|FOLLOWER_OF_CREATOR|SELF_ONLY",
              "TikTok needs the privacy level the user chose (TikTokOptions.privacyLevel); it is never"
                  + " defaulted"));
    }
    Visibility v = post.audience().visibility();
    if (v != Visibility.PUBLIC
        && privacy.isPresent()
        && TikTokMapper.privacyFor(v).filter(p -> p == privacy.get()).isEmpty()) {
      out.add(
          Violation.of(
              P,
              "audience.visibility",
              "visibility-conflict",
              v,
              privacy.get(),
              "audience visibility "
                  + v
                  + " contradicts the TikTok privacy level "
                  + privacy.get()));
    }
    if (post.link().isPresent()) {
      out.add(
          Violation.of(
              P,
              "link",
              "link-unsupported",
              post.link().get(),
              null,
              "TikTok posts carry no link; put it in the text"));
    }
    for (int i = 0; i < post.media().size(); i++) {
      Media m = post.media().get(i);
      if (m.kind() == MediaKind.IMAGE && m.sourceType() != Media.SourceType.URL) {
        out.add(
            Violation.of(
                P,
                "media[" + i + "]",
                "pull-from-url-only",
                m.describe(),
                null,
                "TikTok photo posts take images by URL only (PULL_FROM_URL from a verified domain)"));
      }
      if (m.kind() == MediaKind.VIDEO && m.sourceType() == Media.SourceType.BYTES) {
        out.add(
            Violation.of(
                P,
                "media[" + i + "]",
                "video-source",
                "bytes",
                null,
                "TikTok videos are uploaded from a file or pulled from a URL, not from memory"));
      }
      if (m.kind() == MediaKind.VIDEO
          && m.sourceType() == Media.SourceType.FILE
          && m.sizeBytes() > chunkRules.maxVideoSize()) {
        out.add(
            Violation.of(
                P,
                "media[" + i + "]",
                "max-chunks",
                m.sizeBytes(),
                chunkRules.maxVideoSize(),
                "video too large for TikTok's 1,000-chunk upload"));
      }
    }
    opt.ifPresent(
        o -> {
          o.photoTitle()
              .ifPresent(
                  t -> {
                    int n = t.length();
                    if (n > TikTokCapabilities.MAX_PHOTO_TITLE) {
                      out.add(
                          Violation.of(
                              P,
                              "tiktok.photoTitle",
                              "max-length",
                              n,
                              TikTokCapabilities.MAX_PHOTO_TITLE,
                              "photo title is too long (UTF-16 units)"));
                    }
                  });
          long photos = post.media().stream().filter(m -> m.kind() == MediaKind.IMAGE).count();
          if (o.photoCoverIndex().isPresent()
              && o.photoCoverIndex().getAsInt() >= Math.max(1, photos)) {
            out.add(
                Violation.of(
                    P,
                    "tiktok.photoCoverIndex",
                    "out-of-range",
                    o.photoCoverIndex().getAsInt(),
                    photos,
                    "cover index is past the last photo"));
          }
          if (o.brandContent() && o.privacyLevel().orElse(null) == PrivacyLevel.SELF_ONLY) {
            out.add(
                Violation.of(
                    P,
                    "tiktok.brandContent",
                    "branded-content-private",
                    "SELF_ONLY",
                    null,
                    "branded content cannot be private (SELF_ONLY)"));
          }
        });
    return out;
  }

  /**
   * Checks a direct post against the creator's current options.
   *
   * @return the violations; empty when TikTok should accept the post
   */
  public List<Violation> creatorViolations(Post post, TikTokOptions o, CreatorInfo c) {
    List<Violation> out = new ArrayList<>();
    PrivacyLevel p = o.privacyLevel().orElse(null);
    if (p != null && !c.privacyLevelOptions().contains(p)) {
      out.add(
          Violation.of(
              P,
              "tiktok.privacyLevel",
              "privacy-level-option",
              p,
              c.privacyLevelOptions(),
              "the creator's account does not offer "
                  + p
                  + " (unaudited apps and private accounts are limited to SELF_ONLY and the like)"));
    }
    boolean video = post.media().stream().anyMatch(m -> m.kind() == MediaKind.VIDEO);
    if (c.commentDisabled() && o.disableComment().equals(Optional.of(false))) {
      out.add(
          Violation.of(
              P,
              "tiktok.disableComment",
              "creator-disabled",
              false,
              true,
              "the creator disabled comments; they cannot be turned on for this post"));
    }
    if (video && c.duetDisabled() && o.disableDuet().equals(Optional.of(false))) {
      out.add(
          Violation.of(
              P,
              "tiktok.disableDuet",
              "creator-disabled",
              false,
              true,
              "the creator disabled duets; they cannot be turned on for this post"));
    }
    if (video && c.stitchDisabled() && o.disableStitch().equals(Optional.of(false))) {
      out.add(
          Violation.of(
              P,
              "tiktok.disableStitch",
              "creator-disabled",
              false,
              true,
              "the creator disabled stitches; they cannot be turned on for this post"));
    }
    if (video && c.maxVideoDuration().isPresent()) {
      for (int i = 0; i < post.media().size(); i++) {
        Media m = post.media().get(i);
        if (m.sourceType() != Media.SourceType.FILE) {
          continue;
        }
        Optional<Duration> d;
        try {
          d = m.info().duration();
        } catch (RuntimeException e) {
          d = Optional.empty();
        }
        Duration max = c.maxVideoDuration().get();
        if (d.isPresent() && d.get().compareTo(max) > 0) {
          out.add(
              Violation.of(
                  P,
                  "media[" + i + "]",
                  "creator-max-duration",
                  d.get(),
                  max,
                  "video is longer than this creator may post"));
        }
      }
    }
    return out;
  }
}
