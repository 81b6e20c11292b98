/** The sandbox: a local, stateful emulation of all seven platforms' HTTP APIs for tests. */
@SmoPublicApi
package io.smo.testkit;

import io.smo.core.SmoPublicApi;
