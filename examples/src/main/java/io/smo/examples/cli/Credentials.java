package io.smo.examples.cli;

import io.smo.core.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The platform credentials the command line found, read strictly: environment variables {@code
 * SMO_<PLATFORM>_<KEY>} and, with {@code --credentials DIR}, the files {@code
 * DIR/<platform-id>.properties} (a key in the file wins over the environment).
 *
 * <p>Anything that looks like a credential but cannot be used is a {@link CliException} (exit code
 * {@link ExitCodes#USAGE}) naming the variable, folder or file, never a silent fallback to the
 * sandbox: a folder that does not exist or cannot be read, a file name that is no platform id, a
 * file that cannot be read or parsed, an empty file, an empty variable, a key the platform does not
 * take, {@code SMO_X_*} (X's variables are {@code SMO_TWITTER_*}). Values are never part of a
 * message.
 */
final class Credentials {
  /**
   * The keys each platform's client reads (lower case; the environment uses them upper case). Add a
   * key here when {@link Platforms#credentialClient} starts reading it.
   */
  static final Map<Platform, List<String>> KEYS = keys();

  private static Map<Platform, List<String>> keys() {
    Map<Platform, List<String>> k = new EnumMap<>(Platform.class);
    k.put(Platform.FACEBOOK, List.of("access_token", "page_id"));
    k.put(Platform.INSTAGRAM, List.of("access_token", "ig_user_id", "facebook_page_id"));
    k.put(Platform.TWITTER, List.of("access_token"));
    k.put(Platform.YOUTUBE, List.of("access_token"));
    k.put(Platform.TIKTOK, List.of("access_token", "business_id", "business_access_token"));
    k.put(Platform.PINTEREST, List.of("access_token", "board_id"));
    k.put(Platform.SNAPCHAT, List.of("access_token", "profile_id"));
    return Collections.unmodifiableMap(k);
  }

  /**
   * Variables other commands read that look like platform credentials but configure no client (the
   * webhook secrets of {@code smo listen}); skipped here, so they neither count as credentials nor
   * are refused as unknown keys. Add a name here when a command starts reading it.
   */
  static final Set<String> OTHER_VARIABLES =
      Set.of("SMO_X_CONSUMER_SECRET", "SMO_TIKTOK_CLIENT_SECRET", "SMO_YOUTUBE_HUB_SECRET");

  private final Map<Platform, Map<String, String>> values;
  private final Map<Platform, String> origins;

  private Credentials(Map<Platform, Map<String, String>> values, Map<Platform, String> origins) {
    this.values = values;
    this.origins = origins;
  }

  /** No credentials at all: everything runs on the sandbox. */
  static Credentials none() {
    return new Credentials(new EnumMap<>(Platform.class), new EnumMap<>(Platform.class));
  }

  /**
   * Reads the credentials of every platform.
   *
   * @param dir the {@code --credentials} folder, or {@code null} when the option was not given
   * @param env the environment variables
   * @return what was found; {@link #isEmpty()} when neither source holds any
   * @throws CliException (exit code 2) naming the variable, folder or file that is unusable
   */
  static Credentials load(Path dir, Map<String, String> env) {
    Map<Platform, Map<String, String>> values = new EnumMap<>(Platform.class);
    Map<Platform, List<String>> origins = new EnumMap<>(Platform.class);
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      String name = e.getKey();
      if (OTHER_VARIABLES.contains(name)) {
        continue;
      }
      if (name.startsWith("SMO_X_")) {
        throw new CliException(
            "environment variable "
                + name
                + " is not read: X's variables are named SMO_TWITTER_"
                + name.substring("SMO_X_".length()));
      }
      for (Platform p : Platform.values()) {
        String prefix = "SMO_" + p.name() + "_";
        if (name.startsWith(prefix)) {
          String key = name.substring(prefix.length()).toLowerCase(Locale.ROOT);
          checkKey(p, key, "environment variable " + name);
          if (e.getValue() == null || e.getValue().isBlank()) {
            throw new CliException("environment variable " + name + " is set but empty");
          }
          values.computeIfAbsent(p, x -> new LinkedHashMap<>()).put(key, e.getValue());
          add(origins, p, "SMO_" + p.name() + "_* variables");
        }
      }
    }
    if (dir != null) {
      for (Map.Entry<Platform, Path> f : files(dir).entrySet()) {
        Platform p = f.getKey();
        Path file = f.getValue();
        Map<String, String> read = read(file);
        read.forEach((key, v) -> checkKey(p, key, "key " + key + " in " + file));
        values.computeIfAbsent(p, x -> new LinkedHashMap<>()).putAll(read);
        add(origins, p, file.toString());
      }
    }
    Map<Platform, String> origin = new EnumMap<>(Platform.class);
    origins.forEach((p, o) -> origin.put(p, String.join(" and ", o)));
    return new Credentials(values, origin);
  }

  private static void add(Map<Platform, List<String>> origins, Platform p, String origin) {
    List<String> l = origins.computeIfAbsent(p, x -> new ArrayList<>());
    if (!l.contains(origin)) {
      l.add(origin);
    }
  }

  private static void checkKey(Platform p, String key, String where) {
    List<String> known = KEYS.getOrDefault(p, List.of());
    if (!known.contains(key)) {
      throw new CliException(
          where
              + " is not a "
              + p.displayName()
              + " credential; "
              + p.displayName()
              + " takes "
              + known.stream()
                  .map(k -> k + " (SMO_" + p.name() + "_" + k.toUpperCase(Locale.ROOT) + ")")
                  .collect(Collectors.joining(", ")));
    }
  }

  /** The expected file names, for messages. */
  private static String expectedNames() {
    return Arrays.stream(Platform.values())
        .map(p -> p.id() + ".properties")
        .collect(Collectors.joining(", "));
  }

  /** The credentials files of {@code dir}, by platform; every unusable entry is an error. */
  private static Map<Platform, Path> files(Path dir) {
    if (!Files.exists(dir)) {
      throw new CliException(
          "credentials folder "
              + dir
              + " does not exist (--credentials takes a folder holding "
              + "<platform>.properties files)");
    }
    if (!Files.isDirectory(dir)) {
      throw new CliException(
          "--credentials "
              + dir
              + " is a file, not a folder: give the folder holding "
              + expectedNames());
    }
    Map<Platform, Path> out = new EnumMap<>(Platform.class);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      List<Path> sorted = new ArrayList<>();
      entries.forEach(sorted::add);
      Collections.sort(sorted);
      for (Path f : sorted) {
        String name = f.getFileName().toString();
        if (name.startsWith(".")) {
          continue; // .gitignore, editor files
        }
        Platform p = platformOf(name);
        if (name.endsWith(".properties")) {
          if (p == null) {
            throw new CliException(
                "credentials file "
                    + f
                    + " is not named after a platform; expected "
                    + expectedNames());
          }
        } else if (p != null || startsWithPlatform(name)) {
          throw new CliException(
              "credentials file "
                  + f
                  + " is not read: name it "
                  + (p != null ? p.id() : prefixPlatform(name).id())
                  + ".properties");
        } else {
          continue; // README and other files that are no credentials
        }
        if (out.containsKey(p)) {
          throw new CliException(
              "credentials for "
                  + p.displayName()
                  + " are given twice in "
                  + dir
                  + ": "
                  + out.get(p).getFileName()
                  + " and "
                  + name);
        }
        out.put(p, f);
      }
    } catch (AccessDeniedException e) {
      throw new CliException("cannot read credentials folder " + dir + ": permission denied");
    } catch (IOException e) {
      throw new CliException(
          "cannot read credentials folder "
              + dir
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
    if (out.isEmpty()) {
      throw new CliException(
          "credentials folder "
              + dir
              + " holds no credentials file; expected one or more of "
              + expectedNames());
    }
    return out;
  }

  /**
   * The platform a file is named after ({@code twitter.properties}, {@code x.properties}), else
   * null.
   */
  private static Platform platformOf(String name) {
    String base =
        name.endsWith(".properties")
            ? name.substring(0, name.length() - ".properties".length())
            : name;
    try {
      return Platform.fromId(base);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean startsWithPlatform(String name) {
    return prefixPlatform(name) != null;
  }

  /**
   * The platform whose id starts {@code name} followed by a dot ({@code facebook.props}), else
   * null.
   */
  private static Platform prefixPlatform(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (Platform p : Platform.values()) {
      if (lower.startsWith(p.id() + ".")) {
        return p;
      }
    }
    return lower.startsWith("x.") ? Platform.TWITTER : null;
  }

  private static Map<String, String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CliException("credentials file " + file + " is not a regular file");
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
    } catch (AccessDeniedException e) {
      throw new CliException("cannot read credentials file " + file + ": permission denied");
    } catch (NoSuchFileException e) {
      throw new CliException("cannot read credentials file " + file + ": it disappeared");
    } catch (IOException e) {
      throw new CliException(
          "cannot read credentials file " + file + ": " + e.getClass().getSimpleName());
    } catch (IllegalArgumentException e) {
      // Properties.load: a malformed \\uXXXX escape; the message would not name the line, and may
      // quote it
      throw new CliException(
          "credentials file " + file + " is not a valid properties file (malformed \\u escape)");
    }
    if (props.isEmpty()) {
      throw new CliException("credentials file " + file + " holds no keys");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : new java.util.TreeSet<>(props.stringPropertyNames())) {
      String v = props.getProperty(k);
      String key = k.trim().toLowerCase(Locale.ROOT);
      if (v == null || v.isBlank()) {
        throw new CliException("key " + key + " in credentials file " + file + " is empty");
      }
      out.put(key, v.trim());
    }
    return out;
  }

  /** Returns whether no platform has credentials (everything runs on the sandbox). */
  boolean isEmpty() {
    return values.isEmpty();
  }

  /** Returns the platforms with credentials, in {@link Platform} order. */
  Set<Platform> platforms() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /** Returns the credentials of {@code p} (lower-case keys), or {@code null} when it has none. */
  Map<String, String> of(Platform p) {
    return values.get(p);
  }

  /**
   * Returns where the credentials of {@code p} come from (variable pattern, file path); never
   * values.
   */
  String origin(Platform p) {
    return origins.getOrDefault(p, "nowhere");
  }

  /** One line naming each configured platform and where its credentials come from; never values. */
  String describe() {
    return values.keySet().stream()
        .map(p -> p.id() + " (" + origin(p) + ")")
        .collect(Collectors.joining(", "));
  }
}
