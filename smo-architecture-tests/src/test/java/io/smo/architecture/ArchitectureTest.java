package io.smo.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smo.core.SmoInternalApi;
import io.smo.core.SmoProtectedApi;
import io.smo.core.SmoPublicApi;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tiers of docs/PLATFORM-MODULE.md, checked on the classes of every published module:
 *
 * <ul>
 *   <li>every public type in {@code io.smo..} carries exactly one tier annotation ({@link
 *       SmoPublicApi}, {@link SmoProtectedApi}, {@link SmoInternalApi}) or sits in a package whose
 *       {@code package-info} declares one;
 *   <li>no public-API-tier signature (supertypes, public and protected fields, methods and
 *       constructors, generic arguments included) mentions an internal type ({@code
 *       io.smo..internal..} or {@link SmoInternalApi}) or a third-party type (Jackson, Retrofit,
 *       OkHttp and Okio, Resilience4j);
 *   <li>no platform module package depends on another platform's package.
 * </ul>
 *
 * <p>Rules not yet true on this branch are listed in a {@code PENDING} set per rule (the platform
 * modules are being converted on other branches): a pending item is reported, and the test fails
 * when a pending item already passes, so that the set only shrinks.
 */
class ArchitectureTest {
  private static final List<Class<? extends Annotation>> TIERS =
      List.of(SmoPublicApi.class, SmoProtectedApi.class, SmoInternalApi.class);
  private static final List<String> PLATFORMS =
      List.of("facebook", "instagram", "twitter", "youtube", "tiktok", "pinterest", "snapchat");
  private static final List<String> THIRD_PARTY =
      List.of(
          "com.fasterxml.jackson.", "retrofit2.", "okhttp3.", "okio.", "io.github.resilience4j.");

  /** Public types without a tier (FQN); none today. */
  private static final Set<String> PENDING_UNTIERED = Set.of();

  /**
   * Public-API types whose signatures still mention an internal or third-party type (FQN of the
   * type declaring the member). Each is removed when its module reaches the template.
   */
  private static final Set<String> PENDING_LEAKS =
      Set.of(
          // HttpSettings: shared OkHttpClient and proxy setup (an escape hatch users rely on)
          "io.smo.core.HttpSettings",
          "io.smo.core.HttpSettings$Builder",
          // deprecated constructor kept for the platform helpers until they take HttpSettings, and
          // parseToken(JsonNode, ...) that PinterestOAuth and TikTok tests call
          "io.smo.core.auth.OAuth2Flow",
          // create(config, OkHttpClient, Clock): the tests' shared client and fake clock; to go
          // with
          // OAuth2Flow's deprecated constructor
          "io.smo.pinterest.PinterestOAuth",
          "io.smo.twitter.TwitterOAuth",
          // Bitly's builder shares an OkHttpClient (an HttpSettings setter is due)
          "io.smo.bitly.BitlyLinkShortener$Builder",
          // the sandbox's recorded create: body() is a Jackson tree (a typed body or a String is
          // due)
          "io.smo.testkit.Created");

  /** Platform package dependencies still present, as {@code from->to}. */
  private static final Set<String> PENDING_PLATFORM_DEPENDENCIES = Set.of();

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.smo");
    assertThat(classes.stream().map(JavaClass::getPackageName))
        .as("the published modules are on the class path")
        .contains("io.smo.core", "io.smo.facebook", "io.smo.snapchat");
  }

  @Test
  void everyPublicTypeHasExactlyOneTier() {
    Map<String, String> problems = new TreeMap<>();
    for (JavaClass c : classes) {
      if (!isExported(c) || c.getSimpleName().equals("package-info")) {
        continue;
      }
      long own = TIERS.stream().filter(c::isAnnotatedWith).count();
      if (own > 1) {
        problems.put(c.getName(), "carries " + own + " tier annotations");
      } else if (own == 0 && packageTier(c.getPackage()) == null && topLevelTier(c) == null) {
        problems.put(c.getName(), "has no tier (annotate the type or its package-info)");
      }
    }
    checkPending("types without exactly one tier", problems, PENDING_UNTIERED);
  }

  @Test
  void noPublicApiSignatureMentionsInternalOrThirdPartyTypes() {
    Map<String, String> problems = new TreeMap<>();
    for (JavaClass c : classes) {
      if (!isExported(c) || tier(c) != SmoPublicApi.class) {
        continue;
      }
      List<String> leaks = new ArrayList<>();
      if (c.getSuperclass().isPresent()) {
        check(c, "extends", c.getSuperclass().get().getAllInvolvedRawTypes(), leaks);
      }
      for (JavaType i : c.getInterfaces()) {
        check(c, "implements", i.getAllInvolvedRawTypes(), leaks);
      }
      for (JavaField f : c.getFields()) {
        if (visible(f)) {
          check(c, "field " + f.getName(), f.getType().getAllInvolvedRawTypes(), leaks);
        }
      }
      for (JavaCodeUnit m : c.getCodeUnits()) {
        if (!visible(m)
            || m.getModifiers().contains(JavaModifier.SYNTHETIC)
            || m.getModifiers().contains(JavaModifier.BRIDGE)) {
          continue;
        }
        String name = m.isConstructor() ? "constructor" : m.getName() + "()";
        check(c, name + " returns", m.getReturnType().getAllInvolvedRawTypes(), leaks);
        for (JavaType p : m.getParameterTypes()) {
          check(c, name + " parameter", p.getAllInvolvedRawTypes(), leaks);
        }
      }
      if (!leaks.isEmpty()) {
        problems.put(c.getName(), String.join("; ", new TreeSet<>(leaks)));
      }
    }
    checkPending(
        "public-API types mentioning internal or third-party types", problems, PENDING_LEAKS);
  }

  @Test
  void noPlatformModuleDependsOnAnother() {
    Pattern platformPackage =
        Pattern.compile("^io\\.smo\\.(" + String.join("|", PLATFORMS) + ")(\\..*)?$");
    Map<String, String> problems = new TreeMap<>();
    for (JavaClass c : classes) {
      Matcher from = platformPackage.matcher(c.getPackageName());
      if (!from.matches()) {
        continue;
      }
      c.getDirectDependenciesFromSelf()
          .forEach(
              d -> {
                Matcher to = platformPackage.matcher(d.getTargetClass().getPackageName());
                if (to.matches() && !to.group(1).equals(from.group(1))) {
                  problems.merge(
                      from.group(1) + "->" + to.group(1),
                      c.getName() + " uses " + d.getTargetClass().getName(),
                      (a, b) -> a);
                }
              });
    }
    checkPending(
        "platform modules depending on another platform", problems, PENDING_PLATFORM_DEPENDENCIES);
  }

  /** Fails on problems outside {@code pending} and on pending items that no longer have one. */
  private static void checkPending(String rule, Map<String, String> problems, Set<String> pending) {
    StringBuilder report = new StringBuilder();
    Set<String> stillPending = new TreeSet<>();
    problems.forEach(
        (item, why) -> {
          if (pending.contains(item)) {
            stillPending.add(item + ": " + why);
          } else {
            report.append("\n  ").append(item).append(": ").append(why);
          }
        });
    Set<String> fixed = new TreeSet<>(pending);
    fixed.removeAll(problems.keySet());
    if (!stillPending.isEmpty()) {
      System.out.println(
          "PENDING "
              + rule
              + " ("
              + stillPending.size()
              + "):\n  "
              + String.join("\n  ", stillPending));
    }
    StringBuilder failure = new StringBuilder();
    if (report.length() > 0) {
      failure.append(rule).append(":").append(report);
    }
    if (!fixed.isEmpty()) {
      failure
          .append("\n")
          .append(rule)
          .append(": these PENDING items pass now; remove them from" + " PENDING: ")
          .append(fixed);
    }
    assertThat(failure.toString()).as(rule).isEmpty();
  }

  private static void check(
      JavaClass owner, String where, Iterable<JavaClass> types, List<String> leaks) {
    for (JavaClass t : types) {
      String n = t.getName();
      if (THIRD_PARTY.stream().anyMatch(n::startsWith)) {
        leaks.add(where + " " + n + " (third-party)");
      } else if (n.startsWith("io.smo.")
          && (isInternalPackage(t.getPackageName()) || tier(t) == SmoInternalApi.class)) {
        leaks.add(where + " " + n + " (internal)");
      }
    }
  }

  private static boolean isInternalPackage(String pkg) {
    return pkg.endsWith(".internal") || pkg.contains(".internal.");
  }

  private static boolean visible(JavaMember m) {
    return m.getModifiers().contains(JavaModifier.PUBLIC)
        || m.getModifiers().contains(JavaModifier.PROTECTED)
            && !m.getOwner().getModifiers().contains(JavaModifier.FINAL);
  }

  /** A type visible outside its package: public, and every enclosing type public. */
  private static boolean isExported(JavaClass c) {
    if (!c.getModifiers().contains(JavaModifier.PUBLIC)
        || c.isAnonymousClass()
        || c.isLocalClass()) {
      return false;
    }
    return c.getEnclosingClass().map(ArchitectureTest::isExported).orElse(true);
  }

  /** The tier of a type: its own annotation, an enclosing type's, else its package's. */
  private static Class<? extends Annotation> tier(JavaClass c) {
    for (Class<? extends Annotation> t : TIERS) {
      if (c.isAnnotatedWith(t)) {
        return t;
      }
    }
    Class<? extends Annotation> enclosing = topLevelTier(c);
    return enclosing != null ? enclosing : packageTier(c.getPackage());
  }

  private static Class<? extends Annotation> topLevelTier(JavaClass c) {
    JavaClass e = c.getEnclosingClass().orElse(null);
    while (e != null) {
      for (Class<? extends Annotation> t : TIERS) {
        if (e.isAnnotatedWith(t)) {
          return t;
        }
      }
      e = e.getEnclosingClass().orElse(null);
    }
    return null;
  }

  private static Class<? extends Annotation> packageTier(JavaPackage p) {
    for (Class<? extends Annotation> t : TIERS) {
      if (p.isAnnotatedWith(t)) {
        return t;
      }
    }
    return null;
  }
}
