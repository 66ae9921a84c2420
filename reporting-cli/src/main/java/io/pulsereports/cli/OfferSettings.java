package io.pulsereports.cli;

import io.pulsereports.core.conversion.OfferTerms;
import io.pulsereports.core.metric.LearningMetricsConfig;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The conversion offer as the environment configures it: REPORTING_OFFER_PRICE (default 179.00),
 * REPORTING_OFFER_CURRENCY (ISO 4217, default USD), REPORTING_OFFER_DISCOUNT_PERCENT (0–99,
 * default 20), REPORTING_OFFER_VALID_DAYS (1–365, default 7) and REPORTING_OFFER_URL (the upgrade
 * page the offer email links to; default none). Blank counts as unset; a bad value is bad input
 * naming the variable.
 */
record OfferSettings(OfferTerms terms, Optional<URI> upgradeUrl) {

  static final String PRICE_VARIABLE = "REPORTING_OFFER_PRICE";
  static final String CURRENCY_VARIABLE = "REPORTING_OFFER_CURRENCY";
  static final String DISCOUNT_VARIABLE = "REPORTING_OFFER_DISCOUNT_PERCENT";
  static final String VALID_DAYS_VARIABLE = "REPORTING_OFFER_VALID_DAYS";
  static final String URL_VARIABLE = "REPORTING_OFFER_URL";

  static OfferSettings fromEnvironment(Map<String, String> env) {
    OfferTerms defaults = OfferTerms.executiveOfferDefault();
    BigDecimal price = value(env, PRICE_VARIABLE).map(OfferSettings::price).orElse(defaults.price());
    Currency currency = value(env, CURRENCY_VARIABLE).map(OfferSettings::currency).orElse(defaults.currency());
    int discount = value(env, DISCOUNT_VARIABLE)
        .map(text -> whole(DISCOUNT_VARIABLE, text, 0, OfferTerms.MAX_DISCOUNT_PERCENT))
        .orElse(defaults.discountPercent());
    int validDays = value(env, VALID_DAYS_VARIABLE)
        .map(text -> whole(VALID_DAYS_VARIABLE, text, 1, OfferTerms.MAX_VALID_DAYS))
        .orElse(defaults.validDays());
    Optional<URI> url = value(env, URL_VARIABLE).map(OfferSettings::url);
    return new OfferSettings(new OfferTerms(price, currency, discount, validDays), url);
  }

  /** The learning thresholds with this offer (the report's offer_price and revenue_potential use it). */
  LearningMetricsConfig learningMetrics() {
    return LearningMetricsConfig.builder().offer(terms).build();
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(text -> !text.isEmpty());
  }

  private static BigDecimal price(String text) {
    BigDecimal price;
    try {
      price = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new BadInputException(PRICE_VARIABLE, "'" + shown(text) + "' is not an amount such as 179.00");
    }
    if (price.signum() < 0 || price.stripTrailingZeros().scale() > OfferTerms.PRICE_SCALE) {
      throw new BadInputException(PRICE_VARIABLE, "'" + shown(text) + "' must be at least 0 with at most 2 decimals");
    }
    return price;
  }

  private static Currency currency(String text) {
    try {
      return Currency.getInstance(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(CURRENCY_VARIABLE, "'" + shown(text) + "' is not an ISO 4217 currency code such as USD or EUR");
    }
  }

  private static int whole(String name, String text, int min, int max) {
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException(name, "'" + shown(text) + "' is not a whole number from " + min + " to " + max);
  }

  private static URI url(String text) {
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw new BadInputException(URL_VARIABLE, "'" + shown(text) + "' is not a URL");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null
        || url.getRawFragment() != null || url.getRawUserInfo() != null) {
      throw new BadInputException(URL_VARIABLE,
          "must be an absolute http(s) URL without a fragment, such as https://coach.example.com/upgrade");
    }
    return url;
  }

  private static String shown(String text) {
    String line = text.replaceAll("\\p{Cntrl}", " ");
    return line.length() > 40 ? line.substring(0, 40) + "…" : line;
  }
}
