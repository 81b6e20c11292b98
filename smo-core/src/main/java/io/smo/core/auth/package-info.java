/** OAuth 2.0 tokens, PKCE authorization, refresh and token persistence. */
@SmoPublicApi
package io.smo.core.auth;

import io.smo.core.SmoPublicApi;
