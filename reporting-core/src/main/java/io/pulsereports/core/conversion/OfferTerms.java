package io.pulsereports.core.conversion;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;

/**
 * The terms of the offer a conversion rule recommends: a list price with scale 2 (at most two
 * decimals; {@code 179} is stored as {@code 179.00}) in an ISO 4217 currency, the discount the
 * offer email grants on it (whole percent, 0 to 99) and how many days the offer stays valid after
 * the day it is sent.
 *
 * <p>The learning report's {@code offer_price} and {@code revenue_potential} use the list price;
 * the discount is what the offer email promises.
 */
public record OfferTerms(BigDecimal price, Currency currency, int discountPercent, int validDays) {

  public static final int PRICE_SCALE = 2;
  public static final int MAX_DISCOUNT_PERCENT = 99;
  public static final int MAX_VALID_DAYS = 365;
  /** The validity of terms made without one. */
  public static final int DEFAULT_VALID_DAYS = 7;
  /** The discount of the default executive offer. */
  public static final int EXECUTIVE_OFFER_DISCOUNT_PERCENT = 20;

  public OfferTerms {
    requireNonNull(price, "price");
    requireNonNull(currency, "currency");
    checkArgument(price.signum() >= 0, "price %s is negative", price);
    checkArgument(
        price.stripTrailingZeros().scale() <= PRICE_SCALE, "price %s has more than %s decimals", price, PRICE_SCALE);
    price = price.setScale(PRICE_SCALE, RoundingMode.UNNECESSARY);
    checkArgument(
        discountPercent >= 0 && discountPercent <= MAX_DISCOUNT_PERCENT,
        "discount %s percent is outside 0..%s",
        discountPercent,
        MAX_DISCOUNT_PERCENT);
    checkArgument(
        validDays >= 1 && validDays <= MAX_VALID_DAYS, "validity %s days is outside 1..%s", validDays, MAX_VALID_DAYS);
  }

  /** A price without a discount, valid {@value #DEFAULT_VALID_DAYS} days. */
  public OfferTerms(BigDecimal price, Currency currency) {
    this(price, currency, 0, DEFAULT_VALID_DAYS);
  }

  /**
   * {@code price} in the currency with the ISO 4217 {@code currencyCode}, such as {@code USD},
   * without a discount and valid {@value #DEFAULT_VALID_DAYS} days.
   */
  public static OfferTerms of(String price, String currencyCode) {
    requireNonNull(currencyCode, "currencyCode");
    Currency currency;
    try {
      currency = Currency.getInstance(currencyCode);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("currency '" + currencyCode + "' is not an ISO 4217 code", e);
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(requireNonNull(price, "price"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("price '" + price + "' is not a decimal amount such as 179.00", e);
    }
    return new OfferTerms(amount, currency);
  }

  /**
   * The default executive offer: 179.00 USD, {@value #EXECUTIVE_OFFER_DISCOUNT_PERCENT} % off in
   * the offer email, valid {@value #DEFAULT_VALID_DAYS} days.
   */
  public static OfferTerms executiveOfferDefault() {
    return of("179.00", "USD").withDiscountPercent(EXECUTIVE_OFFER_DISCOUNT_PERCENT);
  }

  public OfferTerms withDiscountPercent(int percent) {
    return new OfferTerms(price, currency, percent, validDays);
  }

  public OfferTerms withValidDays(int days) {
    return new OfferTerms(price, currency, discountPercent, days);
  }

  /** The ISO 4217 code of the currency, as the report shows it. */
  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  /** {@code offers} × price, with scale 2. */
  public BigDecimal revenueFor(long offers) {
    checkArgument(offers >= 0, "offers %s is negative", offers);
    return price.multiply(BigDecimal.valueOf(offers)).setScale(PRICE_SCALE, RoundingMode.UNNECESSARY);
  }

  /** The price after the discount, scale 2, half a cent rounded up: 179.00 at 15 % is 152.15. */
  public BigDecimal discountedPrice() {
    return price
        .multiply(BigDecimal.valueOf(100L - discountPercent))
        .divide(BigDecimal.valueOf(100), PRICE_SCALE, RoundingMode.HALF_UP);
  }

  /** What the discount saves: price − discounted price, scale 2. */
  public BigDecimal saving() {
    return price.subtract(discountedPrice());
  }

  /** The last day the offer is valid when it is sent on {@code sentOn}: {@code validDays} days later. */
  public LocalDate validUntil(LocalDate sentOn) {
    return requireNonNull(sentOn, "sentOn").plusDays(validDays);
  }
}
