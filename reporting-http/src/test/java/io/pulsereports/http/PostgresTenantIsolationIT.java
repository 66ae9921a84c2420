package io.pulsereports.http;

import java.nio.file.Path;

/** {@link TenantIsolationContract} on a real PostgreSQL server. */
class PostgresTenantIsolationIT extends TenantIsolationContract {

  @Override
  ApiServer startApi(Path folder) {
    return ApiServer.onPostgres("tenants");
  }
}
