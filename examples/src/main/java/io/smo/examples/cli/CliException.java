package io.smo.examples.cli;

/**
 * A problem with what the user gave the command line (arguments, files, credentials) that stops a
 * command before anything is sent. The message names what is wrong and never contains a secret; the
 * command exits with {@link ExitCodes#USAGE} unless another code is given.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  /** Creates a usage or configuration error (exit code {@link ExitCodes#USAGE}). */
  CliException(String message) {
    this(message, ExitCodes.USAGE);
  }

  /** Creates an error ending the command with {@code exitCode}. */
  CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** Returns the exit code the command ends with. */
  int exitCode() {
    return exitCode;
  }
}
