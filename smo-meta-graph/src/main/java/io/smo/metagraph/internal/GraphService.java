package io.smo.metagraph.internal;

import io.smo.core.SmoInternalApi;
import java.util.Map;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.DELETE;
import retrofit2.http.FieldMap;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.QueryMap;
import retrofit2.http.Url;

/**
 * Generic Graph calls as a Retrofit service over core's {@code ApiRuntime}: {@code
 * <base>/<version>/<path>}, the path given already encoded (node ids and edges such as {@code
 * 123_456/comments}). Bodies come back as bytes that {@code GraphHttp} reads with Jackson straight
 * from the stream.
 */
@SmoInternalApi
public interface GraphService {
  /** {@code GET /{v}/{path}?query}. */
  @GET("{v}/{path}")
  Call<ResponseBody> get(
      @Path("v") String v,
      @Path(value = "path", encoded = true) String path,
      @QueryMap Map<String, String> query);

  /** {@code GET <url>}: a {@code paging.next} URL re-based on the client's base URL. */
  @GET
  Call<ResponseBody> get(@Url String url);

  /** {@code POST /{v}/{path}} with a form body. */
  @FormUrlEncoded
  @POST("{v}/{path}")
  Call<ResponseBody> post(
      @Path("v") String v,
      @Path(value = "path", encoded = true) String path,
      @FieldMap Map<String, String> form);

  /** {@code DELETE /{v}/{path}}. */
  @DELETE("{v}/{path}")
  Call<ResponseBody> delete(@Path("v") String v, @Path(value = "path", encoded = true) String path);
}
