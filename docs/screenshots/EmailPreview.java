import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.MessagePart;
import io.pulsereports.core.delivery.StoredReport;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.render.mustache.MustacheMessageRenderer;
import io.pulsereports.render.mustache.MustacheReportRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the email each report JSON of a folder would be sent as, to look at in a browser: the
 * HTML body with its inline images saved beside it (cid: references turned into file names, as a
 * mail client shows them). Run with the packaged jar on the class path:
 *
 * <pre>java -cp reporting-cli/target/reporting.jar docs/screenshots/EmailPreview.java reports email</pre>
 */
public class EmailPreview {

  private static final Set<String> TYPES = Set.of("daily", "weekly", "learning-daily");

  public static void main(String[] args) throws Exception {
    Path reports = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]));
    MustacheMessageRenderer messages = MustacheMessageRenderer.of(MustacheReportRenderer.create());
    List<Path> files;
    try (Stream<Path> listing = Files.list(reports)) {
      files = listing.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      String json = Files.readString(file);
      String type = new ObjectMapper().readTree(json).path("report_type").asText();
      if (!TYPES.contains(type)) {
        continue;
      }
      String name = file.getFileName().toString().replace(".json", "");
      DeliveryContent content = messages.render(
          new StoredReport(new ReportType(type), json), Optional.of("https://reports.example.com/r/" + name));
      String html = content.html();
      for (MessagePart image : content.inlineImages()) {
        String imageFile = name + "-" + image.name() + ".png";
        Files.write(out.resolve(imageFile), image.content());
        html = html.replace("cid:" + image.name(), imageFile);
      }
      Path page = out.resolve(name + ".email.html");
      Files.writeString(page, html);
      System.out.println(page);
    }
  }
}
