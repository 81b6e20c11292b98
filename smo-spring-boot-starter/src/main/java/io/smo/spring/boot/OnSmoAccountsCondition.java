package io.smo.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when at least one {@code smo.accounts.<name>} entry is configured. */
class OnSmoAccountsCondition extends SpringBootCondition {
  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    int n = SmoClientRegistrar.accounts(context.getEnvironment()).size();
    return n > 0
        ? ConditionOutcome.match(n + " smo.accounts configured")
        : ConditionOutcome.noMatch("no smo.accounts configured");
  }
}
