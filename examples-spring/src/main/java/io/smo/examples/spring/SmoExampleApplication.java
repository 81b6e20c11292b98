package io.smo.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application on the SMO starter. {@code application.yml} turns the sandbox on, so
 * {@code mvn -pl examples-spring spring-boot:run} (or running this class) posts nowhere real:
 *
 * <pre>
 * curl -XPOST localhost:8080/posts -H 'Content-Type: application/json' -d '{"text":"Hello"}'
 * curl -XPOST localhost:8080/schedules -H 'Content-Type: application/json' \
 *      -d '{"text":"Later","at":"2030-01-01T09:00:00Z"}'
 * curl localhost:8080/actuator/metrics/smo.api.calls
 * curl localhost:8080/actuator/health
 * </pre>
 */
@SpringBootApplication
public class SmoExampleApplication {
  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(SmoExampleApplication.class, args);
  }
}
