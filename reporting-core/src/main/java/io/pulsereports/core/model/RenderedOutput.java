package io.pulsereports.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One rendered document. {@code part} names it within the report: {@code report} for a single
 * document, the section name (such as {@code by_hour}) for one CSV table of several.
 */
public record RenderedOutput(String part, ReportFormat format, byte[] content) {

  public RenderedOutput {
    requireNonNull(part, "part");
    checkArgument(part.matches("[a-z0-9_]+"), "part '%s' must be lower-case letters, digits and _", part);
    requireNonNull(format, "format");
    content = requireNonNull(content, "content").clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
