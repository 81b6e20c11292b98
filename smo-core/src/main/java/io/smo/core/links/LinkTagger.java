package io.smo.core.links;

import static java.util.Objects.requireNonNull;

import com.twitter.twittertext.Extractor;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.SmoPublicApi;
import java.net.IDN;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds UTM parameters to the links a campaign publishes, per (campaign, segment, target), so the
 * website's analytics can tell which platform, segment and variant sent each visitor.
 *
 * <p>Parameters (the convention of Hootsuite, Postoria and Google Analytics): {@code utm_source}
 * the platform ({@code facebook}, {@code instagram}, {@code x}, {@code youtube}, {@code tiktok},
 * {@code pinterest}, {@code snapchat}), {@code utm_medium} ({@code social} unless set), {@code
 * utm_campaign} the campaign, {@code utm_content} the segment or variant, and the optional {@code
 * utm_term} and {@code utm_id}. Values are percent-encoded (UTF-8, a space as {@code %20}).
 *
 * <p>What is tagged: {@link Post#link()} and every URL in the text, the thread parts and the first
 * comment, found with twitter-text's {@link Extractor} (the same rules X uses to link a URL). A
 * link keeps its query string, fragment, port, percent-encodings and internationalised host as
 * written: the parameters are appended to the query, before any {@code #fragment}.
 *
 * <p>What is not: tagging is opt-in per campaign (build a tagger only for campaigns that want it)
 * and per domain: only links to {@link Builder#domains(String...) the campaign's domains} and their
 * subdomains are tagged, never a third party's URL unless {@link Builder#allDomains(boolean)} asks
 * for it ({@link TaggedLink.Status#NOT_OPTED_IN}). A link that already carries any {@code utm_*}
 * parameter is left alone, so tagging twice changes nothing ({@link
 * TaggedLink.Status#ALREADY_TAGGED}). Malformed links (an invalid host, an {@code http(s)://} that
 * X would not link, a URL running into characters X would cut off) are left as written and reported
 * in {@link TaggedPost#problems()}.
 *
 * <p>Validate the returned post, not the original ({@link
 * TaggedPost#validate(io.smo.core.SocialClient)}): X counts every URL as 23 characters so its
 * weighted length does not change, but the other platforms count the full URL and a post near the
 * limit can go over it.
 *
 * <pre>{@code
 * LinkTagger tagger = LinkTagger.builder("Spring launch 2027").domains("dealer-munich.de").build();
 * TaggedPost tagged = tagger.tag(post, Platform.FACEBOOK, "munich");
 * tagged.problems().forEach(System.err::println);
 * poster.publish(tagged.post(), List.of(Platform.FACEBOOK));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@SmoPublicApi
public final class LinkTagger {
  /** Text that looks like a web address, to find the ones the extractor refuses to link. */
  private static final Pattern LOOKS_LIKE_URL = Pattern.compile("(?i)\\bhttps?://[^\\s]+");

  /** Characters that, right after an extracted URL, mean X would have cut the URL short. */
  private static final String URL_CONTINUATION = "%/?#&=_-~+@:";

  private final String campaign;
  private final String medium;
  private final String term;
  private final String id;
  private final Set<String> domains;
  private final boolean allDomains;

  private LinkTagger(Builder b) {
    campaign = b.campaign;
    medium = b.medium;
    term = b.term;
    id = b.id;
    domains = Set.copyOf(b.domains);
    allDomains = b.allDomains;
  }

  /**
   * Returns a builder for the campaign named {@code campaign} (the {@code utm_campaign} value,
   * percent-encoded when it needs to be).
   *
   * @throws IllegalArgumentException if {@code campaign} is blank
   */
  public static Builder builder(String campaign) {
    return new Builder(campaign);
  }

  /** Returns the campaign ({@code utm_campaign}). */
  public String campaign() {
    return campaign;
  }

  /**
   * Returns the domains whose links are tagged (ASCII form, lower case); empty with all domains.
   */
  public Set<String> domains() {
    return domains;
  }

  /** Returns whether links to every domain are tagged. */
  public boolean allDomains() {
    return allDomains;
  }

  /**
   * Returns the {@code utm_source} value for {@code platform}: its {@link Platform#id()}, except
   * {@code x} for X.
   */
  public static String source(Platform platform) {
    return platform == Platform.TWITTER ? "x" : platform.id();
  }

  /**
   * Tags {@code post} for one target.
   *
   * @param post the post as written
   * @param platform the target platform ({@code utm_source})
   * @param content the segment or variant ({@code utm_content}); {@code null} or blank leaves
   *     {@code utm_content} out
   * @return the tagged post (same idempotency key), every link seen and the malformed ones
   */
  public TaggedPost tag(Post post, Platform platform, String content) {
    requireNonNull(post, "post == null");
    requireNonNull(platform, "platform == null");
    String query = query(platform, content);
    List<TaggedLink> links = new ArrayList<>();
    List<LinkProblem> problems = new ArrayList<>();
    Post.Builder out = post.toBuilder();
    Optional<URI> link = post.link();
    if (link.isPresent()) {
      String written = link.get().toString();
      Optional<String> problem = malformed(written);
      if (problem.isPresent()) {
        problems.add(new LinkProblem(written, TaggedLink.Location.LINK, problem.get()));
      } else {
        TaggedLink t = tagOne(written, query, TaggedLink.Location.LINK);
        links.add(t);
        out.link(URI.create(t.tagged()));
      }
    }
    out.text(tagText(post.text(), query, TaggedLink.Location.TEXT, links, problems));
    if (!post.thread().isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (String part : post.thread()) {
        parts.add(tagText(part, query, TaggedLink.Location.THREAD, links, problems));
      }
      out.thread(parts);
    }
    post.firstComment()
        .ifPresent(
            c ->
                out.firstComment(
                    tagText(c, query, TaggedLink.Location.FIRST_COMMENT, links, problems)));
    return new TaggedPost(out.build(), platform, links, problems);
  }

  /**
   * Tags one URL as written (no extraction: {@code url} is the whole link).
   *
   * @param url an absolute http(s) URL
   * @param platform the target platform
   * @param content the segment or variant, or {@code null}
   * @return what the tagger did with it
   * @throws IllegalArgumentException if {@code url} is malformed (the message says why)
   */
  public TaggedLink tagUrl(String url, Platform platform, String content) {
    requireNonNull(url, "url == null");
    Optional<String> problem = malformed(url);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("link '" + url + "': " + problem.get());
    }
    return tagOne(url, query(platform, content), TaggedLink.Location.LINK);
  }

  private String tagText(
      String text,
      String query,
      TaggedLink.Location where,
      List<TaggedLink> links,
      List<LinkProblem> problems) {
    if (text.isEmpty()) {
      return text;
    }
    List<Extractor.Entity> found = new Extractor().extractURLsWithIndices(text);
    StringBuilder sb = new StringBuilder(text.length() + 64 * found.size());
    int at = 0;
    List<int[]> covered = new ArrayList<>();
    for (Extractor.Entity e : found) {
      int start = e.getStart();
      int end = e.getEnd();
      covered.add(new int[] {start, end});
      String written = text.substring(start, end);
      sb.append(text, at, start);
      at = end;
      Optional<String> problem = malformed(written);
      if (problem.isEmpty() && continues(text, end)) {
        problem =
            Optional.of(
                "the address runs on into '"
                    + text.charAt(end)
                    + "', which X does not link; write the URL percent-encoded or end it with a space");
      }
      if (problem.isPresent()) {
        problems.add(new LinkProblem(written, where, problem.get()));
        sb.append(written);
        continue;
      }
      TaggedLink t = tagOne(written, query, where);
      links.add(t);
      sb.append(t.tagged());
    }
    sb.append(text, at, text.length());
    Matcher m = LOOKS_LIKE_URL.matcher(text);
    while (m.find()) {
      int s = m.start();
      boolean seen = covered.stream().anyMatch(c -> s >= c[0] && s < c[1]);
      if (!seen) {
        problems.add(
            new LinkProblem(
                m.group(),
                where,
                "not recognised as a link (invalid host or unknown top-level domain), so not tagged"));
      }
    }
    return sb.toString();
  }

  /** Whether the text at {@code end} (just after an extracted URL) still looks like part of it. */
  private static boolean continues(String text, int end) {
    if (end >= text.length()) {
      return false;
    }
    char c = text.charAt(end);
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    // '?', '#', '&' ... then a space or the end is sentence punctuation, not part of the URL
    return URL_CONTINUATION.indexOf(c) >= 0
        && end + 1 < text.length()
        && !Character.isWhitespace(text.charAt(end + 1));
  }

  private TaggedLink tagOne(String written, String query, TaggedLink.Location where) {
    Parts p = Parts.of(written);
    if (p.hasUtm()) {
      return new TaggedLink(written, written, where, TaggedLink.Status.ALREADY_TAGGED);
    }
    if (!optedIn(p.asciiHost)) {
      return new TaggedLink(written, written, where, TaggedLink.Status.NOT_OPTED_IN);
    }
    String head = p.beforeFragment;
    String sep = head.indexOf('?') < 0 ? "?" : head.endsWith("?") || head.endsWith("&") ? "" : "&";
    String tagged = head + sep + query + p.fragment;
    return new TaggedLink(written, tagged, where, TaggedLink.Status.TAGGED);
  }

  private boolean optedIn(String asciiHost) {
    if (allDomains) {
      return true;
    }
    for (String d : domains) {
      if (asciiHost.equals(d) || asciiHost.endsWith("." + d)) {
        return true;
      }
    }
    return false;
  }

  private String query(Platform platform, String content) {
    requireNonNull(platform, "platform == null");
    StringBuilder q = new StringBuilder();
    q.append("utm_source=").append(encode(source(platform)));
    q.append("&utm_medium=").append(encode(medium));
    q.append("&utm_campaign=").append(encode(campaign));
    if (content != null && !content.isBlank()) {
      q.append("&utm_content=").append(encode(content.strip()));
    }
    if (term != null) {
      q.append("&utm_term=").append(encode(term));
    }
    if (id != null) {
      q.append("&utm_id=").append(encode(id));
    }
    return q.toString();
  }

  /** Percent-encodes a query value (UTF-8; a space becomes %20, never '+'). */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Returns why {@code written} cannot be tagged safely, or empty. */
  private static Optional<String> malformed(String written) {
    Parts p;
    try {
      p = Parts.of(written);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    if (p.asciiHost.isEmpty()) {
      return Optional.of("no host");
    }
    if (p.beforeFragment.indexOf(' ') >= 0) {
      return Optional.of("contains a space");
    }
    return Optional.empty();
  }

  /** A URL split without re-encoding anything: scheme-and-authority-path-query, then fragment. */
  private static final class Parts {
    final String beforeFragment;
    final String fragment;
    final String asciiHost;
    final String query;

    private Parts(String beforeFragment, String fragment, String asciiHost, String query) {
      this.beforeFragment = beforeFragment;
      this.fragment = fragment;
      this.asciiHost = asciiHost;
      this.query = query;
    }

    static Parts of(String url) {
      int hash = url.indexOf('#');
      String before = hash < 0 ? url : url.substring(0, hash);
      String fragment = hash < 0 ? "" : url.substring(hash);
      int schemeEnd = before.indexOf("://");
      String lower = before.toLowerCase(Locale.ROOT);
      if (schemeEnd >= 0 && !(lower.startsWith("http://") || lower.startsWith("https://"))) {
        throw new IllegalArgumentException("not an http(s) link");
      }
      int authStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
      int authEnd = authStart;
      while (authEnd < before.length() && "/?".indexOf(before.charAt(authEnd)) < 0) {
        authEnd++;
      }
      String authority = before.substring(authStart, authEnd);
      if (authority.indexOf('@') >= 0) {
        throw new IllegalArgumentException("carries a user name or password; not tagged");
      }
      String host = authority;
      int colon = host.lastIndexOf(':');
      if (colon >= 0) {
        String port = host.substring(colon + 1);
        if (!port.matches("[0-9]{1,5}")) {
          throw new IllegalArgumentException("port '" + port + "' is not a number");
        }
        host = host.substring(0, colon);
      }
      String ascii;
      try {
        ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("host '" + host + "' is not a valid domain name");
      }
      if (!host.isEmpty()
          && (ascii.isEmpty()
              || ascii.contains("..")
              || ascii.startsWith(".")
              || ascii.endsWith("."))) {
        throw new IllegalArgumentException("host '" + host + "' is not a valid domain name");
      }
      int q = before.indexOf('?', authEnd);
      String query = q < 0 ? "" : before.substring(q + 1);
      return new Parts(before, fragment, ascii, query);
    }

    boolean hasUtm() {
      for (String pair : query.split("[&;]", -1)) {
        if (pair.toLowerCase(Locale.ROOT).startsWith("utm_")) {
          return true;
        }
      }
      return false;
    }
  }

  /** Builds {@link LinkTagger}. Mutable, not thread-safe. */
  public static final class Builder {
    private final String campaign;
    private String medium = "social";
    private String term;
    private String id;
    private final Set<String> domains = new LinkedHashSet<>();
    private boolean allDomains;

    private Builder(String campaign) {
      requireNonNull(campaign, "campaign == null");
      if (campaign.isBlank()) {
        throw new IllegalArgumentException("campaign must not be blank");
      }
      this.campaign = campaign.strip();
    }

    /**
     * Adds domains whose links (and their subdomains') are tagged, e.g. {@code "dealer-munich.de"}
     * or an internationalised {@code "bücher.de"}.
     *
     * @throws IllegalArgumentException if one is not a valid domain name
     */
    public Builder domains(String... domains) {
      for (String d : domains) {
        requireNonNull(d, "domain == null");
        String ascii;
        try {
          ascii = IDN.toASCII(d.strip(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("not a domain name: '" + d + "'");
        }
        if (ascii.isEmpty() || ascii.contains("..") || ascii.startsWith(".")) {
          throw new IllegalArgumentException("not a domain name: '" + d + "'");
        }
        this.domains.add(ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii);
      }
      return this;
    }

    /**
     * Tags links to every domain, third parties' included. Default false (only {@link #domains}).
     */
    public Builder allDomains(boolean allDomains) {
      this.allDomains = allDomains;
      return this;
    }

    /**
     * Sets {@code utm_medium}. Default {@code social}.
     *
     * @throws IllegalArgumentException if blank
     */
    public Builder medium(String medium) {
      requireNonNull(medium, "medium == null");
      if (medium.isBlank()) {
        throw new IllegalArgumentException("medium must not be blank");
      }
      this.medium = medium.strip();
      return this;
    }

    /** Sets {@code utm_term}; {@code null} or blank leaves it out (the default). */
    public Builder term(String term) {
      this.term = term == null || term.isBlank() ? null : term.strip();
      return this;
    }

    /**
     * Sets {@code utm_id} (the campaign id in Google Analytics); {@code null} or blank leaves it
     * out.
     */
    public Builder id(String id) {
      this.id = id == null || id.isBlank() ? null : id.strip();
      return this;
    }

    /** Returns the tagger. */
    public LinkTagger build() {
      return new LinkTagger(this);
    }
  }
}
