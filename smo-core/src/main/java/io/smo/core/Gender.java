package io.smo.core;

/** A gender for audience targeting, as the platforms that target by gender define it. */
@SmoPublicApi
public enum Gender {
  /** Male. */
  MALE,
  /** Female. */
  FEMALE
}
