package io.smo.testkit.spi;

import io.smo.core.SmoProtectedApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The official API descriptions strict mode validates against, carried inside the test kit's jar
 * under {@value #RESOURCE_DIR} (where each came from: {@code PROVENANCE.md} next to them). They are
 * read from the class path, so strict mode checks the same thing in any build, whatever the working
 * directory.
 *
 * <p>Strict mode never silently checks nothing: a missing description is an {@link
 * IllegalStateException} naming the file, at {@link io.smo.testkit.Sandbox} start ({@link
 * #requireAll()}) and whenever an emulator asks for it ({@link #read(String)}).
 */
@SmoProtectedApi
public final class BundledSpecs {
  /** The class-path folder of the descriptions. */
  public static final String RESOURCE_DIR = "io/smo/testkit/specs/";

  /** The descriptions strict mode reads, as {@code specs/<file>} names (the emulators' names). */
  public static final List<String> ALL =
      List.of(
          "specs/x-api-v2-openapi.json",
          "specs/pinterest-api-v5-openapi.json",
          "specs/youtube-data-api-v3-discovery.json",
          "specs/youtube-analytics-v2-discovery.json");

  private BundledSpecs() {}

  /**
   * Returns the class-path location of a description.
   *
   * @param name e.g. {@code "specs/x-api-v2-openapi.json"} (the {@code specs/} prefix is optional)
   * @return the resource URL
   * @throws IllegalStateException when the test kit does not carry it
   */
  public static URL url(String name) {
    String file = name.startsWith("specs/") ? name.substring("specs/".length()) : name;
    URL url = BundledSpecs.class.getClassLoader().getResource(RESOURCE_DIR + file);
    if (url == null) {
      throw new IllegalStateException(
          "strict mode needs the official API description "
              + file
              + ", which should be inside the smo-testkit jar at "
              + RESOURCE_DIR
              + file
              + " but is not on the class path: use an unmodified smo-testkit artifact (a shaded or"
              + " filtered jar may have dropped it), or turn strict mode off");
    }
    return url;
  }

  /**
   * Reads a description as UTF-8 text.
   *
   * @param name e.g. {@code "specs/x-api-v2-openapi.json"}
   * @return the document
   * @throws IllegalStateException when the test kit does not carry it
   * @throws UncheckedIOException when it cannot be read
   */
  public static String read(String name) {
    URL url = url(name);
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
  }

  /**
   * Checks that every description in {@link #ALL} is on the class path.
   *
   * @throws IllegalStateException naming every missing one
   */
  public static void requireAll() {
    List<String> missing = new ArrayList<>();
    for (String name : ALL) {
      try {
        url(name);
      } catch (IllegalStateException e) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "strict mode cannot check requests: the official API"
              + " descriptions "
              + missing
              + " are missing from the class path (expected inside the"
              + " smo-testkit jar under "
              + RESOURCE_DIR
              + "); use an unmodified smo-testkit artifact"
              + " or turn strict mode off");
    }
  }
}
