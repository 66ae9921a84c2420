package io.pulsereports.render.mustache.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * How figures read in a document: fixed English formats, so a report looks the same on every
 * machine. Undefined values are written {@link #UNDEFINED}.
 */
public final class DisplayFormat {

  public static final String UNDEFINED = "—";
  static final String MINUS = "−";

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);

  private DisplayFormat() {}

  /** A fraction as a percentage with one decimal: {@code 0.4286 -> "42.9 %"}. */
  public static String percent(double fraction) {
    return decimal("0.0").format(fraction * 100) + " %";
  }

  /** A relative change with its sign: {@code 0.125 -> "+12.5 %"}. */
  public static String signedPercent(double fraction) {
    return signed(fraction * 100, decimal("0.0").format(Math.abs(fraction * 100))) + " %";
  }

  /** The difference of two fractions in percentage points: {@code 0.043 -> "+4.3 pp"}. */
  public static String percentagePoints(double difference) {
    return signed(difference * 100, decimal("0.0").format(Math.abs(difference * 100))) + " pp";
  }

  /** A count with grouping: {@code 1234 -> "1,234"}. */
  public static String count(long value) {
    return decimal("#,##0").format(value);
  }

  public static String signedCount(long value) {
    return signed(value, count(Math.abs(value)));
  }

  /** A number that is not a count: up to two decimals, grouped. */
  public static String number(double value) {
    return decimal("#,##0.##").format(value);
  }

  public static String signedNumber(double value) {
    return signed(value, number(Math.abs(value)));
  }

  /** A mean or a score with one decimal, grouped: {@code 8.3429 -> "8.3"}, {@code 4.5 -> "4.5"}. */
  public static String oneDecimal(double value) {
    return decimal("#,##0.0").format(value);
  }

  /**
   * An amount of money with its ISO 4217 currency code in front and the currency's usual decimals:
   * {@code 1253, "USD" -> "USD 1,253.00"}, {@code 500, "JPY" -> "JPY 500"}. An unknown or missing
   * currency gets two decimals (and no code when missing).
   */
  public static String money(BigDecimal amount, String currency) {
    int digits = 2;
    if (currency != null) {
      try {
        int usual = Currency.getInstance(currency).getDefaultFractionDigits();
        digits = usual >= 0 ? usual : 2;
      } catch (IllegalArgumentException e) {
        // not an ISO 4217 code: keep two decimals and show the code as given
      }
    }
    String number = decimal(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits)).format(amount);
    return currency == null || currency.isBlank() ? number : currency + " " + number;
  }

  /** An upper-case code in words: {@code SEND_EXECUTIVE_OFFER -> "Send executive offer"}; other text as is. */
  public static String label(String code) {
    if (!code.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")) {
      return code;
    }
    String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** Seconds rounded to the second: {@code 185.4 -> "3 m 05 s"}, {@code 42 -> "42 s"}. */
  public static String duration(double seconds) {
    long total = Math.round(Math.abs(seconds));
    long hours = total / 3600;
    long minutes = total % 3600 / 60;
    long secs = total % 60;
    String sign = seconds < 0 && total > 0 ? MINUS : "";
    if (hours > 0) {
      return String.format(Locale.ROOT, "%s%d h %02d m %02d s", sign, hours, minutes, secs);
    }
    if (minutes > 0) {
      return String.format(Locale.ROOT, "%s%d m %02d s", sign, minutes, secs);
    }
    return String.format(Locale.ROOT, "%s%d s", sign, secs);
  }

  public static String signedDuration(double seconds) {
    String text = duration(seconds);
    return Math.round(seconds) > 0 ? "+" + text : text;
  }

  /** A local hour of the day: {@code 14 -> "14:00"}. */
  public static String hour(long hour) {
    return String.format(Locale.ROOT, "%02d:00", hour);
  }

  /** A direction with its arrow: {@code up -> "▲ up"}. */
  public static String trend(String trend) {
    return switch (trend) {
      case "up", "down", "flat" -> arrow(trend) + " " + trend;
      default -> trend;
    };
  }

  /** The arrow of a direction: {@code ▲} up, {@code ▼} down, {@code ▬} flat or unknown. */
  public static String arrow(String trend) {
    return switch (trend) {
      case "up" -> "▲";
      case "down" -> "▼";
      default -> "▬";
    };
  }

  /**
   * The CSS colour of a direction: green up, red down, grey flat. Every figure with a trend in the
   * reports is one where more is better; the arrow and the words carry the meaning without colour.
   */
  public static String trendColor(String trend) {
    return switch (trend) {
      case "up" -> "#1a7f37";
      case "down" -> "#c62828";
      default -> "#616e7c";
    };
  }

  /** Places moved in a ranking: {@code 2 -> "▲ 2"}, {@code -1 -> "▼ 1"}, {@code 0 -> "▬ 0"}. */
  public static String rankChange(long change) {
    return change > 0 ? "▲ " + change : change < 0 ? "▼ " + -change : "▬ 0";
  }

  public static String date(LocalDate date) {
    return DATE.format(date);
  }

  /** A moment in its own offset: {@code "2026-03-08 00:00 (UTC−05:00)"}. */
  public static String dateTime(OffsetDateTime dateTime) {
    return DATE_TIME.format(dateTime) + " (" + offset(dateTime.getOffset()) + ")";
  }

  public static String offset(ZoneOffset offset) {
    return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId().replace("-", MINUS);
  }

  private static String signed(double value, String magnitude) {
    if (magnitude.matches("[0.,]+")) {
      return magnitude;
    }
    return (value > 0 ? "+" : MINUS) + magnitude;
  }

  private static DecimalFormat decimal(String pattern) {
    DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format;
  }
}
