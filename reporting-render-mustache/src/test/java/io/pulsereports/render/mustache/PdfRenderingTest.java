package io.pulsereports.render.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import io.pulsereports.core.metric.DailyLeadReport;
import io.pulsereports.core.metric.LeadMetricsConfig;
import io.pulsereports.core.metric.LeadPerformanceCalculator;
import io.pulsereports.core.model.CallGroup;
import io.pulsereports.core.model.LeadActivity;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PdfRenderingTest {

  private final MustacheReportRenderer renderer = MustacheReportRenderer.create();

  static Stream<Arguments> reports() {
    return Stream.of(
        Arguments.of("daily", LeadReportFixtures.daily(), "Daily lead performance", "37.5 %"),
        Arguments.of("weekly", LeadReportFixtures.weekly(), "Weekly lead performance", "27.3 %"),
        Arguments.of("learning-daily", LearningReportFixtures.learningDaily(), "Daily learning engagement", "student"),
        Arguments.of("empty learning-daily", LearningReportFixtures.emptyLearningDaily(), "Daily learning engagement",
            "No errors detected in this window."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void rendersAnA4PdfWithEmbeddedFontsAndTheReportText(String type, Report<?> report, String title, String figure)
      throws IOException {
    List<RenderedOutput> outputs = renderer.render(report, ReportFormat.PDF);

    assertThat(outputs).singleElement().satisfies(output -> {
      assertThat(output.part()).isEqualTo(MustacheReportRenderer.REPORT_PART);
      assertThat(output.format()).isEqualTo(ReportFormat.PDF);
      assertThat(new String(Arrays.copyOf(output.content(), 5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    });
    try (PDDocument pdf = Loader.loadPDF(outputs.get(0).content())) {
      assertThat(pdf.getNumberOfPages()).isPositive();
      for (PDPage page : pdf.getPages()) {
        PDRectangle box = page.getMediaBox();
        assertThat(Math.round(box.getWidth())).as("A4 width in points").isEqualTo(595);
        assertThat(Math.round(box.getHeight())).as("A4 height in points").isEqualTo(842);
      }
      List<PDFont> fonts = fonts(pdf);
      assertThat(fonts).isNotEmpty();
      assertThat(fonts).allSatisfy(font -> {
        assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
        assertThat(font.getName()).contains("DejaVuSans");
      });
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains(title).contains(figure);
    }
  }

  @Test
  void setsTheKpiCardsSideBySideFourToARow() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(renderer.render(LeadReportFixtures.weekly(), ReportFormat.PDF).get(0).content())) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setEndPage(1);
      String firstPage = stripper.getText(pdf);

      // openhtmltopdf has no grid: without the print layout each card would stand on a line of its own.
      assertThat(firstPage).containsPattern("NEW LEADS +CONVERTED +CONVERSION RATE +CALLS")
          .containsPattern("SUCCESS RATE +INTEREST RATE +AVG DURATION +BEST HOUR")
          .containsPattern("11 +4 +27\\.3 % +15")
          .contains("▲ +175.0 % vs previous");
    }
  }

  @Test
  void leavesTheScreenHtmlUnchanged() {
    String html = new String(renderer.render(LeadReportFixtures.daily(), ReportFormat.HTML).get(0).content(), StandardCharsets.UTF_8);

    assertThat(html).doesNotContain("@page").doesNotContain("DejaVu");
  }

  @Test
  void escapesMarkupFromTheDataInThePdfText() throws IOException {
    byte[] content = renderer.render(LeadReportFixtures.daily(), ReportFormat.PDF).get(0).content();

    try (PDDocument pdf = Loader.loadPDF(content)) {
      assertThat(new PDFTextStripper().getText(pdf)).contains(LeadReportFixtures.SCRIPT_STATUS);
    }
  }

  @Test
  void aLongTableRunsOverPagesWithItsHeaderRepeatedAndNoRowCut() throws IOException {
    List<CallGroup> calls = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      calls.add(new CallGroup(LeadReportFixtures.DST_SUNDAY, 9 + i % 8, Optional.of(String.format("staff-%03d", i)),
          "completed", Optional.of("interested"), 1 + i % 5, 60L * (1 + i % 5), 1 + i % 5));
    }
    Report<DailyLeadReport> report = new Report<>(LeadReportFixtures.daily().request(), LeadReportFixtures.GENERATED_AT,
        new LeadPerformanceCalculator(LeadMetricsConfig.defaults()).daily(new LeadActivity(List.of(), 0, calls)));

    try (PDDocument pdf = Loader.loadPDF(renderer.render(report, ReportFormat.PDF).get(0).content())) {
      Map<Integer, String> pages = new LinkedHashMap<>();
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.put(page, stripper.getText(pdf));
      }
      List<Integer> staffPages = pages.entrySet().stream()
          .filter(page -> page.getValue().contains("staff-0")).map(Map.Entry::getKey).toList();
      assertThat(staffPages).as("the staff ranking spans pages").hasSizeGreaterThan(1);
      for (int page : staffPages) {
        assertThat(pages.get(page)).as("page %d repeats the table header", page).contains("STAFF MEMBER");
        assertThat(pages.get(page)).contains("Page " + page + " of " + pdf.getNumberOfPages());
      }
      for (int i = 0; i < 90; i++) {
        String id = String.format("staff-%03d", i);
        List<String> rows = pages.values().stream().flatMap(String::lines).filter(line -> line.contains(id)).toList();
        // The whole row on one line of one page: rank, id, then the figures up to the duration.
        assertThat(rows).as(id).singleElement().satisfies(row ->
            assertThat(row).matches("\\d+ " + id + " \\d+ \\d+ \\d+ 100\\.0 % 100\\.0 % 1 m 00 s"));
      }
    }
  }

  private static List<PDFont> fonts(PDDocument pdf) throws IOException {
    List<PDFont> fonts = new ArrayList<>();
    for (PDPage page : pdf.getPages()) {
      PDResources resources = page.getResources();
      for (COSName name : resources.getFontNames()) {
        fonts.add(resources.getFont(name));
      }
    }
    return fonts;
  }
}
