package io.smo.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Audience;
import io.smo.core.AudienceDimension;
import io.smo.core.Capabilities;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.CrossPoster;
import io.smo.core.EngagementMetrics;
import io.smo.core.Feature;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.PlatformOutcome;
import io.smo.core.Post;
import io.smo.core.PostRef;
import io.smo.core.PublishedPost;
import io.smo.core.SocialClient;
import io.smo.core.Target;
import io.smo.core.exception.ValidationException;
import io.smo.core.pagination.Paginator;
import io.smo.core.resilience.RateLimitSnapshot;
import io.smo.core.text.TextCounting;
import io.smo.core.text.TextLimit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CampaignPlannerTest {

  /** A client that records what it published, under one account. */
  static final class Stub implements SocialClient {
    final Target target;
    final Capabilities caps;
    final List<Post> published = new CopyOnWriteArrayList<>();

    Stub(Platform p, String account, AudienceDimension... dims) {
      target = Target.of(p, account);
      caps =
          Capabilities.builder(p)
              .textLimit(TextLimit.of("text", 500, TextCounting.CODE_POINTS))
              .features(EnumSet.of(Feature.TEXT_ONLY_POSTS))
              .audienceDimensions(
                  dims.length == 0
                      ? EnumSet.noneOf(AudienceDimension.class)
                      : EnumSet.of(dims[0], dims))
              .build();
    }

    @Override
    public Platform platform() {
      return target.platform();
    }

    @Override
    public String accountKey() {
      return target.account();
    }

    @Override
    public Capabilities capabilities() {
      return caps;
    }

    @Override
    public PublishedPost publish(Post post) {
      published.add(post);
      return PublishedPost.builder(
              PostRef.of(target.platform(), target.account() + "-" + published.size()))
          .build();
    }

    @Override
    public void delete(PostRef ref) {}

    @Override
    public EngagementMetrics metrics(PostRef ref) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Paginator<Comment> comments(PostRef ref) {
      return Paginator.empty();
    }

    @Override
    public Comment reply(CommentRef c, String text) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Comment comment(PostRef p, String text) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void moderate(CommentRef c, ModerationAction a) {}

    @Override
    public Optional<RateLimitSnapshot> lastRateLimit() {
      return Optional.empty();
    }

    @Override
    public void close() {}
  }

  final Stub fbGlobal =
      new Stub(Platform.FACEBOOK, "100", AudienceDimension.COUNTRIES, AudienceDimension.LANGUAGES);
  final Stub fbSouth =
      new Stub(Platform.FACEBOOK, "200", AudienceDimension.COUNTRIES, AudienceDimension.LANGUAGES);
  final Stub xSouth = new Stub(Platform.TWITTER, "300");
  final Stub xNorth = new Stub(Platform.TWITTER, "400");
  final Stub tiktok = new Stub(Platform.TIKTOK, "500");

  static final Audience HOT = Audience.builder().countries("ES", "IT", "GR").build();
  static final Audience COLD = Audience.builder().countries("NO", "SE", "FI").build();

  Campaign.Builder heatwave() {
    return Campaign.builder("heatwave")
        .account("fb-global", fbGlobal.target)
        .account("fb-south", fbSouth.target)
        .account("x-south", xSouth.target)
        .account("x-north", xNorth.target)
        .account("tiktok", tiktok.target);
  }

  Campaign good() {
    return heatwave()
        .segment(
            Segment.builder("hot")
                .audience(HOT)
                .message(Post.builder().text("Ice-cold and refreshing").build())
                .accounts("fb-global", "tiktok")
                .assigned("fb-south", "x-south")
                .build())
        .segment(
            Segment.builder("cold")
                .audience(COLD)
                .message(Post.builder().text("A taste of summer days").build())
                .accounts("fb-global")
                .assigned("x-north")
                .build())
        .build();
  }

  CampaignPlanner planner() {
    return CampaignPlanner.of(List.of(fbGlobal, fbSouth, xSouth, xNorth, tiktok));
  }

  @Test
  void onePostPerSegmentAndTargetTargetedWhereThePlatformCanAssignedOrSkippedElsewhere() {
    CampaignPlan plan = planner().plan(good());
    assertThat(plan.rows()).hasSize(6);
    PlannedPost hotGlobal = plan.row("hot", fbGlobal.target).orElseThrow();
    assertThat(hotGlobal.delivery()).isEqualTo(PlannedPost.Delivery.TARGETED);
    assertThat(hotGlobal.post().orElseThrow().audience().countries())
        .containsExactlyInAnyOrder("ES", "IT", "GR");
    assertThat(hotGlobal.post().orElseThrow().idempotencyKey())
        .isEqualTo("heatwave|hot|facebook:100");
    assertThat(plan.row("cold", fbGlobal.target).orElseThrow().post().orElseThrow().text())
        .isEqualTo("A taste of summer days");
    PlannedPost hotX = plan.row("hot", xSouth.target).orElseThrow();
    assertThat(hotX.delivery()).isEqualTo(PlannedPost.Delivery.ASSIGNED);
    assertThat(hotX.post().orElseThrow().audience().hasTargeting()).isFalse();
    PlannedPost hotTikTok = plan.row("hot", tiktok.target).orElseThrow();
    assertThat(hotTikTok.delivery()).isEqualTo(PlannedPost.Delivery.SKIPPED);
    assertThat(hotTikTok.reason())
        .contains("TikTok cannot target [countries]")
        .contains("not assigned to segment 'hot'");
    assertThat(plan.matrix())
        .contains("fb-global")
        .contains("targeted")
        .contains("assigned")
        .contains("skipped hot -> tiktok");
  }

  @Test
  void aReRunOfTheSameCampaignPublishesNothingNewAndOnlyWhatFailedBefore() {
    CampaignPlan plan = planner().plan(good());
    try (CrossPoster poster =
        CrossPoster.builder().addAll(List.of(fbGlobal, fbSouth, xSouth, xNorth, tiktok)).build()) {
      CampaignResult first = CampaignResult.publish(plan, poster);
      assertThat(
              first.rows().stream()
                  .filter(e -> e.getValue() != null)
                  .allMatch(e -> e.getValue().status() == PlatformOutcome.Status.PUBLISHED))
          .isTrue();
      assertThat(fbGlobal.published).hasSize(2);
      assertThat(xSouth.published)
          .extracting(Post::text)
          .containsExactly("Ice-cold and refreshing");
      assertThat(xNorth.published).extracting(Post::text).containsExactly("A taste of summer days");
      CampaignResult again = CampaignResult.publish(planner().plan(good()), poster);
      assertThat(fbGlobal.published).hasSize(2);
      assertThat(fbSouth.published).hasSize(1);
      assertThat(xSouth.published).hasSize(1);
      assertThat(xNorth.published).hasSize(1);
      assertThat(
              again.rows().stream()
                  .filter(e -> e.getValue() != null)
                  .allMatch(e -> e.getValue().status() == PlatformOutcome.Status.PUBLISHED))
          .isTrue();
    }
  }

  @Test
  void identicalTextToTwoXAccountsIsRefusedUnlessAllowedWithAReason() {
    Campaign.Builder same =
        heatwave()
            .segment(
                Segment.builder("hot")
                    .audience(HOT)
                    .message(Post.builder().text("Stay cool!").build())
                    .assigned("x-south")
                    .build())
            .segment(
                Segment.builder("cold")
                    .audience(COLD)
                    .message(Post.builder().text("stay  COOL!").build())
                    .assigned("x-north")
                    .build());
    assertThatThrownBy(() -> planner().plan(same.build()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.rule()).isEqualTo("x-identical-text");
                          assertThat(v.message())
                              .contains("x-south")
                              .contains("x-north")
                              .contains("automation rules");
                        }));
    CampaignPlan allowed =
        planner()
            .plan(same.allowIdenticalTextOnX("x-north is a test account, deleted after").build());
    assertThat(allowed.toPublish()).hasSize(2);
    assertThat(allowed.notes())
        .singleElement()
        .asString()
        .contains("allowed: x-north is a test account");
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    Post msg = Post.builder().text("hello").build();
    Campaign bad =
        heatwave()
            .account("fb-global", fbSouth.target) // listed twice
            .segment(
                Segment.builder("hot")
                    .audience(HOT)
                    .message(msg)
                    .accounts("fb-global", "nowhere", "fb-global")
                    .build())
            .segment(Segment.builder("empty").message(msg).build())
            .segment(
                Segment.builder("warm")
                    .audience(Audience.builder().countries("IT", "PT").build())
                    .message(msg)
                    .accounts("fb-global")
                    .build())
            .segment(
                Segment.builder("odd")
                    .audience(Audience.builder().countries("DE").regions(List.of("FR-75")).build())
                    .message(msg)
                    .accounts("fb-south")
                    .build())
            .build();
    assertThatThrownBy(() -> planner().plan(bad))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              List<String> all = new ArrayList<>();
              e.violations().forEach(v -> all.add(v.field() + " " + v.rule() + " " + v.message()));
              assertThat(all)
                  .anySatisfy(
                      s ->
                          assertThat(s)
                              .contains("accounts.fb-global unique")
                              .contains("listed twice"));
              assertThat(all)
                  .anySatisfy(
                      s ->
                          assertThat(s)
                              .contains("segments[0].accounts known-account")
                              .contains("'nowhere'"));
              assertThat(all)
                  .anySatisfy(
                      s ->
                          assertThat(s)
                              .contains("segments[0].accounts unique")
                              .contains("'fb-global' twice"));
              assertThat(all)
                  .anySatisfy(s -> assertThat(s).contains("segments[1].accounts not-empty"));
              assertThat(all)
                  .anySatisfy(s -> assertThat(s).contains("segments[1].audience not-empty"));
              assertThat(all)
                  .anySatisfy(
                      s ->
                          assertThat(s)
                              .contains("disjoint-audiences")
                              .contains("'hot' and 'warm'"));
              assertThat(all)
                  .anySatisfy(
                      s -> assertThat(s).contains("segments[3].audience.regions contradictory"));
            });
  }

  @Test
  void missingCredentialsForOneAccountSkipsItAndTheOthersGoAhead() {
    CampaignPlan plan =
        CampaignPlanner.of(List.of(fbGlobal, xSouth, xNorth, tiktok))
            .unavailable(fbSouth.target, "no credentials: set SMO_FB_SOUTH_ACCESS_TOKEN")
            .plan(good());
    PlannedPost south = plan.row("hot", fbSouth.target).orElseThrow();
    assertThat(south.delivery()).isEqualTo(PlannedPost.Delivery.SKIPPED);
    assertThat(south.reason()).contains("SMO_FB_SOUTH_ACCESS_TOKEN");
    assertThat(plan.toPublish()).hasSize(4);
  }

  @Test
  void moreThanFiveHundredPairsAreRefusedWithTheCount() {
    Campaign.Builder big = Campaign.builder("big");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      big.account("a" + i, Target.of(Platform.FACEBOOK, "p" + i));
      names.add("a" + i);
    }
    for (int s = 0; s < 20; s++) {
      big.segment(
          Segment.builder("s" + s)
              .audience(Audience.builder().countries(String.format("%c%c", 'A' + s, 'A')).build())
              .message(Post.builder().text("m" + s).build())
              .accounts(names)
              .build());
    }
    assertThatThrownBy(() -> planner().plan(big.build()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .anySatisfy(
                        v -> assertThat(v.message()).contains("520 (segment, target) pairs")));
  }
}
