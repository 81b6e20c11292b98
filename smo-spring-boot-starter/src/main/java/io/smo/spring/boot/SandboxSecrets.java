package io.smo.spring.boot;

/**
 * The secrets the sandbox signs its webhook deliveries with, so the auto-configured receiver
 * verifies them like real ones (verification is never switched off). Provided by {@link
 * SmoSandboxAutoConfiguration} when the sandbox is on.
 */
public interface SandboxSecrets {
  /** Returns the Meta app secret ({@code X-Hub-Signature-256}). */
  String metaAppSecret();

  /** Returns the Meta verify token ({@code hub.verify_token}). */
  String verifyToken();

  /** Returns the X consumer secret. */
  String xConsumerSecret();

  /** Returns the TikTok client secret. */
  String tiktokClientSecret();

  /** Returns the WebSub {@code hub.secret}. */
  String hubSecret();
}
