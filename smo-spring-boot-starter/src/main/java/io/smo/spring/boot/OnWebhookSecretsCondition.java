package io.smo.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when a webhook secret is set under {@code smo.webhooks.*}, or the sandbox is on. */
class OnWebhookSecretsCondition extends SpringBootCondition {
  private static final String[] SECRETS = {
    "smo.webhooks.meta.app-secret",
    "smo.webhooks.x.consumer-secret",
    "smo.webhooks.tiktok.client-secret",
    "smo.webhooks.youtube.secret"
  };

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    Environment env = context.getEnvironment();
    for (String p : SECRETS) {
      if (env.containsProperty(p)) {
        return ConditionOutcome.match(p + " is set");
      }
    }
    if ("true".equalsIgnoreCase(env.getProperty("smo.sandbox.enabled"))) {
      return ConditionOutcome.match("the sandbox is on");
    }
    return ConditionOutcome.noMatch("no smo.webhooks.<platform> secret set and no sandbox");
  }
}
