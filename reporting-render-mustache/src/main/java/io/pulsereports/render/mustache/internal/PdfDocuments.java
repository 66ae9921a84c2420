package io.pulsereports.render.mustache.internal;

import static java.util.Objects.requireNonNull;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.slf4j.Slf4jLogger;
import com.openhtmltopdf.util.XRLog;
import io.pulsereports.core.ReportingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns a standalone HTML report into an A4 PDF with openhtmltopdf (PDFBox).
 *
 * <p>The HTML5 of the templates is not XML, so jsoup parses it into the W3C DOM openhtmltopdf
 * lays out; the screen HTML is not changed, a print stylesheet is appended to the parsed copy only:
 * A4 portrait with 15 mm margins, table rows and cards never cut across pages, table headers
 * repeated on every page, and every text in the bundled DejaVu Sans (regular and bold, embedded as
 * subsets), so the PDF looks the same on every machine. Charts are already {@code data:} URIs.
 *
 * <p>openhtmltopdf logs through SLF4J (the application picks the backend and the levels; its
 * loggers are named {@code com.openhtmltopdf.*}, PDFBox's {@code org.apache.pdfbox.*}).
 *
 * <p>Thread-safe: every conversion builds its own renderer.
 */
public final class PdfDocuments {

  /** The family name the bundled font is registered under. */
  public static final String FONT_FAMILY = "DejaVu Sans";

  private static final String FONTS = "io/pulsereports/render/mustache/fonts/";

  /** Added after the report's own styles, in the PDF only. */
  static final String PRINT_STYLESHEET =
      "@page { size: A4; margin: 15mm; }\n"
          + "* { font-family: '" + FONT_FAMILY + "' !important; }\n"
          + "body { background: #fff; }\n"
          + "main { max-width: none; padding: 0; }\n"
          + "table { page-break-inside: auto; }\n"
          + "tr, .card, .kpi { page-break-inside: avoid; }\n"
          + "thead { display: table-header-group; }\n"
          + "img { max-width: 100%; }\n";

  static {
    XRLog.setLoggerImpl(new Slf4jLogger());
  }

  /** The PDF of a standalone HTML document. */
  public byte[] fromHtml(String html) {
    requireNonNull(html, "html");
    Document parsed = Jsoup.parse(html);
    Element head = parsed.head();
    head.appendElement("style").attr("media", "print").appendText(PRINT_STYLESHEET);
    org.w3c.dom.Document dom = W3CDom.convert(parsed);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
      builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
      builder.withW3cDocument(dom, "about:blank");
      builder.toStream(out);
      builder.run();
    } catch (IOException | RuntimeException e) {
      throw new ReportingException("cannot render the PDF: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static InputStream font(String file) {
    InputStream in = PdfDocuments.class.getClassLoader().getResourceAsStream(FONTS + file);
    if (in == null) {
      throw new UncheckedIOException(new IOException("the bundled font " + FONTS + file + " is missing"));
    }
    return in;
  }
}
