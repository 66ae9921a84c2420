package io.pulsereports.http;

import java.nio.file.Path;

/** The documented requests on a real PostgreSQL server. */
class PostgresHttpApiIT extends HttpApiIT {

  @Override
  ApiServer startApi(Path folder) {
    return ApiServer.onPostgres("http_api");
  }
}
