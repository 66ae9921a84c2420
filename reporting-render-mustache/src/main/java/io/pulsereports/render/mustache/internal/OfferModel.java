package io.pulsereports.render.mustache.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.pulsereports.core.conversion.ConversionOffer;
import io.pulsereports.core.conversion.OfferTerms;
import java.net.URI;
import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The template model of a conversion offer: every figure formatted for people (see the keys in
 * {@link #of}), so the templates stay logic-less.
 */
public final class OfferModel {

  private OfferModel() {}

  /**
   * The model: {@code greeting_name}, {@code email}, {@code product}, {@code sessions}, {@code
   * avg_score}, {@code scores} (newest first, joined with " · "), {@code min_confidence}, {@code
   * min_sessions}, {@code window_days}, {@code consecutive} (boolean), {@code price}, {@code
   * discounted_price}, {@code saving}, {@code discount_percent}, {@code has_discount}, {@code
   * valid_until}, {@code valid_days}, {@code cta_url} and {@code has_cta_url}, {@code day}, {@code
   * subject}.
   */
  public static Map<String, Object> of(ConversionOffer offer, String product, Optional<URI> upgradeUrl) {
    OfferTerms terms = offer.terms();
    String currency = terms.currencyCode();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("greeting_name", greetingName(offer.email()));
    model.put("email", offer.email());
    model.put("product", product);
    model.put("sessions", offer.sessions());
    model.put("avg_score", DisplayFormat.oneDecimal(offer.avgScore()));
    model.put("scores", offer.scores().stream().map(DisplayFormat::oneDecimal).collect(Collectors.joining(" · ")));
    model.put("min_confidence", DisplayFormat.oneDecimal(offer.rule().minConfidence()));
    model.put("min_sessions", offer.rule().minSessions());
    model.put("window_days", offer.rule().windowDays());
    model.put("consecutive", offer.rule().consecutiveRequired());
    model.put("price", DisplayFormat.money(terms.price(), currency));
    model.put("discounted_price", DisplayFormat.money(terms.discountedPrice(), currency));
    model.put("saving", DisplayFormat.money(terms.saving(), currency));
    model.put("discount_percent", terms.discountPercent());
    model.put("has_discount", terms.discountPercent() > 0);
    model.put("valid_until", DisplayFormat.date(offer.validUntil()));
    model.put("valid_days", terms.validDays());
    Optional<String> cta = upgradeUrl.map(url -> ctaUrl(url, offer.triggerId()));
    model.put("cta_url", cta.orElse(""));
    model.put("has_cta_url", cta.isPresent());
    model.put("day", DisplayFormat.date(offer.day()));
    model.put("subject", subject(offer, product));
    return model;
  }

  /** "Your confidence streak unlocked 20% off Executive coaching", or without a discount "… is ready for you". */
  public static String subject(ConversionOffer offer, String product) {
    int discount = offer.terms().discountPercent();
    return discount > 0
        ? "Your confidence streak unlocked " + discount + "% off " + product
        : "Your confidence streak: " + product + " is ready for you";
  }

  /**
   * A name to greet from an address's local part: the part before a {@code +tag}, split at dots,
   * dashes and underscores, each word capitalised ({@code anna.lee+news@x} → "Anna Lee"); "there"
   * when it has no letter.
   */
  public static String greetingName(String email) {
    String address = email.strip();
    int at = address.lastIndexOf('@');
    String local = at > 0 ? address.substring(0, at) : address;
    int plus = local.indexOf('+');
    if (plus > 0) {
      local = local.substring(0, plus);
    }
    if (local.startsWith("\"") || local.codePoints().noneMatch(Character::isLetter)) {
      return "there";
    }
    List<String> words = List.of(local.split("[._\\-]+"));
    return words.stream()
        .filter(word -> !word.isEmpty())
        .map(word -> word.substring(0, word.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT)
            + word.substring(word.offsetByCodePoints(0, 1)))
        .collect(Collectors.joining(" "));
  }

  /** The upgrade link with the trigger id as {@code offer}, so the app can record the acceptance. */
  static String ctaUrl(URI base, String triggerId) {
    String text = base.toString();
    String separator = base.getRawQuery() == null ? "?" : "&";
    return text + separator + "offer=" + URLEncoder.encode(triggerId, UTF_8);
  }
}
