package io.smo.examples.cli;

import io.smo.core.Comment;
import io.smo.core.CrossPostResult;
import io.smo.core.Feature;
import io.smo.core.ModerationAction;
import io.smo.core.PlatformOutcome;
import io.smo.core.PostRef;
import io.smo.core.SocialClient;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.SmoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code smo demo}: the whole walk-through on the embedded sandbox — publish a campaign, then for
 * each post read its metrics and comments, reply to one comment and hide another. Replies and hides
 * are real actions on a real account, so this command runs only on the sandbox: it refuses (exit
 * code 2) when any credentials are configured. {@code smo post} never engages.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Sandbox only: publish, then metrics, a reply, a hidden comment.",
      "Publishes a campaign on the embedded sandbox, then reads each post's metrics and comments,"
          + " replies to one comment and hides another. Refuses to run when credentials are configured."
    })
final class DemoCmd extends SmoCli.Base {
  /** The reply the demo sends. */
  static final String REPLY_TEXT = "Thank you! See you at a test ride 🚲";

  @Parameters(
      paramLabel = "CAMPAIGN.yaml",
      arity = "0..1",
      description = "The campaign file (default: examples/campaigns/launch.yaml).")
  Path file;

  @Option(
      names = "--platforms",
      description = "Comma-separated platform ids (x,facebook,...); default: the campaign's.")
  String platforms;

  @Override
  public Integer call() throws Exception {
    Credentials found = Credentials.load(credentials, env); // a broken folder is its own error
    if (!found.isEmpty()) {
      throw new CliException(
          "smo demo runs only on the embedded sandbox, because it replies to and hides"
              + " comments; credentials are configured for "
              + found.describe()
              + ". Unset them (and drop"
              + " --credentials) to run the demo, or use `smo post` to publish and `smo reply` / `smo hide` to"
              + " engage on purpose.");
    }
    SmoCli.PostCmd post = new SmoCli.PostCmd();
    post.out = out;
    post.err = err;
    post.env = env;
    post.campaign = new SmoCli.CampaignArgs();
    post.campaign.file = file != null ? file : defaultCampaign();
    post.campaign.platforms = platforms;
    post.json = new JsonOutput.Flag();
    try (Progress progress = new Progress(err);
        Session s = session(progress)) {
      if (!s.sandboxOnly()) {
        throw new IllegalStateException("the demo must run on the sandbox");
      }
      return post.publish(s, progress, result -> engage(s, result));
    }
  }

  /**
   * Finds {@code examples/campaigns/launch.yaml} from the repository root or the examples folder.
   */
  private static Path defaultCampaign() {
    for (String f : new String[] {"examples/campaigns/launch.yaml", "campaigns/launch.yaml"}) {
      if (Files.isRegularFile(Path.of(f))) {
        return Path.of(f);
      }
    }
    throw new CliException(
        "no campaign given and examples/campaigns/launch.yaml is not here: give a campaign file");
  }

  /**
   * Reads metrics and comments of each published post, replies to one comment and hides another.
   */
  private void engage(Session s, CrossPostResult result) {
    out.println();
    out.println("Engagement on the sandbox (metrics, then answer one comment and hide another):");
    for (PlatformOutcome o : result.outcomes().values()) {
      if (o.published().isEmpty()) {
        continue;
      }
      SocialClient client = s.client(o.platform());
      PostRef ref = o.published().get().ref();
      String id = o.platform().id();
      try {
        if (client.capabilities().supports(Feature.METRICS)) {
          out.printf("  %-10s metrics  %s%n", id, SmoCli.MetricsCmd.describe(client.metrics(ref)));
        }
        if (!client.capabilities().supports(Feature.COMMENTS)) {
          out.printf("  %-10s comments (the platform's API has none)%n", id);
          continue;
        }
        List<Comment> comments = client.comments(ref).maxItems(5).toList();
        out.printf("  %-10s comments %d read%n", id, comments.size());
        Comment answered = null;
        if (client.capabilities().supports(Feature.REPLY)) {
          for (Comment c : comments) {
            try {
              Comment reply = client.reply(c.ref(), REPLY_TEXT);
              out.printf(
                  "  %-10s replied  to %s \"%s\" -> %s%n",
                  id, c.id(), OutcomeTable.oneLine(c.text()), reply.id());
              answered = c;
              break;
            } catch (PermissionException e) {
              out.printf(
                  "  %-10s refused  reply to %s: %s%n",
                  id, c.id(), OutcomeTable.oneLine(e.missing().orElse(e.getMessage())));
            }
          }
        }
        if (client.capabilities().supports(Feature.HIDE_COMMENTS)) {
          for (Comment c : comments) {
            if (c != answered && !c.hidden()) {
              client.moderate(c.ref(), ModerationAction.HIDE);
              out.printf("  %-10s hid      %s%n", id, c.id());
              break;
            }
          }
        }
      } catch (SmoException e) {
        out.printf("  %-10s failed   %s%n", id, OutcomeTable.oneLine(e.getMessage()));
      }
    }
  }
}
