package io.pulsereports.http;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import io.pulsereports.core.ConcurrentChangeException;
import io.pulsereports.core.InvalidReportRequestException;
import io.pulsereports.core.NotFoundException;
import io.pulsereports.core.Reporting;
import io.pulsereports.core.access.ApiToken;
import org.eclipse.jetty.server.handler.GracefulHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded HTTP API over a {@link Reporting}: the routes under {@code
 * /api/analytics/reporting} (bearer tokens scoped to gyms), {@code GET /health} without a token,
 * and the OpenAPI document at {@code /api/analytics/reporting/openapi.json}.
 *
 * <pre>{@code
 * ReportingHttpServer server = ReportingHttpServer.builder(reporting).port(8080).build().start();
 * ...
 * server.stop();   // refuses new requests, lets the ones in progress finish, then stops
 * }</pre>
 *
 * <p>Errors are JSON: {@code {"error": …, "field": …, "message": …}} with 400 (unreadable
 * request), 401 (no or bad token), 403 (another gym), 404, 409 (changed meanwhile), 413 (body too
 * large), 422 (a value the library refuses) or 500.
 */
public final class ReportingHttpServer implements AutoCloseable {

  /** The OpenAPI document's path; it describes every route {@link #routes()} lists. */
  public static final String OPENAPI_PATH = ReportingApi.BASE + "/openapi.json";
  public static final String HEALTH_PATH = "/health";

  private static final Logger LOG = LoggerFactory.getLogger(ReportingHttpServer.class);

  private final Reporting reporting;
  private final ApiJson json;
  private final String host;
  private final int requestedPort;
  private final long maxBodyBytes;
  private final Duration shutdownTimeout;
  private final List<ReportingApi.Route> routes;
  private final byte[] openApi;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Object idle = new Object();
  private Javalin app;

  private ReportingHttpServer(Builder builder) {
    this.reporting = builder.reporting;
    this.json = new ApiJson(reporting);
    this.host = builder.host;
    this.requestedPort = builder.port;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.shutdownTimeout = builder.shutdownTimeout;
    this.routes = new ReportingApi(reporting, json).routes();
    this.openApi = openApiDocument();
  }

  public static Builder builder(Reporting reporting) {
    return new Builder(reporting);
  }

  /** Starts listening; returns once the port is bound. */
  public synchronized ReportingHttpServer start() {
    if (app != null) {
      throw new IllegalStateException("the server is already started");
    }
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.maxRequestSize = maxBodyBytes;
      config.http.prefer405over404 = true;
      config.router.ignoreTrailingSlashes = true;
      config.jetty.host = host;
      config.jetty.port = requestedPort;
      // Javalin puts its handlers inside this one: Jetty's stop then waits for requests in progress,
      // their responses written, before it closes connections.
      config.jetty.modifyServer(server -> {
        server.setHandler(new GracefulHandler());
        server.setStopTimeout(Math.max(1, shutdownTimeout.toMillis()));
      });
      config.routes.get(HEALTH_PATH, guarded(this::health));
      config.routes.before(ReportingApi.BASE + "/*", this::authenticate);
      config.routes.get(OPENAPI_PATH, guarded(ctx -> ctx.contentType("application/json").result(openApi)));
      for (ReportingApi.Route route : routes) {
        config.routes.addEndpoint(new Endpoint(route.method(), route.path(), guarded(route.handler()), java.util.Set.of()));
      }
      config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e));
      config.routes.exception(NotFoundException.class,
          (e, ctx) -> error(ctx, new ApiException(404, "not_found", Optional.of(e.field()), e.getMessage())));
      config.routes.exception(InvalidReportRequestException.class,
          (e, ctx) -> error(ctx, new ApiException(422, "invalid", Optional.of(e.field()), e.getMessage())));
      config.routes.exception(ConcurrentChangeException.class,
          (e, ctx) -> error(ctx, new ApiException(409, "conflict", Optional.empty(), e.getMessage())));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, fromJavalin(e, ctx)));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, new ApiException(500, "internal_error", Optional.empty(),
            "the request failed on the server: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
      });
    });
    app.start();
    return this;
  }

  /** The port the server listens on (the one bound, when 0 was asked for). */
  public int port() {
    if (app == null) {
      throw new IllegalStateException("the server is not started");
    }
    return app.port();
  }

  /**
   * The method and path of every route under the API's base, as registered: what the OpenAPI
   * document must describe. {@code /health} and the document itself are not listed.
   */
  public List<String> routes() {
    return routes.stream().map(r -> r.method().name() + " " + r.path()).toList();
  }

  /**
   * The routes the running server has registered ({@code METHOD path}), read from its router:
   * checked against {@link #routes()} and the OpenAPI document by the tests.
   */
  public List<String> registeredRoutes() {
    if (app == null) {
      throw new IllegalStateException("the server is not started");
    }
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
        .toList();
  }

  /**
   * Stops gracefully: new requests get 503 at once, requests in progress may finish (up to the
   * shutdown timeout) and their responses are written, then the port is closed. Safe to call more
   * than once.
   */
  public synchronized void stop() {
    if (app == null || !stopping.compareAndSet(false, true)) {
      return;
    }
    Instant deadline = Instant.now().plus(shutdownTimeout);
    synchronized (idle) {
      while (inFlight.get() > 0 && Instant.now().isBefore(deadline)) {
        try {
          idle.wait(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (inFlight.get() > 0) {
      LOG.warn("stopping with {} request(s) still running after {}", inFlight.get(), shutdownTimeout);
    }
    app.stop();
  }

  @Override
  public void close() {
    stop();
  }

  private void health(Context ctx) {
    ObjectNode body = json.object();
    body.put("status", "ok");
    ctx.status(200).contentType("application/json").result(json.bytes(body));
  }

  private void authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw unauthorized("send 'Authorization: Bearer <token>' (create one with: reporting tokens create --gym-id ID)");
    }
    String[] parts = header.strip().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
      throw unauthorized("the Authorization header must be 'Bearer <token>'");
    }
    Optional<ApiToken> token = reporting.authenticate(parts[1].strip());
    if (token.isEmpty()) {
      throw unauthorized("the token is unknown or revoked");
    }
    ctx.attribute(ReportingApi.TOKEN, token.get());
  }

  private static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", Optional.of("Authorization"), message);
  }

  /** Counts the request while it runs, so {@link #stop()} can wait for it; refuses new ones while stopping. */
  private Handler guarded(Handler handler) {
    return ctx -> {
      if (stopping.get()) {
        throw new ApiException(503, "unavailable", Optional.empty(), "the server is shutting down; retry on another instance");
      }
      inFlight.incrementAndGet();
      try {
        handler.handle(ctx);
      } finally {
        if (inFlight.decrementAndGet() == 0) {
          synchronized (idle) {
            idle.notifyAll();
          }
        }
      }
    };
  }

  private void error(Context ctx, ApiException e) {
    if (e.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    ctx.status(e.status()).contentType("application/json").result(json.bytes(json.error(e)));
  }

  private ApiException fromJavalin(HttpResponseException e, Context ctx) {
    return switch (e.getStatus()) {
      case 404 -> ApiException.notFound(null, "no route " + ctx.method() + " " + ctx.path());
      case 405 -> new ApiException(405, "method_not_allowed", Optional.empty(),
          ctx.method() + " is not allowed on " + ctx.path());
      case 413 -> new ApiException(413, "payload_too_large", Optional.empty(),
          "the body is larger than " + maxBodyBytes + " bytes");
      default -> new ApiException(e.getStatus(), e.getStatus() >= 500 ? "internal_error" : "bad_request",
          Optional.empty(), e.getMessage());
    };
  }

  private static byte[] openApiDocument() {
    try (InputStream in = ReportingHttpServer.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the reporting-http jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where and how the server listens. */
  public static final class Builder {
    private final Reporting reporting;
    private String host = "127.0.0.1";
    private int port = 8080;
    private long maxBodyBytes = 1024 * 1024;
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    private Builder(Reporting reporting) {
      this.reporting = requireNonNull(reporting, "reporting");
    }

    /** The address to bind: 127.0.0.1 by default; 0.0.0.0 for every interface. */
    public Builder host(String value) {
      this.host = requireNonNull(value, "host");
      return this;
    }

    /** The port; 0 picks a free one (see {@link #port()}). */
    public Builder port(int value) {
      checkArgument(value >= 0 && value <= 65535, "port %s is outside 0..65535", value);
      this.port = value;
      return this;
    }

    /** The largest request body accepted (1 MiB by default); larger ones get 413. */
    public Builder maxBodyBytes(long value) {
      checkArgument(value >= 1024, "maxBodyBytes %s is below 1024", value);
      this.maxBodyBytes = value;
      return this;
    }

    /** How long {@link #stop()} waits for requests in progress (30 s by default). */
    public Builder shutdownTimeout(Duration value) {
      checkArgument(!value.isNegative(), "shutdownTimeout %s is negative", value);
      this.shutdownTimeout = value;
      return this;
    }

    public ReportingHttpServer build() {
      return new ReportingHttpServer(this);
    }
  }
}
