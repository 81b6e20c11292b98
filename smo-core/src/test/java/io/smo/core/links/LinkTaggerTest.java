package io.smo.core.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smo.core.Capabilities;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.Violation;
import io.smo.core.fake.FakeClient;
import io.smo.core.text.TextCounting;
import io.smo.core.text.TextLimit;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkTaggerTest {
  private static final String UTM_FB =
      "utm_source=facebook&utm_medium=social&utm_campaign=spring&utm_content=munich";
  private final LinkTagger tagger = LinkTagger.builder("spring").domains("dealer.com").build();

  private String tagText(String text) {
    return tagger.tag(Post.builder().text(text).build(), Platform.FACEBOOK, "munich").post().text();
  }

  @Test
  void postLinkGetsAllParametersPerTarget() {
    Post post =
        Post.builder().text("New model").link(URI.create("https://dealer.com/spring")).build();
    TaggedPost fb = tagger.tag(post, Platform.FACEBOOK, "munich");
    assertThat(fb.post().link()).contains(URI.create("https://dealer.com/spring?" + UTM_FB));
    assertThat(fb.post().idempotencyKey()).isEqualTo(post.idempotencyKey());
    TaggedPost x = tagger.tag(post, Platform.TWITTER, "berlin");
    assertThat(x.post().link().orElseThrow().toString())
        .contains("utm_source=x&")
        .endsWith("utm_content=berlin");
    LinkTagger full =
        LinkTagger.builder("spring")
            .domains("dealer.com")
            .medium("organic")
            .term("suv")
            .id("c-42")
            .build();
    assertThat(full.tagUrl("https://dealer.com/a", Platform.YOUTUBE, null).tagged())
        .isEqualTo(
            "https://dealer.com/a?utm_source=youtube&utm_medium=organic&utm_campaign=spring&utm_term=suv&utm_id=c-42");
  }

  @Test
  void keepsQueryFragmentPortAndEncodings() {
    assertThat(tagText("see https://dealer.com/p?q=a%20b&x=%C3%A4#top now"))
        .isEqualTo("see https://dealer.com/p?q=a%20b&x=%C3%A4&" + UTM_FB + "#top now");
    assertThat(tagText("https://dealer.com:8443/a/b%2Fc"))
        .isEqualTo("https://dealer.com:8443/a/b%2Fc?" + UTM_FB);
    // a question mark ending the sentence is not the start of a query
    assertThat(tagText("Seen https://dealer.com/x?"))
        .isEqualTo("Seen https://dealer.com/x?" + UTM_FB + "?");
    assertThat(tagText("https://dealer.com/x?a=1&b"))
        .isEqualTo("https://dealer.com/x?a=1&b&" + UTM_FB);
    assertThat(tagger.tagUrl("https://dealer.com/x?a=1&", Platform.FACEBOOK, "munich").tagged())
        .isEqualTo("https://dealer.com/x?a=1&" + UTM_FB);
    assertThat(tagger.tagUrl("https://dealer.com/x#", Platform.FACEBOOK, "munich").tagged())
        .isEqualTo("https://dealer.com/x?" + UTM_FB + "#");
    // trailing punctuation stays outside the link
    assertThat(tagText("Visit https://dealer.com/spring."))
        .isEqualTo("Visit https://dealer.com/spring?" + UTM_FB + ".");
    assertThat(tagText("(https://dealer.com/b_(c))"))
        .isEqualTo("(https://dealer.com/b_(c)?" + UTM_FB + ")");
  }

  @Test
  void everyUrlInTextThreadAndFirstComment() {
    Post post =
        Post.builder()
            .text("A https://dealer.com/a B https://www.dealer.com/b C dealer.com/c")
            .thread(List.of("more at https://shop.dealer.com/x"))
            .firstComment("book https://dealer.com/test-drive")
            .build();
    TaggedPost t = tagger.tag(post, Platform.FACEBOOK, "munich");
    assertThat(t.post().text())
        .isEqualTo(
            "A https://dealer.com/a?"
                + UTM_FB
                + " B https://www.dealer.com/b?"
                + UTM_FB
                + " C dealer.com/c?"
                + UTM_FB);
    assertThat(t.post().thread()).containsExactly("more at https://shop.dealer.com/x?" + UTM_FB);
    assertThat(t.post().firstComment()).contains("book https://dealer.com/test-drive?" + UTM_FB);
    assertThat(t.taggedCount()).isEqualTo(5);
    assertThat(t.links())
        .extracting(TaggedLink::location)
        .containsExactly(
            TaggedLink.Location.TEXT,
            TaggedLink.Location.TEXT,
            TaggedLink.Location.TEXT,
            TaggedLink.Location.THREAD,
            TaggedLink.Location.FIRST_COMMENT);
  }

  @Test
  void notTwiceAndNotOverwritten() {
    String once = tagText("https://dealer.com/a");
    assertThat(tagText(once)).isEqualTo(once);
    TaggedPost again = tagger.tag(Post.builder().text(once).build(), Platform.FACEBOOK, "munich");
    assertThat(again.links())
        .extracting(TaggedLink::status)
        .containsExactly(TaggedLink.Status.ALREADY_TAGGED);
    // a link the author tagged by hand keeps the author's parameters
    assertThat(tagText("https://dealer.com/a?UTM_Source=newsletter"))
        .isEqualTo("https://dealer.com/a?UTM_Source=newsletter");
  }

  @Test
  void optInPerDomain() {
    Post post =
        Post.builder().text("ours https://dealer.com/a theirs https://news.com/review").build();
    TaggedPost t = tagger.tag(post, Platform.FACEBOOK, "munich");
    assertThat(t.post().text())
        .isEqualTo("ours https://dealer.com/a?" + UTM_FB + " theirs https://news.com/review");
    assertThat(t.links())
        .extracting(TaggedLink::status)
        .containsExactly(TaggedLink.Status.TAGGED, TaggedLink.Status.NOT_OPTED_IN);
    // a look-alike domain is not a subdomain
    assertThat(tagText("https://evildealer.com/a")).isEqualTo("https://evildealer.com/a");
    // nothing is tagged without a domain, unless every domain is asked for
    LinkTagger none = LinkTagger.builder("spring").build();
    assertThat(none.tag(post, Platform.FACEBOOK, null).taggedCount()).isZero();
    LinkTagger all = LinkTagger.builder("spring").allDomains(true).build();
    assertThat(all.tag(post, Platform.FACEBOOK, null).taggedCount()).isEqualTo(2);
  }

  @Test
  void internationalisedDomains() {
    LinkTagger idn = LinkTagger.builder("spring").domains("bücher.de").build();
    String utm = "utm_source=instagram&utm_medium=social&utm_campaign=spring";
    assertThat(
            idn.tag(
                    Post.builder().text("https://bücher.de/a?x=1#f").build(),
                    Platform.INSTAGRAM,
                    null)
                .post()
                .text())
        .isEqualTo("https://bücher.de/a?x=1&" + utm + "#f");
    // the punycode form is the same domain
    assertThat(
            idn.tag(
                    Post.builder().text("http://xn--bcher-kva.de/").build(),
                    Platform.INSTAGRAM,
                    null)
                .post()
                .text())
        .isEqualTo("http://xn--bcher-kva.de/?" + utm);
    Post link = Post.builder().link(URI.create("https://BÜCHER.de/neu")).build();
    assertThat(idn.tag(link, Platform.INSTAGRAM, null).post().link().orElseThrow().toString())
        .isEqualTo("https://BÜCHER.de/neu?" + utm);
  }

  @Test
  void campaignAndSegmentAreEncoded() {
    LinkTagger t = LinkTagger.builder("Spring & Summer 2027/ü #1").domains("dealer.com").build();
    assertThat(t.tagUrl("https://dealer.com/", Platform.PINTEREST, "Ост+West").tagged())
        .isEqualTo(
            "https://dealer.com/?utm_source=pinterest&utm_medium=social"
                + "&utm_campaign=Spring%20%26%20Summer%202027%2F%C3%BC%20%231&utm_content=%D0%9E%D1%81%D1%82%2BWest");
    assertThatThrownBy(() -> LinkTagger.builder(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LinkTagger.builder("c").domains("foo..com"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void malformedLinksAreKeptOutAndReported() {
    Post post =
        Post.builder()
            .text(
                "bad https://foo..dealer.com/x and https://-bad-.com/ and https://dealer.com/straße?x=ä ok https://dealer.com/ok")
            .link(URI.create("https://user:pw@dealer.com/a"))
            .build();
    TaggedPost t = tagger.tag(post, Platform.FACEBOOK, "munich");
    assertThat(t.post().text())
        .isEqualTo(
            "bad https://foo..dealer.com/x and https://-bad-.com/ and https://dealer.com/straße?x=ä ok https://dealer.com/ok?"
                + UTM_FB);
    assertThat(t.post().link()).contains(URI.create("https://user:pw@dealer.com/a"));
    assertThat(t.problems())
        .extracting(LinkProblem::link)
        .containsExactlyInAnyOrder(
            "https://user:pw@dealer.com/a",
            "https://dealer.com/straße?x=",
            "https://foo..dealer.com/x",
            "https://-bad-.com/");
    assertThat(t.problems()).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
    assertThatThrownBy(() -> tagger.tagUrl("https://foo..com/", Platform.FACEBOOK, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid domain name");
  }

  @Test
  void xWeightedLengthUnchangedOthersRevalidated() {
    String text =
        "Drive it today at your local dealer: https://dealer.com/spring-launch " + "x".repeat(180);
    Post post = Post.builder().text(text).build();
    TaggedPost x = tagger.tag(post, Platform.TWITTER, "munich");
    assertThat(x.post().text()).isNotEqualTo(text);
    assertThat(TextCounting.X_WEIGHTED.count(x.post().text()))
        .isEqualTo(TextCounting.X_WEIGHTED.count(text));
    FakeClient xClient =
        FakeClient.builder(Platform.TWITTER)
            .capabilities(
                Capabilities.builder(Platform.TWITTER)
                    .textLimit(TextLimit.of("text", 280, TextCounting.X_WEIGHTED))
                    .build())
            .accessToken("t")
            .build();
    assertThat(x.validate(xClient)).isEmpty();

    FakeClient fb =
        FakeClient.builder(Platform.FACEBOOK)
            .capabilities(
                Capabilities.builder(Platform.FACEBOOK)
                    .textLimit(TextLimit.of("message", 280, TextCounting.CODE_POINTS))
                    .build())
            .accessToken("t")
            .build();
    assertThat(fb.validate(post)).isEmpty();
    TaggedPost f = tagger.tag(post, Platform.FACEBOOK, "munich");
    List<Violation> v = f.validate(fb);
    assertThat(v).extracting(Violation::rule).contains("max-length");
    assertThatThrownBy(() -> f.validate(xClient)).isInstanceOf(IllegalArgumentException.class);
    xClient.close();
    fb.close();
  }
}
