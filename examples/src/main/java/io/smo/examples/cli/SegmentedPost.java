package io.smo.examples.cli;

import io.smo.core.CrossPoster;
import io.smo.core.Media;
import io.smo.core.Platform;
import io.smo.core.PlatformOutcome;
import io.smo.core.SocialClient;
import io.smo.core.Target;
import io.smo.core.Violation;
import io.smo.core.campaign.CampaignPlan;
import io.smo.core.campaign.CampaignPlanner;
import io.smo.core.campaign.CampaignResult;
import io.smo.core.campaign.PlannedPost;
import io.smo.core.campaign.Segment;
import io.smo.core.exception.ValidationException;
import io.smo.core.upload.UploadListener;
import io.smo.facebook.FacebookClient;
import io.smo.instagram.InstagramClient;
import io.smo.pinterest.PinterestClient;
import io.smo.snapchat.SnapchatClient;
import io.smo.testkit.Sandbox;
import io.smo.testkit.SandboxCredentials;
import io.smo.testkit.emulator.InstagramEmulator;
import io.smo.tiktok.TikTokClient;
import io.smo.twitter.TwitterClient;
import io.smo.youtube.YouTubeClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * {@code smo post} for a multi-account campaign (named {@code accounts} and {@code segments}): one
 * client per account, credentials from {@code SMO_<ACCOUNT>_<KEY>} or {@code <credentials
 * dir>/<account>.properties}, or every account on the embedded sandbox when no account has
 * credentials. Plans with {@link CampaignPlanner}, prints the plan as a matrix for {@code
 * --dry-run}, else publishes and prints one row per (segment, target). Credentials are never
 * printed.
 */
final class SegmentedPost {
  private SegmentedPost() {}

  /** Returns the exit code: 0 all planned posts published, 1 some did not, 2 bad campaign. */
  static int run(
      Campaign c,
      Path credentialsDir,
      Map<String, String> env,
      PrintStream out,
      PrintStream err,
      boolean dryRun)
      throws IOException {
    if (c.accounts.isEmpty() || c.segments.isEmpty()) {
      err.println("error: a multi-account campaign needs both accounts and segments");
      return 2;
    }
    if (!c.text.isEmpty() || !c.media.isEmpty()) {
      err.println(
          "error: give the text and media in each segment, not at the top level, when the campaign has segments");
      return 2;
    }
    Map<String, Platform> platforms = new LinkedHashMap<>();
    Map<String, Map<String, String>> creds = new LinkedHashMap<>();
    for (Map.Entry<String, Campaign.AccountEntry> e : c.accounts.entrySet()) {
      String name = e.getKey();
      Campaign.AccountEntry a = e.getValue();
      if (a == null || a.platform == null) {
        err.println(
            "error: accounts."
                + name
                + ".platform is missing (facebook, instagram, x, youtube, tiktok, pinterest, snapchat)");
        return 2;
      }
      try {
        platforms.put(name, Platform.fromId(a.platform));
      } catch (IllegalArgumentException ex) {
        err.println("error: accounts." + name + ".platform: " + ex.getMessage());
        return 2;
      }
      creds.put(
          name, credentials(a.credentials != null ? a.credentials : name, credentialsDir, env));
    }
    boolean sandboxAll = creds.values().stream().allMatch(Map::isEmpty);
    Sandbox sandbox = null;
    Map<String, SocialClient> clients = new LinkedHashMap<>();
    Map<String, String> missing = new LinkedHashMap<>();
    try {
      if (sandboxAll) {
        sandbox = Sandbox.start();
        Session.lastSandbox = sandbox;
        err.println(
            "No credentials configured for any account: running every account against the"
                + " embedded SMO sandbox at http://127.0.0.1:"
                + sandbox.port()
                + "/ (nothing is posted for real).");
      }
      for (Map.Entry<String, Platform> e : platforms.entrySet()) {
        String name = e.getKey();
        Platform p = e.getValue();
        String ref =
            envName(
                c.accounts.get(name).credentials != null ? c.accounts.get(name).credentials : name);
        try {
          if (sandboxAll) {
            clients.put(name, sandboxClient(p, sandbox, sandbox.addAccount(p, name)));
          } else if (creds.get(name).isEmpty()) {
            missing.put(
                name,
                "no credentials for account '"
                    + name
                    + "': set SMO_"
                    + ref
                    + "_ACCESS_TOKEN (and the account's id key) or put "
                    + ref.toLowerCase(Locale.ROOT).replace('_', '-')
                    + ".properties in --credentials DIR");
          } else {
            clients.put(name, Platforms.credentialClient(p, creds.get(name), UploadListener.NONE));
          }
        } catch (RuntimeException ex) {
          missing.put(name, "account '" + name + "' cannot be used: " + ex.getMessage());
        }
      }
      return plan(c, platforms, clients, missing, out, err, dryRun);
    } finally {
      clients.values().forEach(SocialClient::close);
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  private static int plan(
      Campaign c,
      Map<String, Platform> platforms,
      Map<String, SocialClient> clients,
      Map<String, String> missing,
      PrintStream out,
      PrintStream err,
      boolean dryRun) {
    io.smo.core.campaign.Campaign.Builder b =
        io.smo.core.campaign.Campaign.builder(
            c.idempotencyKey != null
                ? c.idempotencyKey
                : c.name != null ? c.name : c.file().getFileName().toString());
    Map<String, Target> targets = new LinkedHashMap<>();
    for (Map.Entry<String, Platform> e : platforms.entrySet()) {
      SocialClient client = clients.get(e.getKey());
      Target t =
          client != null ? client.target() : Target.of(e.getValue(), "unavailable-" + e.getKey());
      targets.put(e.getKey(), t);
      b.account(e.getKey(), t);
    }
    if (c.allowIdenticalTextOnX != null) {
      b.allowIdenticalTextOnX(c.allowIdenticalTextOnX);
    }
    for (int i = 0; i < c.segments.size(); i++) {
      Campaign.SegmentEntry s = c.segments.get(i);
      if (s == null || s.name == null) {
        err.println("error: segments[" + i + "].name is missing");
        return 2;
      }
      Campaign view = c.segmentView(s);
      Segment.Builder sb =
          Segment.builder(s.name)
              .audience(view.audience())
              .accounts(s.accounts == null ? List.of() : s.accounts)
              .assigned(s.assigned == null ? List.of() : s.assigned);
      sb.message(SmoCli.toPost(view, List.of()).toBuilder().build());
      for (Platform p : Platform.values()) {
        List<Media> media = view.mediaFor(p);
        sb.message(p, SmoCli.toPost(view, List.of(p)).toBuilder().media(media).build());
      }
      b.segment(sb.build());
    }
    CampaignPlanner planner = CampaignPlanner.of(new ArrayList<>(clients.values()));
    missing.forEach((name, why) -> planner.unavailable(targets.get(name), why));
    CampaignPlan plan;
    try {
      plan = planner.plan(b.build());
    } catch (ValidationException e) {
      err.println("error: the campaign cannot be planned:");
      for (Violation v : e.violations()) {
        err.println("  - " + v.field() + " (" + v.rule() + "): " + v.message());
      }
      return 2;
    }
    out.println(
        "Plan of "
            + (c.name != null ? c.name : c.file().getFileName())
            + ": "
            + plan.rows().size()
            + " (segment, target) pairs, "
            + plan.toPublish().size()
            + " to publish");
    out.print(plan.matrix());
    if (dryRun) {
      out.println("Dry run: nothing was sent.");
      return plan.rows().stream().anyMatch(r -> !r.violations().isEmpty()) ? 1 : 0;
    }
    CrossPoster.Builder pb = CrossPoster.builder();
    clients.values().forEach(pb::add);
    CampaignResult result;
    try (CrossPoster poster = pb.build()) {
      result = CampaignResult.publish(plan, poster);
    }
    out.printf(
        "%n%-8s %-12s %-30s %-10s %s%n", "SEGMENT", "ACCOUNT", "TARGET", "OUTCOME", "ID / REASON");
    boolean ok = true;
    for (Map.Entry<PlannedPost, PlatformOutcome> e : result.rows()) {
      PlannedPost r = e.getKey();
      PlatformOutcome o = e.getValue();
      String status = o == null ? "skipped" : o.status().name().toLowerCase(Locale.ROOT);
      String detail =
          o == null
              ? r.reason()
              : o.published().map(pp -> pp.id()).orElse(OutcomeTable.oneLine(o.reason()));
      if (o != null && o.status() != PlatformOutcome.Status.PUBLISHED) {
        ok = false;
      }
      if (o == null && (!r.violations().isEmpty() || missing.containsKey(r.accountName()))) {
        ok = false;
      }
      out.printf(
          "%-8s %-12s %-30s %-10s %s%n",
          r.segment(), r.accountName(), r.target().key(), status, OutcomeTable.oneLine(detail));
    }
    return ok ? 0 : 1;
  }

  static String envName(String ref) {
    return ref.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /**
   * Reads {@code SMO_<REF>_<KEY>} variables and {@code <dir>/<ref>.properties}; keys lower-case.
   */
  static Map<String, String> credentials(String ref, Path dir, Map<String, String> env)
      throws IOException {
    Map<String, String> c = new LinkedHashMap<>();
    String prefix = "SMO_" + envName(ref) + "_";
    env.forEach(
        (k, v) -> {
          if (k.startsWith(prefix) && v != null && !v.isBlank()) {
            c.put(k.substring(prefix.length()).toLowerCase(Locale.ROOT), v);
          }
        });
    if (dir != null) {
      Path f = dir.resolve(ref + ".properties");
      if (Files.isRegularFile(f)) {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
          props.load(in);
        }
        props.forEach(
            (k, v) -> c.put(String.valueOf(k).toLowerCase(Locale.ROOT), String.valueOf(v)));
      }
    }
    return c;
  }

  /** A client of one sandbox account. */
  static SocialClient sandboxClient(Platform p, Sandbox sandbox, SandboxCredentials c) {
    return switch (p) {
      case FACEBOOK ->
          FacebookClient.builder()
              .baseUrl(sandbox.baseUrl(p))
              .accessToken(c.accessToken())
              .accountId(c.accountId())
              .build();
      case TWITTER ->
          TwitterClient.builder().baseUrl(sandbox.baseUrl(p)).accessToken(c.accessToken()).build();
      case INSTAGRAM ->
          InstagramClient.builder()
              .baseUrl(sandbox.baseUrl(p))
              .accessToken(c.accessToken())
              .accountId(c.accountId())
              .mediaHost(
                  media -> {
                    try {
                      byte[] bytes =
                          media.bytes().isPresent()
                              ? media.bytes().get()
                              : Files.readAllBytes(media.file().orElseThrow());
                      String name =
                          media.file().map(f -> f.getFileName().toString()).orElse("upload.bin");
                      return ((InstagramEmulator) sandbox.emulator(Platform.INSTAGRAM))
                          .hostMedia(sandbox.baseUrl(Platform.INSTAGRAM), name, bytes);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  })
              .build();
      case SNAPCHAT ->
          SnapchatClient.builder()
              .baseUrl(sandbox.baseUrl(p))
              .accessToken(c.accessToken())
              .accountId(c.extra("profileId"))
              .adAccountId(c.extra("adAccountId"))
              .build();
      case TIKTOK ->
          TikTokClient.builder()
              .baseUrl(sandbox.baseUrl(p))
              .accessToken(c.accessToken())
              .accountId(c.accountId())
              .build();
      case YOUTUBE ->
          YouTubeClient.builder()
              .baseUrl(sandbox.baseUrl(p))
              .accessToken(c.accessToken())
              .accountId(c.accountId())
              .pollInterval(java.time.Duration.ofMillis(200))
              .build();
      case PINTEREST ->
          PinterestClient.builder()
              .baseUrl(sandbox.baseUrl(p))
              .accessToken(c.accessToken())
              .accountId(c.accountId())
              .defaultBoardId(c.extra("boardId"))
              .build();
      default ->
          throw new IllegalStateException(p.displayName() + " is not wired into the CLI yet");
    };
  }
}
