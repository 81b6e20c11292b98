/**
 * Spring Boot 3.5 auto-configuration for the SMO SDK: {@code smo.accounts.<name>.*} properties to
 * client beans, a {@code CrossPoster}, a {@code PostScheduler} on the application's {@code
 * DataSource}, Micrometer meters and observations, health indicators and the sandbox.
 */
@SmoPublicApi
package io.smo.spring.boot;

import io.smo.core.SmoPublicApi;
