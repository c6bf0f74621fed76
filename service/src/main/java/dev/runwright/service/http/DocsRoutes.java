package dev.runwright.service.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * {@code /openapi.json} and {@code /docs}: Swagger UI from the swagger-ui webjar, served from the
 * classpath so the page works with no network access.
 */
public final class DocsRoutes implements HttpService {
  private static final String WEBJAR_PROPERTIES =
      "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
  private static final Map<String, String> ASSETS =
      Map.of(
          "swagger-ui.css", "text/css; charset=utf-8",
          "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
          "favicon-32x32.png", "image/png",
          "favicon-16x16.png", "image/png");

  private final String webjarRoot;
  private final byte[] openApi;
  private final byte[] page;
  private final byte[] initializer;

  public DocsRoutes() {
    Properties webjar = new Properties();
    try (InputStream in = DocsRoutes.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
      webjar.load(in);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("swagger-ui webjar missing from the classpath", e);
    }
    this.webjarRoot =
        "/META-INF/resources/webjars/swagger-ui/" + webjar.getProperty("version") + "/";
    this.openApi = resource("/dev/runwright/service/http/openapi.json");
    this.page = resource("/dev/runwright/service/http/docs.html");
    this.initializer = resource("/dev/runwright/service/http/docs-initializer.js");
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/openapi.json", (req, res) -> send(res, "application/json", openApi, "no-cache"));
    rules.get("/docs", (req, res) -> send(res, "text/html; charset=utf-8", page, "no-cache"));
    rules.get("/docs/", (req, res) -> send(res, "text/html; charset=utf-8", page, "no-cache"));
    rules.get(
        "/docs/docs-initializer.js",
        (req, res) -> send(res, "text/javascript; charset=utf-8", initializer, "no-cache"));
    rules.get("/docs/{asset}", this::asset);
  }

  private void asset(ServerRequest req, ServerResponse res) {
    String name = req.path().pathParameters().get("asset");
    String type = ASSETS.get(name);
    if (type == null) {
      ErrorResponses.notFound(req, res);
      return;
    }
    send(res, type, resource(webjarRoot + name), "public, max-age=86400");
  }

  private static void send(ServerResponse res, String type, byte[] body, String cache) {
    res.header(HeaderNames.CONTENT_TYPE, type);
    res.header(HeaderNames.CACHE_CONTROL, cache);
    res.send(body);
  }

  private static byte[] resource(String path) {
    try (InputStream in = DocsRoutes.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
