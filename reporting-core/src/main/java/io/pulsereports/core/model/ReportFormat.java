package io.pulsereports.core.model;

import java.util.Locale;
import java.util.Optional;

/** An output format of a rendered report. */
public enum ReportFormat {
  JSON("json", "application/json"),
  CSV("csv", "text/csv"),
  HTML("html", "text/html"),
  /** Charts as PNG images, one part per chart. */
  PNG("png", "image/png"),
  /** The standalone HTML report as an A4 PDF document, one part {@code report}. */
  PDF("pdf", "application/pdf");

  private final String extension;
  private final String mediaType;

  ReportFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The format named like its file extension ({@code json}, {@code csv}, {@code html}, {@code png}, {@code pdf}). */
  public static Optional<ReportFormat> fromExtension(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (ReportFormat format : values()) {
      if (format.extension.equals(wanted)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
