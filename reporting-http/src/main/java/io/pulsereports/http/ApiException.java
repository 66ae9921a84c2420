package io.pulsereports.http;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A request the API refuses, as the JSON error body says it: {@code {"error", "field", "message"}}.
 * Thrown before anything is stored or sent.
 */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;
  private final Optional<String> field;

  ApiException(int status, String error, Optional<String> field, String message) {
    super(requireNonNull(message, "message"));
    this.status = status;
    this.error = requireNonNull(error, "error");
    this.field = requireNonNull(field, "field");
  }

  /** 400: the request cannot be read (malformed JSON, a wrong type, an unknown field or parameter). */
  static ApiException badRequest(String field, String message) {
    return new ApiException(400, "bad_request", Optional.ofNullable(field), message);
  }

  /** 403: the token does not see the gym (or the learning reports) the request is for. */
  static ApiException forbidden(String field, String message) {
    return new ApiException(403, "forbidden", Optional.ofNullable(field), message);
  }

  /** 404: nothing by that id that this token sees. */
  static ApiException notFound(String field, String message) {
    return new ApiException(404, "not_found", Optional.ofNullable(field), message);
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }

  Optional<String> field() {
    return field;
  }
}
