package io.smo.core;

/** One dimension of an {@link Audience}; {@link Capabilities} lists those a platform honours. */
@SmoPublicApi
public enum AudienceDimension {
  /** {@link Audience#visibility()} other than PUBLIC. */
  VISIBILITY,
  /** {@link Audience#replyPolicy()} other than EVERYONE. */
  REPLY_POLICY,
  /** {@link Audience#countries()}. */
  COUNTRIES,
  /** {@link Audience#regions()}. */
  REGIONS,
  /** {@link Audience#cities()}. */
  CITIES,
  /** {@link Audience#languages()}. */
  LANGUAGES,
  /** {@link Audience#ageRange()}. */
  AGE_RANGE,
  /** {@link Audience#genders()}. */
  GENDERS,
  /** {@link Audience#interests()}. */
  INTERESTS
}
