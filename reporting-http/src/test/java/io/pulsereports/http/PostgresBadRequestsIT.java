package io.pulsereports.http;

import java.nio.file.Path;

/** The bad-request table, and the concurrent change, on a real PostgreSQL server. */
class PostgresBadRequestsIT extends BadRequestsIT {

  @Override
  ApiServer startApi(Path folder) {
    return ApiServer.onPostgres("bad_requests");
  }
}
