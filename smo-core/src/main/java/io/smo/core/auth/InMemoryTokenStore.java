package io.smo.core.auth;

import io.smo.core.SmoPublicApi;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link TokenStore} in a concurrent map; tokens are lost when the JVM exits. Thread-safe. */
@SmoPublicApi
public final class InMemoryTokenStore implements TokenStore {
  private final ConcurrentMap<String, AccessToken> tokens = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryTokenStore() {}

  @Override
  public Optional<AccessToken> load(String accountKey) {
    return Optional.ofNullable(tokens.get(accountKey));
  }

  @Override
  public void save(String accountKey, AccessToken token) {
    tokens.put(accountKey, token);
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore{" + tokens.size() + " accounts}";
  }
}
