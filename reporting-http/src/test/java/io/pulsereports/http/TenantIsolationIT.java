package io.pulsereports.http;

import java.nio.file.Path;

/** {@link TenantIsolationContract} on a SQLite file. */
class TenantIsolationIT extends TenantIsolationContract {

  @Override
  ApiServer startApi(Path folder) {
    return new ApiServer(folder);
  }
}
