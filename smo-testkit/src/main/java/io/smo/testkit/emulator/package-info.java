/**
 * The platform emulators, one per platform ({@code <Platform>Emulator}), and the state helpers they
 * share. Protected SPI: users talk to {@link io.smo.testkit.Sandbox}.
 */
@SmoProtectedApi
package io.smo.testkit.emulator;

import io.smo.core.SmoProtectedApi;
