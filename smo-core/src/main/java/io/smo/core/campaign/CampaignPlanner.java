package io.smo.core.campaign;

import static java.util.Objects.requireNonNull;

import io.smo.core.AgeRange;
import io.smo.core.Audience;
import io.smo.core.AudienceDimension;
import io.smo.core.Platform;
import io.smo.core.Post;
import io.smo.core.SmoPublicApi;
import io.smo.core.SocialClient;
import io.smo.core.Target;
import io.smo.core.Violation;
import io.smo.core.exception.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link Campaign} into a {@link CampaignPlan}: one post per (segment, target), validated
 * offline against each target's client, before anything is sent.
 *
 * <p>The rule per (segment, target):
 *
 * <ol>
 *   <li>no client for the account (credentials missing): SKIPPED with the reason; the other
 *       accounts go ahead;
 *   <li>the platform honours every dimension of the segment's audience ({@link
 *       io.smo.core.Capabilities#audienceDimensions()}: Facebook feed targeting, Snapchat):
 *       TARGETED, the post carries the audience;
 *   <li>otherwise, the account is one of the segment's {@link Segment#assigned()} accounts (a
 *       regional account): ASSIGNED, the post goes without targeting;
 *   <li>otherwise SKIPPED, naming the dimensions the platform cannot target;
 *   <li>a post that breaks the target's rules offline is SKIPPED with the violations.
 * </ol>
 *
 * <p>Each post's idempotency key is {@code campaign|segment|platform:account}, so publishing the
 * same campaign again through the same {@link io.smo.core.CrossPoster} (or a persistent {@link
 * io.smo.core.IdempotencyStore}) publishes only what did not publish.
 *
 * <p>Refused with a {@link ValidationException} naming the field (nothing is planned): an unknown
 * account in a segment, an account name given twice or two names for one target, a segment listing
 * an account twice, a segment with no accounts, a segment whose audience is empty or contradictory,
 * two segments going to one account with overlapping audiences (both named), more than {@value
 * #MAX_PAIRS} (segment, target) pairs (with the count), and the same text to two X accounts: X's
 * automation rules forbid posting identical or substantially similar content from several accounts
 * (<a href="https://help.x.com/en/rules-and-policies/x-automation">X automation rules</a>), unless
 * the campaign allows it explicitly ({@link Campaign.Builder#allowIdenticalTextOnX(String)}).
 */
@SmoPublicApi
public final class CampaignPlanner {
  /** The most (segment, target) pairs one campaign may plan. */
  public static final int MAX_PAIRS = 500;

  private final Map<Target, SocialClient> clients = new LinkedHashMap<>();
  private final Map<Target, String> unavailable = new LinkedHashMap<>();

  private CampaignPlanner() {}

  /**
   * Returns a planner validating against {@code clients} (one per account; an account without a
   * client is SKIPPED as missing credentials).
   */
  public static CampaignPlanner of(Collection<? extends SocialClient> clients) {
    CampaignPlanner p = new CampaignPlanner();
    clients.forEach(c -> p.clients.put(c.target(), c));
    return p;
  }

  /**
   * Marks {@code target} as having no client, with the reason shown on its SKIPPED rows (for
   * example which environment variable is missing).
   */
  public CampaignPlanner unavailable(Target target, String reason) {
    unavailable.put(
        requireNonNull(target, "target == null"), requireNonNull(reason, "reason == null"));
    return this;
  }

  /**
   * Plans {@code campaign}.
   *
   * @return one row per (segment, target)
   * @throws ValidationException if the campaign is malformed (see the class description); every
   *     problem found is listed
   */
  public CampaignPlan plan(Campaign campaign) {
    requireNonNull(campaign, "campaign == null");
    List<Violation> problems = new ArrayList<>();
    checkAccounts(campaign, problems);
    int pairs = 0;
    Set<String> segNames = new HashSet<>();
    for (int i = 0; i < campaign.segments().size(); i++) {
      Segment s = campaign.segments().get(i);
      String f = "segments[" + i + "]";
      if (!segNames.add(s.name())) {
        problems.add(
            Violation.of(
                null,
                f + ".name",
                "unique",
                s.name(),
                null,
                "segment '" + s.name() + "' is named twice"));
      }
      List<String> all = new ArrayList<>(s.accounts());
      all.addAll(s.assigned());
      if (all.isEmpty()) {
        problems.add(
            Violation.of(
                null,
                f + ".accounts",
                "not-empty",
                0,
                1,
                "segment '" + s.name() + "' has no accounts to go to"));
      }
      Set<String> seen = new HashSet<>();
      for (String a : all) {
        if (!campaign.accounts().containsKey(a)) {
          problems.add(
              Violation.of(
                  null,
                  f + ".accounts",
                  "known-account",
                  a,
                  null,
                  "segment '"
                      + s.name()
                      + "' names account '"
                      + a
                      + "', which the campaign's accounts do not declare"));
        }
        if (!seen.add(a)) {
          problems.add(
              Violation.of(
                  null,
                  f + ".accounts",
                  "unique",
                  a,
                  null,
                  "segment '" + s.name() + "' lists account '" + a + "' twice"));
        }
      }
      pairs += seen.size();
      checkAudience(s, f, problems);
    }
    if (pairs > MAX_PAIRS) {
      problems.add(
          Violation.of(
              null,
              "segments",
              "max-pairs",
              pairs,
              MAX_PAIRS,
              "the campaign plans "
                  + pairs
                  + " (segment, target) pairs; at most "
                  + MAX_PAIRS
                  + " per campaign: split it"));
    }
    checkOverlaps(campaign, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(null, problems);
    }

    List<PlannedPost> rows = new ArrayList<>();
    for (Segment s : campaign.segments()) {
      List<String> all = new ArrayList<>(s.accounts());
      all.addAll(s.assigned());
      for (String a : all) {
        rows.add(row(campaign, s, a, campaign.accounts().get(a)));
      }
    }
    List<String> notes = new ArrayList<>();
    checkIdenticalTextOnX(campaign, rows, problems, notes);
    if (!problems.isEmpty()) {
      throw new ValidationException(Platform.TWITTER, problems);
    }
    return new CampaignPlan(campaign, rows, notes);
  }

  private PlannedPost row(Campaign c, Segment s, String name, Target t) {
    SocialClient client = clients.get(t);
    if (client == null) {
      String why =
          unavailable.getOrDefault(t, "no client (credentials) for account '" + name + "'");
      return new PlannedPost(s.name(), name, t, PlannedPost.Delivery.SKIPPED, null, why, List.of());
    }
    Audience a = s.audience();
    Set<AudienceDimension> wanted = targeting(a);
    Set<AudienceDimension> missing = EnumSet.noneOf(AudienceDimension.class);
    missing.addAll(wanted);
    missing.removeAll(client.capabilities().audienceDimensions());
    PlannedPost.Delivery d;
    Audience use;
    String note = null;
    if (missing.isEmpty()) {
      d = PlannedPost.Delivery.TARGETED;
      use = a.toBuilder().dropUnsupported(false).build();
    } else if (s.assigned().contains(name)) {
      d = PlannedPost.Delivery.ASSIGNED;
      use = Audience.builder().visibility(a.visibility()).replyPolicy(a.replyPolicy()).build();
      note =
          t.platform().displayName()
              + " cannot target "
              + dims(missing)
              + "; '"
              + name
              + "' is assigned to this audience";
    } else {
      return new PlannedPost(
          s.name(),
          name,
          t,
          PlannedPost.Delivery.SKIPPED,
          null,
          t.platform().displayName()
              + " cannot target "
              + dims(missing)
              + " and account '"
              + name
              + "' is not assigned to segment '"
              + s.name()
              + "' (list it under assigned to send it untargeted)",
          List.of());
    }
    Post post =
        s.messageFor(t.platform()).toBuilder()
            .audience(use)
            .idempotencyKey(c.name() + "|" + s.name() + "|" + t.key())
            .build();
    List<Violation> v = client.validate(post);
    if (!v.isEmpty()
        && d == PlannedPost.Delivery.TARGETED
        && s.assigned().contains(name)
        && v.stream().allMatch(x -> x.field().startsWith("audience"))) {
      // the platform targets only in some modes (Snapchat: paid posts): an assigned account
      // still gets the segment, untargeted
      d = PlannedPost.Delivery.ASSIGNED;
      note =
          t.platform().displayName()
              + " cannot target this post ("
              + v.get(0).message()
              + "); '"
              + name
              + "' is assigned to this audience";
      post =
          post.toBuilder()
              .audience(
                  Audience.builder()
                      .visibility(a.visibility())
                      .replyPolicy(a.replyPolicy())
                      .build())
              .build();
      v = client.validate(post);
    }
    if (!v.isEmpty()) {
      return new PlannedPost(
          s.name(),
          name,
          t,
          PlannedPost.Delivery.SKIPPED,
          null,
          v.size() + " violation(s): " + v.get(0) + (v.size() > 1 ? " ..." : ""),
          v);
    }
    return new PlannedPost(s.name(), name, t, d, post, note, List.of());
  }

  private static Set<AudienceDimension> targeting(Audience a) {
    Set<AudienceDimension> used = a.usedDimensions();
    used.remove(AudienceDimension.VISIBILITY);
    used.remove(AudienceDimension.REPLY_POLICY);
    return used;
  }

  private static String dims(Set<AudienceDimension> d) {
    return d.stream()
        .map(x -> x.name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .toList()
        .toString();
  }

  private static void checkAccounts(Campaign c, List<Violation> problems) {
    Set<String> names = new HashSet<>();
    for (String n : c.accountNamesAsGiven()) {
      if (!names.add(n)) {
        problems.add(
            Violation.of(
                null, "accounts." + n, "unique", n, null, "account '" + n + "' is listed twice"));
      }
    }
    Map<Target, String> byTarget = new LinkedHashMap<>();
    c.accounts()
        .forEach(
            (n, t) -> {
              String other = byTarget.putIfAbsent(t, n);
              if (other != null) {
                problems.add(
                    Violation.of(
                        t.platform(),
                        "accounts." + n,
                        "unique-target",
                        t.key(),
                        null,
                        "accounts '" + other + "' and '" + n + "' are the same account " + t));
              }
            });
  }

  private static void checkAudience(Segment s, String f, List<Violation> problems) {
    Audience a = s.audience();
    if (targeting(a).isEmpty()) {
      problems.add(
          Violation.of(
              null,
              f + ".audience",
              "not-empty",
              null,
              null,
              "segment '"
                  + s.name()
                  + "' has an empty audience: give countries, regions, languages,"
                  + " an age range... (a message for everyone needs no segments)"));
    }
    a.ageRange()
        .ifPresent(
            r -> {
              if (r.min().orElse(0) > r.max().orElse(Integer.MAX_VALUE)) {
                problems.add(
                    Violation.of(
                        null,
                        f + ".audience.ageRange",
                        "contradictory",
                        r,
                        null,
                        "segment '" + s.name() + "': minimum age above maximum"));
              }
            });
    if (!a.countries().isEmpty()) {
      for (String region : a.regions()) {
        int dash = region.indexOf('-');
        if (dash == 2 && !a.countries().contains(region.substring(0, 2).toUpperCase(Locale.ROOT))) {
          problems.add(
              Violation.of(
                  null,
                  f + ".audience.regions",
                  "contradictory",
                  region,
                  a.countries(),
                  "segment '"
                      + s.name()
                      + "': region "
                      + region
                      + " lies outside its countries "
                      + a.countries()));
        }
      }
    }
  }

  /** Two segments going to one account must have disjoint audiences. */
  private static void checkOverlaps(Campaign c, List<Violation> problems) {
    List<Segment> segs = c.segments();
    for (int i = 0; i < segs.size(); i++) {
      for (int j = i + 1; j < segs.size(); j++) {
        Segment x = segs.get(i);
        Segment y = segs.get(j);
        Set<String> shared = new java.util.LinkedHashSet<>(names(x));
        shared.retainAll(names(y));
        if (!shared.isEmpty() && overlap(x.audience(), y.audience())) {
          problems.add(
              Violation.of(
                  null,
                  "segments[" + j + "].audience",
                  "disjoint-audiences",
                  x.name() + "," + y.name(),
                  null,
                  "segments '"
                      + x.name()
                      + "' and '"
                      + y.name()
                      + "' both go to "
                      + shared
                      + " with overlapping audiences: one person would get both messages"));
        }
      }
    }
  }

  private static List<String> names(Segment s) {
    List<String> all = new ArrayList<>(s.accounts());
    all.addAll(s.assigned());
    return all;
  }

  private static boolean overlap(Audience a, Audience b) {
    return meets(a.countries(), b.countries())
        && meets(a.regions(), b.regions())
        && meets(a.cities(), b.cities())
        && meets(new HashSet<>(a.languages()), new HashSet<>(b.languages()))
        && meets(a.genders(), b.genders())
        && ages(a, b);
  }

  private static <T> boolean meets(Set<T> a, Set<T> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return true; // one side does not restrict this dimension
    }
    for (T t : a) {
      if (b.contains(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean ages(Audience a, Audience b) {
    if (a.ageRange().isEmpty() || b.ageRange().isEmpty()) {
      return true;
    }
    AgeRange x = a.ageRange().get();
    AgeRange y = b.ageRange().get();
    return x.min().orElse(0) <= y.max().orElse(Integer.MAX_VALUE)
        && y.min().orElse(0) <= x.max().orElse(Integer.MAX_VALUE);
  }

  private static void checkIdenticalTextOnX(
      Campaign c, List<PlannedPost> rows, List<Violation> problems, List<String> notes) {
    Map<String, PlannedPost> byText = new LinkedHashMap<>();
    for (PlannedPost r : rows) {
      if (!r.publishes() || r.target().platform() != Platform.TWITTER) {
        continue;
      }
      String text =
          r.post().orElseThrow().text().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      PlannedPost other = byText.putIfAbsent(text, r);
      if (other != null && !other.target().equals(r.target())) {
        String what =
            "segment '"
                + other.segment()
                + "' -> "
                + other.accountName()
                + " and segment '"
                + r.segment()
                + "' -> "
                + r.accountName()
                + " send the same text to two X accounts";
        if (c.identicalTextOnXReason().isPresent()) {
          notes.add(what + "; allowed: " + c.identicalTextOnXReason().get());
        } else {
          problems.add(
              Violation.of(
                  Platform.TWITTER,
                  "segments." + r.segment() + ".text",
                  "x-identical-text",
                  r.accountName(),
                  other.accountName(),
                  what
                      + ": X's automation rules forbid posting identical or substantially similar"
                      + " content from several accounts (help.x.com/en/rules-and-policies/x-automation);"
                      + " give each X account its own text, or allow it explicitly with a reason"));
        }
      }
    }
  }
}
