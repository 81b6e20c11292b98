package io.smo.instagram.internal;

import io.smo.core.Platform;
import io.smo.core.SmoInternalApi;
import io.smo.core.exception.ErrorDetails;
import io.smo.core.exception.PermissionException;
import io.smo.core.exception.PlatformException;
import io.smo.core.exception.SmoException;
import io.smo.core.http.ErrorMapper;
import io.smo.core.http.HttpFailure;
import io.smo.metagraph.spi.GraphError;
import io.smo.metagraph.spi.GraphErrorMapper;
import java.util.Optional;

/**
 * Maps Instagram errors: the shared Meta Graph mapping ({@link GraphErrorMapper}: 190 → auth,
 * 4/17/32/613/800xx → rate limit, 9 / 2207042 → quota, 10/200-299 → permission...) plus the
 * Instagram publishing codes:
 *
 * <ul>
 *   <li>9007 / 2207027 "media not ready": a {@link PlatformException} the publish loop answers by
 *       polling longer ({@link #isNotReady});
 *   <li>2207050 "user restricted": {@link PermissionException};
 *   <li>9004 / 2207052 "media could not be fetched", 2207020 "media expired", 36000–36004 image
 *       problems: {@code InvalidRequestException} (from the shared mapping), not retried — the
 *       container was not created, so nothing was published.
 * </ul>
 *
 * @see <a
 *     href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes">IG
 *     error codes</a>
 */
@SmoInternalApi
public final class InstagramErrorMapper implements ErrorMapper {
  /** Code of "media not ready" (container not FINISHED). */
  public static final int NOT_READY_CODE = 9007;

  /** Subcode of "media not ready". */
  public static final int NOT_READY_SUBCODE = 2207027;

  /** Subcode of "the media URL could not be fetched". */
  public static final int FETCH_FAILED_SUBCODE = 2207052;

  private final GraphErrorMapper graph = new GraphErrorMapper(Platform.INSTAGRAM);

  @Override
  public SmoException map(HttpFailure f) {
    Optional<GraphError> e = GraphError.parse(f.body());
    if (e.isPresent()) {
      int code = e.get().code();
      int sub = e.get().subcode();
      if (code == NOT_READY_CODE || sub == NOT_READY_SUBCODE) {
        return new PlatformException(details(f, e.get()), false);
      }
      if (sub == 2207050) {
        return new PermissionException(details(f, e.get()), null);
      }
    }
    return graph.map(f);
  }

  @Override
  public boolean notProcessed(HttpFailure failure) {
    return graph.notProcessed(failure);
  }

  /** Returns whether {@code e} is the "media not ready" answer of {@code media_publish}. */
  public static boolean isNotReady(SmoException e) {
    if (!(e instanceof PlatformException p)) {
      return false;
    }
    return p.errorCode().filter(String.valueOf(NOT_READY_CODE)::equals).isPresent()
        || p.errorSubcode().filter(String.valueOf(NOT_READY_SUBCODE)::equals).isPresent();
  }

  private static ErrorDetails details(HttpFailure f, GraphError e) {
    ErrorDetails.Builder d =
        f.details()
            .errorCode(e.code() < 0 ? null : e.code())
            .errorSubcode(e.subcode() < 0 ? null : e.subcode())
            .message(
                e.message()
                    + e.userMessage().filter(u -> !u.isBlank()).map(u -> " — " + u).orElse(""));
    f.header("x-fb-trace-id").ifPresent(d::traceId);
    e.traceId().ifPresent(d::traceId);
    return d.build();
  }
}
