package io.pulsereports.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.DeliveryEnvelope;
import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.Headline;
import io.pulsereports.core.delivery.MessagePart;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/** Messages and envelopes for delivery tests. */
public final class DeliveryFixtures {

  /** A 1×1 PNG. */
  public static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  public static final String HTML = """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"><title>Daily report</title></head>
      <body style="font-family:Arial"><h1>Daily report</h1>
      <p>New leads: <b>42</b> &#9650; 5 %</p>
      <img src="cid:chart1" alt="Calls by hour" width="600">
      </body></html>
      """;

  public static final String TEXT = "Daily report\nNew leads: 42 (▲ 5 % vs previous day)\n";

  public static final byte[] SUMMARY_CSV = "metric,value\nleads.new,42\ncalls.total,128\n".getBytes(UTF_8);
  public static final byte[] HOURS_CSV = "hour,calls\n09,12\n10,17\n".getBytes(UTF_8);

  public static final UUID SUBSCRIPTION = UUID.fromString("6f1c2f0e-8a51-4f1e-9d1c-0b7f3d2a9e11");

  private DeliveryFixtures() {}

  public static DeliveryContent content() {
    return new DeliveryContent(
        "Daily report · Downtown · 2026-11-20",
        "Downtown branch, Thursday 20 November 2026 (Europe/Berlin)",
        headlines(3),
        HTML,
        TEXT,
        List.of(new MessagePart("chart1", "image/png", PNG)),
        List.of(new MessagePart("summary.csv", "text/csv", SUMMARY_CSV),
            new MessagePart("by_hour.csv", "text/csv", HOURS_CSV)),
        Optional.of("https://reports.example.com/reports/daily/2026-11-20"));
  }

  public static DeliveryContent withAttachments(List<MessagePart> attachments) {
    DeliveryContent c = content();
    return new DeliveryContent(c.subject(), c.summary(), c.headlines(), c.html(), c.text(),
        c.inlineImages(), attachments, c.reportLink());
  }

  public static DeliveryContent withHeadlines(List<Headline> headlines) {
    DeliveryContent c = content();
    return new DeliveryContent(c.subject(), c.summary(), headlines, c.html(), c.text(),
        c.inlineImages(), c.attachments(), c.reportLink());
  }

  public static List<Headline> headlines(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> new Headline("Figure " + i, String.valueOf(i * 10),
            Optional.of(i % 2 == 0 ? "▼ " + i + " % vs previous period" : "▲ " + i + " % vs previous period")))
        .toList();
  }

  public static DeliveryEnvelope envelope() {
    return envelope(Optional.of(SUBSCRIPTION));
  }

  public static DeliveryEnvelope envelope(Optional<UUID> subscription) {
    return new DeliveryEnvelope(DeliveryId.of("0d9b7c1e-5f3a-4b8e-a2c4-7e6f5d4c3b2a"), "daily:downtown:2026-11-20", subscription);
  }
}
