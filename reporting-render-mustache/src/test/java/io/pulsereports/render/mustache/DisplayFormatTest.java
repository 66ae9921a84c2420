package io.pulsereports.render.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.render.mustache.internal.DisplayFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DisplayFormatTest {

  @Test
  void formatsFractionsAsPercentagesWithOneDecimal() {
    assertThat(DisplayFormat.percent(3.0 / 7)).isEqualTo("42.9 %");
    assertThat(DisplayFormat.percent(1)).isEqualTo("100.0 %");
    assertThat(DisplayFormat.percent(0)).isEqualTo("0.0 %");
    assertThat(DisplayFormat.signedPercent(0.125)).isEqualTo("+12.5 %");
    assertThat(DisplayFormat.signedPercent(-0.03)).isEqualTo("−3.0 %");
    assertThat(DisplayFormat.signedPercent(0.0001)).isEqualTo("0.0 %");
    assertThat(DisplayFormat.percentagePoints(0.043)).isEqualTo("+4.3 pp");
  }

  @Test
  void groupsCountsAndSignsChanges() {
    assertThat(DisplayFormat.count(1234567)).isEqualTo("1,234,567");
    assertThat(DisplayFormat.signedCount(3)).isEqualTo("+3");
    assertThat(DisplayFormat.signedCount(-1200)).isEqualTo("−1,200");
    assertThat(DisplayFormat.signedCount(0)).isEqualTo("0");
    assertThat(DisplayFormat.number(8.666)).isEqualTo("8.67");
  }

  @Test
  void formatsMeansAndScoresWithOneDecimal() {
    assertThat(DisplayFormat.oneDecimal(8.342857)).isEqualTo("8.3");
    assertThat(DisplayFormat.oneDecimal(2.75)).isEqualTo("2.8");
    assertThat(DisplayFormat.oneDecimal(4)).isEqualTo("4.0");
    assertThat(DisplayFormat.oneDecimal(1234.56)).isEqualTo("1,234.6");
  }

  @Test
  void formatsMoneyWithItsCurrencyAndTheCurrencysDecimals() {
    assertThat(DisplayFormat.money(new BigDecimal("537"), "USD")).isEqualTo("USD 537.00");
    assertThat(DisplayFormat.money(new BigDecimal("1253.005"), "EUR")).isEqualTo("EUR 1,253.01");
    assertThat(DisplayFormat.money(new BigDecimal("5E+2"), "JPY")).isEqualTo("JPY 500");
    assertThat(DisplayFormat.money(new BigDecimal("179"), "POINTS")).isEqualTo("POINTS 179.00");
    assertThat(DisplayFormat.money(new BigDecimal("179"), null)).isEqualTo("179.00");
  }

  @Test
  void writesCodesInWords() {
    assertThat(DisplayFormat.label("SEND_EXECUTIVE_OFFER")).isEqualTo("Send executive offer");
    assertThat(DisplayFormat.label("B2")).isEqualTo("B2");
    assertThat(DisplayFormat.label("send offer")).isEqualTo("send offer");
  }

  @Test
  void formatsDurationsToTheSecond() {
    assertThat(DisplayFormat.duration(185)).isEqualTo("3 m 05 s");
    assertThat(DisplayFormat.duration(42.4)).isEqualTo("42 s");
    assertThat(DisplayFormat.duration(0)).isEqualTo("0 s");
    assertThat(DisplayFormat.duration(3725)).isEqualTo("1 h 02 m 05 s");
    assertThat(DisplayFormat.signedDuration(12)).isEqualTo("+12 s");
    assertThat(DisplayFormat.signedDuration(-65)).isEqualTo("−1 m 05 s");
  }

  @Test
  void formatsHoursTrendsRankChangesDatesAndMoments() {
    assertThat(DisplayFormat.hour(9)).isEqualTo("09:00");
    assertThat(DisplayFormat.trend("up")).isEqualTo("▲ up");
    assertThat(DisplayFormat.trend("down")).isEqualTo("▼ down");
    assertThat(DisplayFormat.trend("flat")).isEqualTo("▬ flat");
    assertThat(DisplayFormat.rankChange(2)).isEqualTo("▲ 2");
    assertThat(DisplayFormat.rankChange(-1)).isEqualTo("▼ 1");
    assertThat(DisplayFormat.rankChange(0)).isEqualTo("▬ 0");
    assertThat(DisplayFormat.date(LocalDate.of(2026, 3, 8))).isEqualTo("Sun 8 Mar 2026");
    assertThat(DisplayFormat.dateTime(OffsetDateTime.parse("2026-03-09T00:00:00-04:00")))
        .isEqualTo("2026-03-09 00:00 (UTC−04:00)");
    assertThat(DisplayFormat.dateTime(OffsetDateTime.parse("2026-03-09T06:00:00Z")))
        .isEqualTo("2026-03-09 06:00 (UTC)");
  }
}
