package io.pulsereports.render.mustache;

import io.pulsereports.core.ReportingException;
import io.pulsereports.core.model.ReportFormat;
import java.awt.GraphicsEnvironment;

/** Run in a JVM of its own by {@link HeadlessChartsTest}: renders the heatmap and reports how it went. */
final class HeadlessProbe {

  private HeadlessProbe() {}

  public static void main(String[] args) {
    String before = System.getProperty("java.awt.headless");
    try {
      byte[] png = MustacheReportRenderer.create()
          .render(LearningReportFixtures.learningDaily(), ReportFormat.PNG).get(0).content();
      System.out.println("before=" + before + " after=" + System.getProperty("java.awt.headless")
          + " headless=" + GraphicsEnvironment.isHeadless() + " png=" + png.length);
    } catch (ReportingException e) {
      System.out.println("before=" + before + " error=" + e.getMessage());
    }
  }
}
