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

  /**
   * Added after the report's own styles, in the PDF only. openhtmltopdf lays out CSS 2.1 (no grid,
   * no flexbox): KPI cards become inline blocks, four to a row, and the side-by-side tables inline
   * blocks of a third; nothing scrolls on paper.
   */
  static final String PRINT_STYLESHEET =
      "@page { size: A4; margin: 15mm 15mm 17mm 15mm;\n"
          + "  @bottom-left { content: 'Pulse Reports'; font-family: '" + FONT_FAMILY + "'; font-size: 8px; color: #8a94a3; }\n"
          + "  @bottom-right { content: 'Page ' counter(page) ' of ' counter(pages); font-family: '" + FONT_FAMILY + "';"
          + " font-size: 8px; color: #8a94a3; } }\n"
          + "* { font-family: '" + FONT_FAMILY + "' !important; }\n"
          + "body { background: #ffffff; font-size: 10px; line-height: 1.4; }\n"
          + "main { max-width: none; padding: 0; }\n"
          + "header.report { padding: 12px 16px; margin-bottom: 10px; }\n"
          + "header.report h1 { font-size: 20px; margin-bottom: 8px; }\n"
          + "ul.meta li { font-size: 9px; padding: 2px 8px; }\n"
          // Sections are open on paper, their rule on the heading: a heading pushed to the next page
          // takes the rule along instead of leaving an empty box behind.
          + "section { border: 0; border-radius: 0; background: none; padding: 0; margin: 0 0 14px; }\n"
          + "h2 { font-size: 13px; margin: 0 0 8px; padding-top: 10px; border-top: 2px solid #e1e6ee;"
          + " page-break-after: avoid; }\n"
          + ".cols-3 h2 { border-top: 0; }\n"
          + "section#status { border-top: 2px solid #e1e6ee; }\n"
          + "p.windows, p.note { font-size: 9px; }\n"
          + ".kpis { display: block; font-size: 0; }\n"
          + ".kpi { display: inline-block; vertical-align: top; width: 22.9%; margin: 0 2% 8px 0; padding: 8px 10px;"
          + " font-size: 9px; }\n"
          + ".kpi .label, .kpi .note, .kpi .trend { font-size: 8px; }\n"
          + ".kpi .value { font-size: 16px; }\n"
          + ".cols-3 { display: block; font-size: 0; }\n"
          + ".cols-3 > div { display: inline-block; vertical-align: top; width: 31%; margin-right: 2%; font-size: 10px; }\n"
          + ".scroll { overflow: visible; }\n"
          + "th { font-size: 8px; }\n"
          + "th, td { padding: 4px 6px; }\n"
          + "td.id { font-size: 8px; }\n"
          + "td.bar { width: 22%; }\n"
          + "p.bounds { font-size: 9px; }\n"
          + "h2 .sub { font-size: 10px; }\n"
          + "table { page-break-inside: auto; -fs-table-paginate: paginate; }\n"
          + "tr, .kpi, p.chart { page-break-inside: avoid; }\n"
          + "thead { display: table-header-group; }\n"
          // A tall chart (a heatmap of many categories) is scaled down rather than left for the next page.
          + "p.chart img { width: auto; height: auto; max-width: 100%; max-height: 150mm; }\n"
          + "footer { font-size: 8px; }\n";

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
