package io.smo.examples.cli;

import io.smo.core.exception.SmoException;
import io.smo.core.exception.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * The exit codes of every {@code smo} command, documented in {@code --help} and the README. Scripts
 * may rely on them.
 */
final class ExitCodes {
  private ExitCodes() {}

  /** Everything asked for was done: every target published, the campaign is valid. */
  static final int OK = 0;

  /**
   * The command ran, but at least one target was not published (failed, unknown or skipped) or the
   * campaign has violations.
   */
  static final int NOT_ALL_DONE = 1;

  /**
   * Usage or configuration error: bad arguments, a missing or unreadable campaign, a wrong {@code
   * --credentials} folder or file, credentials that cannot build a client. Nothing was sent.
   */
  static final int USAGE = 2;

  /**
   * A platform (or the sandbox) refused or failed a call after the input was accepted ({@code
   * metrics}, {@code comments}, {@code reply}, {@code hide}, {@code schedule}...), or an unexpected
   * error stopped the command.
   */
  static final int FAILED = 3;

  /** The exit code section of {@code smo --help}. */
  static final String[] HELP = {
    "0  done: every target published / the campaign is valid",
    "1  a target not published (failed, unknown, skipped) / violations",
    "2  usage or configuration error (arguments, files, credentials)",
    "3  a platform or the sandbox failed a call; unexpected error",
  };

  /** Returns the exit code for an exception that ended a command. */
  static int of(Throwable e) {
    if (e instanceof CliException ce) {
      return ce.exitCode();
    }
    if (e instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    if (e instanceof ValidationException) {
      return NOT_ALL_DONE;
    }
    if (e instanceof SmoException) {
      return FAILED;
    }
    if (e instanceof IOException
        || e instanceof UncheckedIOException
        || e instanceof IllegalArgumentException) {
      return USAGE; // reading the user's files or parsing their values
    }
    return FAILED;
  }
}
