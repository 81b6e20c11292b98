package io.smo.tiktok;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.smo.core.Comment;
import io.smo.core.CommentRef;
import io.smo.core.Feature;
import io.smo.core.ModerationAction;
import io.smo.core.Platform;
import io.smo.core.PostRef;
import io.smo.core.exception.AuthenticationException;
import io.smo.core.exception.PublishOutcomeUnknownException;
import io.smo.core.exception.RateLimitException;
import io.smo.core.exception.UnsupportedFeatureException;
import io.smo.core.exception.ValidationException;
import io.smo.core.inbox.Direction;
import io.smo.core.inbox.InboxComment;
import io.smo.core.inbox.InboxItem;
import io.smo.core.inbox.InboxItemKind;
import io.smo.core.resilience.RateLimitPolicy;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Comments of a TikTok Business account through the TikTok API for Business (issue #20): every
 * operation, its request shape (the {@code Access-Token} header, never the Content Posting token),
 * the answer shapes documented by sns-sdks/python-tiktok ({@code create_time} a string in lists, a
 * number in create answers), and the refusals: 40100 waits and retries, 40105 is a rejected token,
 * a server fault on a reply is UNKNOWN and never re-sent, bad input is refused before any call.
 */
class TikTokBusinessCommentsWireMockTest {
  static WireMockServer wm;

  /**
   * The list answer documented in sns-sdks/python-tiktok docs/usage/business_account/comment.md.
   */
  static final String DOCS_LIST =
      "{\"code\":0,\"message\":\"OK\",\"request_id\":\"20220701072655010002007637004005006003006134680EF\","
          + "\"data\":{\"has_more\":false,\"comments\":[{\"video_id\":\"7109065174526479622\",\"liked\":false,"
          + "\"pinned\":false,\"user_id\":\"367b786990e8dcebcf493e035b820f5be4834422511c851b3bd0010f9690adbc\","
          + "\"text\":\"nice\",\"replies\":11,\"username\":\"phoenix202312121\",\"status\":\"PUBLIC\",\"likes\":0,"
          + "\"create_time\":\"1655461098\",\"owner\":false,\"comment_id\":\"7110150495453840130\","
          + "\"profile_image\":\"https://p16-sign-sg.tiktokcdn.com/tiktok-obj/1666477470268417~c5_168x168.jpeg\"},"
          + "{\"video_id\":\"7109065174526479622\",\"liked\":false,\"pinned\":false,"
          + "\"user_id\":\"6faa870ee45c1f68a2d98d50e09f222a04069380c1032f1919f3ffe25be1f085\",\"text\":\"xxxxxxxx\","
          + "\"replies\":0,\"username\":\"klein_kunkun\",\"status\":\"PUBLIC\",\"likes\":0,"
          + "\"create_time\":\"1655870005\",\"owner\":false,\"comment_id\":\"7111907185164763905\","
          + "\"profile_image\":\"https://p16-sign-sg.tiktokcdn.com/tiktok-obj/7046311066329939970~c5_168x168.jpeg\"}],"
          + "\"cursor\":2}}";

  /** The reply-list answer documented in the same file. */
  static final String DOCS_REPLIES =
      "{\"code\":0,\"message\":\"OK\",\"request_id\":\"202207010730350100020060050050060030001099BEF5\","
          + "\"data\":{\"has_more\":false,\"cursor\":1,\"comments\":[{\"profile_image\":\"https://p16-sign-sg.tiktokcdn.com/x.jpeg\","
          + "\"create_time\":\"1656660622\",\"video_id\":\"7109065174526479622\",\"status\":\"PUBLIC\",\"owner\":false,"
          + "\"comment_id\":\"7115302925501563650\",\"likes\":0,\"parent_comment_id\":\"7111907185164763905\","
          + "\"username\":\"klein_kunkun\",\"text\":\"hh\",\"liked\":false,"
          + "\"user_id\":\"6faa870ee45c1f68a2d98d50e09f222a04069380c1032f1919f3ffe25be1f085\"}]}}";

  /** The create answer documented in the same file. */
  static final String DOCS_CREATED =
      "{\"code\":0,\"message\":\"Ok\",\"request_id\":\"20210817034316010245031056097316BA\","
          + "\"data\":{\"comment_id\":\"6990565363377392901\",\"video_id\":\"6990565363377392901\","
          + "\"create_time\":1627617835,\"text\":\"this is a comment\"}}";

  static final String OK_EMPTY =
      "{\"code\":0,\"message\":\"Ok\",\"request_id\":\"20210817034316010245031056097316BA\",\"data\":{}}";

  static String refusal(long code, String message) {
    return "{\"code\":"
        + code
        + ",\"message\":\""
        + message
        + "\",\"request_id\":\"2022070107\",\"data\":{}}";
  }

  @BeforeAll
  static void start() {
    wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
  }

  @AfterAll
  static void stop() {
    wm.stop();
  }

  @BeforeEach
  void reset() {
    wm.resetAll();
  }

  TikTokClient.Builder builder(boolean business) {
    TikTokClient.Builder b =
        TikTokClient.builder()
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .accessToken("act.content-posting")
            .accountId("open-1")
            .sleeper(d -> {})
            .rateLimitPolicy(RateLimitPolicy.unlimited());
    if (business) {
      b.businessAccount(
          TikTokBusinessAccount.builder()
              .businessId("biz-1")
              .accessToken("act.business")
              .baseUrl(URI.create(wm.baseUrl() + "/open_api/v1.3"))
              .recentVideos(2)
              .build());
    }
    return b;
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }

  @Test
  void withoutTheOptionEveryCommentOperationIsRefusedOfflineAndCapabilitiesSaySo() {
    try (TikTokClient c = builder(false).build()) {
      PostRef v = PostRef.of(Platform.TIKTOK, "7109065174526479622");
      CommentRef cr = CommentRef.of(Platform.TIKTOK, "7109065174526479622_7110150495453840130");
      assertThatThrownBy(() -> c.comments(v)).isInstanceOf(UnsupportedFeatureException.class);
      assertThatThrownBy(() -> c.reply(cr, "hi")).isInstanceOf(UnsupportedFeatureException.class);
      assertThatThrownBy(() -> c.moderate(cr, ModerationAction.HIDE))
          .isInstanceOf(UnsupportedFeatureException.class);
      assertThatThrownBy(c::commentStream)
          .isInstanceOf(UnsupportedFeatureException.class)
          .hasMessageContaining("businessAccount");
      assertThat(c.capabilities().supports(Feature.COMMENTS)).isFalse();
      assertThat(c.inboxKinds()).isEmpty();
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void withTheOptionCapabilitiesOfferCommentsAndTheStreamButNoMessagesOrMentions() {
    try (TikTokClient c = builder(true).build()) {
      assertThat(c.capabilities().features())
          .contains(
              Feature.COMMENTS,
              Feature.REPLY,
              Feature.HIDE_COMMENTS,
              Feature.DELETE_COMMENTS,
              Feature.COMMENT_STREAM)
          .doesNotContain(Feature.CONVERSATIONS, Feature.MENTIONS, Feature.SEND_MESSAGES);
      assertThat(c.inboxKinds()).containsExactly(InboxItemKind.COMMENT);
      assertThatThrownBy(c::conversations)
          .isInstanceOf(UnsupportedFeatureException.class)
          .hasMessageContaining("Business Messaging");
    }
  }

  @Test
  void listsTheDocumentedAnswerWithTheBusinessTokenOnlyAndMapsEveryField() {
    wm.stubFor(
        get(urlPathEqualTo("/open_api/v1.3/business/comment/list/")).willReturn(json(DOCS_LIST)));
    wm.stubFor(
        get(urlPathEqualTo("/open_api/v1.3/business/comment/reply/list/"))
            .willReturn(json(DOCS_REPLIES)));
    List<Comment> got = new ArrayList<>();
    try (TikTokClient c = builder(true).build()) {
      c.comments(PostRef.of(Platform.TIKTOK, "7109065174526479622")).forEach(got::add);
    }
    // "nice" has 11 replies, none included: its replies are read (the docs' reply list: "hh")
    assertThat(got).extracting(Comment::text).containsExactly("nice", "hh", "xxxxxxxx");
    Comment first = got.get(0);
    assertThat(first.ref().id()).isEqualTo("7109065174526479622_7110150495453840130");
    assertThat(first.text()).isEqualTo("nice");
    assertThat(first.authorId())
        .hasValue("367b786990e8dcebcf493e035b820f5be4834422511c851b3bd0010f9690adbc");
    assertThat(first.authorName()).hasValue("phoenix202312121");
    assertThat(first.createdAt()).hasValue(Instant.ofEpochSecond(1655461098));
    assertThat(first.replyCount()).hasValue(11);
    assertThat(first.hidden()).isFalse();
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo("/open_api/v1.3/business/comment/list/"))
            .withHeader("Access-Token", equalTo("act.business"))
            .withHeader("Authorization", absent())
            .withQueryParam("business_id", equalTo("biz-1"))
            .withQueryParam("video_id", equalTo("7109065174526479622"))
            .withQueryParam("status", equalTo("ALL"))
            .withQueryParam("include_replies", equalTo("true"))
            .withQueryParam("max_count", equalTo("30")));
  }

  @Test
  void replySendsTheDocumentedBodyAndReadsTheNumericCreateTime() {
    wm.stubFor(
        post(urlPathEqualTo("/open_api/v1.3/business/comment/reply/create/"))
            .willReturn(json(DOCS_CREATED)));
    try (TikTokClient c = builder(true).build()) {
      Comment r =
          c.reply(
              CommentRef.of(Platform.TIKTOK, "7109065174526479622_7110150495453840130"), "Thanks!");
      assertThat(r.createdAt()).hasValue(Instant.ofEpochSecond(1627617835));
      assertThat(r.text()).isEqualTo("this is a comment");
      assertThat(r.parentId()).hasValue("7109065174526479622_7110150495453840130");
    }
    wm.verify(
        postRequestedFor(urlPathEqualTo("/open_api/v1.3/business/comment/reply/create/"))
            .withHeader("Access-Token", equalTo("act.business"))
            .withHeader("Authorization", absent())
            .withRequestBody(
                equalToJson(
                    "{\"business_id\":\"biz-1\",\"video_id\":\"7109065174526479622\","
                        + "\"comment_id\":\"7110150495453840130\",\"text\":\"Thanks!\"}")));
  }

  @Test
  void badInputIsRefusedBeforeAnyCall() {
    wm.stubFor(
        post(urlPathEqualTo("/open_api/v1.3/business/comment/reply/create/"))
            .willReturn(json(DOCS_CREATED)));
    try (TikTokClient c = builder(true).build()) {
      CommentRef ok = CommentRef.of(Platform.TIKTOK, "7109065174526479622_7110150495453840130");
      assertThatThrownBy(() -> c.reply(ok, "x".repeat(151)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("150");
      assertThatThrownBy(() -> c.reply(ok, " ")).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> c.reply(CommentRef.of(Platform.TIKTOK, "7110150495453840130"), "hi"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("video");
      assertThatThrownBy(() -> c.reply(CommentRef.of(Platform.YOUTUBE, "a_b"), "hi"))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> c.comment(PostRef.of(Platform.TIKTOK, "v_pub_file~123"), "hi"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("publish_id");
      wm.verify(0, anyRequestedFor(anyUrl()));
      assertThat(c.reply(ok, "x".repeat(150))).isNotNull(); // exactly 150 goes to TikTok
    }
    wm.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void rateLimitCode40100InA200WaitsAndRetriesEvenForAReply() {
    wm.stubFor(
        post(urlPathEqualTo("/open_api/v1.3/business/comment/reply/create/"))
            .inScenario("rl")
            .whenScenarioStateIs(STARTED)
            .willReturn(json(refusal(40100, "Too many requests.")))
            .willSetStateTo("ok"));
    wm.stubFor(
        post(urlPathEqualTo("/open_api/v1.3/business/comment/reply/create/"))
            .inScenario("rl")
            .whenScenarioStateIs("ok")
            .willReturn(json(DOCS_CREATED)));
    try (TikTokClient c = builder(true).build()) {
      c.reply(CommentRef.of(Platform.TIKTOK, "7109065174526479622_7110150495453840130"), "hi");
    }
    wm.verify(2, postRequestedFor(urlPathEqualTo("/open_api/v1.3/business/comment/reply/create/")));
  }

  @Test
  void persistentRateLimitIsARateLimitException() {
    wm.stubFor(
        get(urlPathEqualTo("/open_api/v1.3/business/comment/list/"))
            .willReturn(json(refusal(40100, "Too many requests."))));
    try (TikTokClient c = builder(true).build()) {
      assertThatThrownBy(
              () ->
                  c.comments(PostRef.of(Platform.TIKTOK, "7109065174526479622")).iterator().next())
          .isInstanceOf(RateLimitException.class)
          .hasMessageContaining("40100");
    }
  }

  @Test
  void serverFaultOnAReplyIsUnknownAndNeverResent() {
    wm.stubFor(
        post(urlPathEqualTo("/open_api/v1.3/business/comment/reply/create/"))
            .willReturn(json(refusal(50000, "Internal error."))));
    try (TikTokClient c = builder(true).build()) {
      assertThatThrownBy(
              () ->
                  c.reply(
                      CommentRef.of(Platform.TIKTOK, "7109065174526479622_7110150495453840130"),
                      "hi"))
          .isInstanceOf(PublishOutcomeUnknownException.class);
    }
    wm.verify(1, postRequestedFor(urlPathEqualTo("/open_api/v1.3/business/comment/reply/create/")));
  }

  @Test
  void serverFaultOnAListIsRetried() {
    wm.stubFor(
        get(urlPathEqualTo("/open_api/v1.3/business/comment/reply/list/"))
            .willReturn(json(DOCS_REPLIES)));
    wm.stubFor(
        get(urlPathEqualTo("/open_api/v1.3/business/comment/list/"))
            .inScenario("5xx")
            .whenScenarioStateIs(STARTED)
            .willReturn(json(refusal(50000, "Internal error.")))
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlPathEqualTo("/open_api/v1.3/business/comment/list/"))
            .inScenario("5xx")
            .whenScenarioStateIs("ok")
            .willReturn(json(DOCS_LIST)));
    try (TikTokClient c = builder(true).build()) {
      assertThat(c.comments(PostRef.of(Platform.TIKTOK, "7109065174526479622")).iterator().next())
          .isNotNull();
    }
    wm.verify(2, getRequestedFor(urlPathEqualTo("/open_api/v1.3/business/comment/list/")));
  }

  @Test
  void revokedTokenIsAnAuthenticationExceptionWithoutTheToken() {
    wm.stubFor(
        post(urlPathEqualTo("/open_api/v1.3/business/comment/hide/"))
            .willReturn(json(refusal(40105, "Access token is incorrect or has been revoked."))));
    try (TikTokClient c = builder(true).build()) {
      assertThatThrownBy(
              () ->
                  c.moderate(
                      CommentRef.of(Platform.TIKTOK, "7109065174526479622_7110150495453840130"),
                      ModerationAction.HIDE))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("40105")
          .hasMessageNotContaining("act.business");
    }
  }

  @Test
  void hideUnhideAndDeleteSendTheDocumentedBodies() {
    wm.stubFor(
        post(urlPathEqualTo("/open_api/v1.3/business/comment/hide/")).willReturn(json(OK_EMPTY)));
    wm.stubFor(
        post(urlPathEqualTo("/open_api/v1.3/business/comment/delete/")).willReturn(json(OK_EMPTY)));
    CommentRef ref = CommentRef.of(Platform.TIKTOK, "7109065174526479622_7110150495453840130");
    try (TikTokClient c = builder(true).build()) {
      c.moderate(ref, ModerationAction.HIDE);
      c.moderate(ref, ModerationAction.UNHIDE);
      c.moderate(ref, ModerationAction.DELETE);
    }
    wm.verify(
        postRequestedFor(urlPathEqualTo("/open_api/v1.3/business/comment/hide/"))
            .withRequestBody(
                equalToJson(
                    "{\"business_id\":\"biz-1\",\"video_id\":\"7109065174526479622\","
                        + "\"comment_id\":\"7110150495453840130\",\"action\":\"HIDE\"}")));
    wm.verify(
        postRequestedFor(urlPathEqualTo("/open_api/v1.3/business/comment/hide/"))
            .withRequestBody(equalToJson("{\"action\":\"UNHIDE\"}", true, true)));
    wm.verify(
        postRequestedFor(urlPathEqualTo("/open_api/v1.3/business/comment/delete/"))
            .withRequestBody(
                equalToJson("{\"business_id\":\"biz-1\",\"comment_id\":\"7110150495453840130\"}")));
  }

  @Test
  void commentStreamReadsRecentVideosAllRepliesAndOrdersNewestFirst() {
    wm.stubFor(
        get(urlPathEqualTo("/open_api/v1.3/business/video/list/"))
            .willReturn(
                json(
                    "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{\"has_more\":false,"
                        + "\"cursor\":1655118106000,\"videos\":[{\"item_id\":\"7109065174526479622\"}]}}")));
    wm.stubFor(
        get(urlPathEqualTo("/open_api/v1.3/business/comment/list/")).willReturn(json(DOCS_LIST)));
    wm.stubFor(
        get(urlPathEqualTo("/open_api/v1.3/business/comment/reply/list/"))
            .willReturn(json(DOCS_REPLIES)));
    List<InboxComment> got = new ArrayList<>();
    try (TikTokClient c = builder(true).build()) {
      c.commentStream().forEach(got::add);
      // the reply list holds klein_kunkun's "hh" (1656660622), the newest item
      assertThat(got).extracting(x -> x.comment().text()).containsExactly("hh", "xxxxxxxx", "nice");
      assertThat(got).allMatch(x -> x.account().equals("open-1"));
      assertThat(got).allMatch(x -> x.direction() == Direction.INBOUND);
      assertThat(got.get(0).comment().parentId())
          .hasValue("7109065174526479622_7111907185164763905");
      // answering a reply item replies in its thread, to the top-level comment
      wm.stubFor(
          post(urlPathEqualTo("/open_api/v1.3/business/comment/reply/create/"))
              .willReturn(json(DOCS_CREATED)));
      InboxItem answer = c.answer(got.get(0), "Thanks!");
      assertThat(answer.direction()).isEqualTo(Direction.OUTBOUND);
    }
    // "nice" has 11 replies but none included: its replies are read; "xxxxxxxx" has 0 (not read)
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo("/open_api/v1.3/business/comment/reply/list/"))
            .withQueryParam("comment_id", equalTo("7110150495453840130")));
    wm.verify(
        postRequestedFor(urlPathEqualTo("/open_api/v1.3/business/comment/reply/create/"))
            .withRequestBody(equalToJson("{\"comment_id\":\"7111907185164763905\"}", true, true)));
    wm.verify(
        getRequestedFor(urlPathEqualTo("/open_api/v1.3/business/video/list/"))
            .withQueryParam(
                "fields", equalTo("[\"item_id\",\"create_time\",\"caption\",\"comments\"]")));
  }

  @Test
  void oddButLegalCommentsAreKeptAndSayWhatWasDropped() {
    wm.stubFor(
        get(urlPathEqualTo("/open_api/v1.3/business/video/list/"))
            .willReturn(
                json(
                    "{\"code\":0,\"message\":\"OK\",\"data\":{\"has_more\":false,"
                        + "\"videos\":[{\"item_id\":\"71\"}]}}")));
    wm.stubFor(
        get(urlPathEqualTo("/open_api/v1.3/business/comment/list/"))
            .willReturn(
                json(
                    "{\"code\":0,\"message\":\"OK\",\"data\":{\"has_more\":false,\"comments\":["
                        + "{\"comment_id\":\"1\",\"text\":\"no author, no time\",\"status\":\"HIDDEN\"},"
                        + "{\"text\":\"no id: dropped\"},null,"
                        + "{\"comment_id\":\"2\",\"text\":\"mine\",\"owner\":true,\"create_time\":5,"
                        + "\"unknown_future_field\":{\"x\":1}}]}}")));
    List<InboxComment> got = new ArrayList<>();
    List<io.smo.core.event.InboxDropEvent> drops = new ArrayList<>();
    try (TikTokClient c =
        builder(true)
            .listener(
                new io.smo.core.event.SmoListener() {
                  @Override
                  public void onInboxDrop(io.smo.core.event.InboxDropEvent e) {
                    drops.add(e);
                  }
                })
            .build()) {
      c.commentStream().forEach(got::add);
    }
    assertThat(got).hasSize(2);
    // the comment without an id and the null element are left out whole, and said so
    assertThat(drops).hasSize(2).allMatch(d -> d.reason().contains("comment_id"));
    InboxComment odd =
        got.stream().filter(x -> x.comment().id().equals("71_1")).findFirst().orElseThrow();
    assertThat(odd.dropped()).anyMatch(n -> n.contains("create_time"));
    assertThat(odd.dropped()).anyMatch(n -> n.contains("author"));
    assertThat(odd.comment().hidden()).isTrue();
    InboxComment mine =
        got.stream().filter(x -> x.comment().id().equals("71_2")).findFirst().orElseThrow();
    assertThat(mine.direction()).isEqualTo(Direction.OUTBOUND);
  }

  /** The token answer in sns-sdks/python-tiktok testsdata/business/access_token/token_resp.json. */
  static final String DOCS_TOKEN =
      "{\"code\":0,\"message\":\"OK\",\"request_id\":\"202403040357439E497F7E6668D60F2700\","
          + "\"data\":{\"access_token\":\"act.token\",\"expires_in\":86400,\"open_id\":\"openid\","
          + "\"refresh_token\":\"rft.token\",\"refresh_token_expires_in\":31536000,"
          + "\"scope\":\"video.publish,comment.list.manage,video.insights,video.list,user.insights,"
          + "user.info.basic,user.info.username,comment.list,user.account.type,user.info.stats\","
          + "\"token_type\":\"Bearer\"}}";

  TikTokBusinessOAuth oauth() {
    return TikTokBusinessOAuth.create(
        "app-1",
        "secret-1",
        URI.create("https://app.example.com/cb"),
        io.smo.core.HttpSettings.defaults(),
        URI.create(wm.baseUrl() + "/open_api/v1.3"));
  }

  @Test
  void businessOAuthSendsTheDocumentedBodiesAndReadsTheDocumentedAnswer() {
    wm.stubFor(
        post(urlPathEqualTo("/open_api/v1.3/tt_user/oauth2/token/")).willReturn(json(DOCS_TOKEN)));
    wm.stubFor(
        post(urlPathEqualTo("/open_api/v1.3/tt_user/oauth2/refresh_token/"))
            .willReturn(json(DOCS_TOKEN)));
    try (TikTokBusinessOAuth o = oauth()) {
      TikTokBusinessOAuth.BusinessToken t = o.exchange("code-1");
      assertThat(t.businessId()).isEqualTo("openid");
      assertThat(t.token().value()).isEqualTo("act.token");
      assertThat(t.token().refreshToken()).hasValue("rft.token");
      assertThat(t.token().refreshTokenExpiresAt()).isPresent();
      assertThat(t.token().scopes()).contains("comment.list.manage");
      o.refresh(t.token());
    }
    wm.verify(
        postRequestedFor(urlPathEqualTo("/open_api/v1.3/tt_user/oauth2/token/"))
            .withHeader("Authorization", absent())
            .withRequestBody(
                equalToJson(
                    "{\"client_id\":\"app-1\",\"client_secret\":\"secret-1\","
                        + "\"grant_type\":\"authorization_code\",\"auth_code\":\"code-1\","
                        + "\"redirect_uri\":\"https://app.example.com/cb\"}")));
    wm.verify(
        postRequestedFor(urlPathEqualTo("/open_api/v1.3/tt_user/oauth2/refresh_token/"))
            .withRequestBody(
                equalToJson(
                    "{\"client_id\":\"app-1\",\"client_secret\":\"secret-1\","
                        + "\"grant_type\":\"refresh_token\",\"refresh_token\":\"rft.token\"}")));
  }

  @Test
  void aLostCodeExchangeIsNeverResentAndARefusalIsAnAuthenticationFailure() {
    wm.stubFor(
        post(urlPathEqualTo("/open_api/v1.3/tt_user/oauth2/token/"))
            .willReturn(json(refusal(50000, "Internal error."))));
    try (TikTokBusinessOAuth o = oauth()) {
      assertThatThrownBy(() -> o.exchange("code-1"))
          .isInstanceOf(PublishOutcomeUnknownException.class);
      wm.verify(1, postRequestedFor(urlPathEqualTo("/open_api/v1.3/tt_user/oauth2/token/")));
      wm.stubFor(
          post(urlPathEqualTo("/open_api/v1.3/tt_user/oauth2/token/"))
              .willReturn(json(refusal(40110, "Invalid auth code."))));
      assertThatThrownBy(() -> o.exchange("code-2"))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("40110")
          .hasMessageNotContaining("secret-1")
          .hasMessageNotContaining("code-2");
      assertThatThrownBy(() -> o.refresh(io.smo.core.auth.AccessToken.of("no-refresh")))
          .isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  void v2ErrorEnvelopeInA200IsRetriedAtTheStatusItStandsFor() {
    wm.stubFor(
        get(urlPathEqualTo("/v2/user/info/"))
            .inScenario("v2")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                json(
                    "{\"data\":{},\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"slow down\","
                        + "\"log_id\":\"L1\"}}"))
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlPathEqualTo("/v2/user/info/"))
            .inScenario("v2")
            .whenScenarioStateIs("ok")
            .willReturn(
                json(
                    "{\"data\":{\"user\":{\"open_id\":\"o-9\"}},\"error\":{\"code\":\"ok\","
                        + "\"message\":\"\",\"log_id\":\"L2\"}}")));
    try (TikTokClient c =
        TikTokClient.builder()
            .baseUrl(URI.create(wm.baseUrl() + "/"))
            .accessToken("act.content-posting")
            .sleeper(d -> {})
            .rateLimitPolicy(RateLimitPolicy.unlimited())
            .build()) {
      assertThat(c.accountId()).isEqualTo("o-9");
    }
    wm.verify(2, getRequestedFor(urlPathEqualTo("/v2/user/info/")));
  }

  @Test
  void aVideoWhoseCommentCountIsUnchangedIsNotReadAgainUntilTheClientChangesSomething() {
    wm.stubFor(
        get(urlPathEqualTo("/open_api/v1.3/business/video/list/"))
            .willReturn(
                json(
                    "{\"code\":0,\"message\":\"OK\",\"data\":{\"has_more\":false,"
                        + "\"videos\":[{\"item_id\":\"7109065174526479622\",\"comments\":13}]}}")));
    wm.stubFor(
        get(urlPathEqualTo("/open_api/v1.3/business/comment/list/")).willReturn(json(DOCS_LIST)));
    wm.stubFor(
        get(urlPathEqualTo("/open_api/v1.3/business/comment/reply/list/"))
            .willReturn(json(DOCS_REPLIES)));
    wm.stubFor(
        post(urlPathEqualTo("/open_api/v1.3/business/comment/hide/")).willReturn(json(OK_EMPTY)));
    try (TikTokClient c = builder(true).build()) {
      List<InboxComment> first = new ArrayList<>();
      c.commentStream().forEach(first::add);
      List<InboxComment> second = new ArrayList<>();
      c.commentStream().forEach(second::add);
      assertThat(second)
          .extracting(InboxItem::ref)
          .isEqualTo(first.stream().map(InboxItem::ref).toList());
      wm.verify(1, getRequestedFor(urlPathEqualTo("/open_api/v1.3/business/comment/list/")));
      wm.verify(2, getRequestedFor(urlPathEqualTo("/open_api/v1.3/business/video/list/")));
      c.moderate(first.get(0).commentRef(), ModerationAction.HIDE); // count unchanged, state not
      c.commentStream().forEach(x -> {});
      wm.verify(2, getRequestedFor(urlPathEqualTo("/open_api/v1.3/business/comment/list/")));
    }
  }

  @Test
  void secretsEchoedByTikTokNeverReachAMessage() {
    wm.stubFor(
        get(urlPathEqualTo("/open_api/v1.3/business/comment/list/"))
            .willReturn(json(refusal(40002, "rejected token act.business body secret-1"))));
    try (TikTokClient c = builder(true).build()) {
      assertThatThrownBy(
              () ->
                  c.comments(PostRef.of(Platform.TIKTOK, "7109065174526479622")).iterator().next())
          .satisfies(
              e -> {
                assertThat(e.getMessage()).doesNotContain("act.business");
                assertThat(e.toString()).doesNotContain("act.business");
              });
    }
    wm.stubFor(
        post(urlPathEqualTo("/open_api/v1.3/tt_user/oauth2/token/"))
            .willReturn(json(refusal(40110, "bad code auth-code-77 for secret-1"))));
    wm.stubFor(
        post(urlPathEqualTo("/open_api/v1.3/tt_user/oauth2/refresh_token/"))
            .willReturn(json(refusal(40104, "bad refresh rft.token-99 secret-1"))));
    try (TikTokBusinessOAuth o = oauth()) {
      assertThatThrownBy(() -> o.exchange("auth-code-77"))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageNotContaining("auth-code-77")
          .hasMessageNotContaining("secret-1");
      assertThatThrownBy(
              () ->
                  o.refresh(
                      io.smo.core.auth.AccessToken.builder("act.x-123456")
                          .refreshToken("rft.token-99")
                          .build()))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageNotContaining("rft.token-99")
          .hasMessageNotContaining("secret-1");
    }
  }

  @Test
  void invisibleTextsAndNonAsciiDigitsAreRefusedOffline() {
    try (TikTokClient c = builder(true).build()) {
      CommentRef ok = CommentRef.of(Platform.TIKTOK, "7109065174526479622_7110150495453840130");
      for (String bad : List.of("\u200B", "\u00A0", " \u2060 ", "\uD83D ok", "a\u0000b")) {
        assertThatThrownBy(() -> c.reply(ok, bad)).isInstanceOf(ValidationException.class);
      }
      for (String ref : List.of("abc_def", " 71_72", "71_72 ", "71_x", "\u0661\u0662_1")) {
        assertThatThrownBy(() -> c.reply(CommentRef.of(Platform.TIKTOK, ref), "hi"))
            .as(ref)
            .isInstanceOf(ValidationException.class);
      }
      assertThatThrownBy(() -> c.comment(PostRef.of(Platform.TIKTOK, "\u0661\u0662\u0663"), "hi"))
          .isInstanceOf(ValidationException.class);
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
