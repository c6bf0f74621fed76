package dev.runwright.service.http;

import dev.runwright.service.tokens.SigningKeys;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.nio.charset.StandardCharsets;

/** {@code /.well-known/jwks.json}: the public keys that verify this service's tokens. */
public final class JwksRoutes implements HttpService {
  private final byte[] body;

  public JwksRoutes(SigningKeys keys) {
    this.body = keys.verificationKeys().toString(true).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get(
        "/jwks.json",
        (req, res) -> {
          res.header(HeaderValues.CONTENT_TYPE_JSON);
          res.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
          res.send(body);
        });
  }
}
