package io.pulsereports.core.conversion;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The price of the offer a conversion rule recommends: an amount with scale 2 (at most two
 * decimals; {@code 179} is stored as {@code 179.00}) and an ISO 4217 currency.
 */
public record OfferTerms(BigDecimal price, Currency currency) {

  public static final int PRICE_SCALE = 2;

  public OfferTerms {
    requireNonNull(price, "price");
    requireNonNull(currency, "currency");
    checkArgument(price.signum() >= 0, "price %s is negative", price);
    checkArgument(
        price.stripTrailingZeros().scale() <= PRICE_SCALE, "price %s has more than %s decimals", price, PRICE_SCALE);
    price = price.setScale(PRICE_SCALE, RoundingMode.UNNECESSARY);
  }

  /** {@code price} in the currency with the ISO 4217 {@code currencyCode}, such as {@code USD}. */
  public static OfferTerms of(String price, String currencyCode) {
    requireNonNull(currencyCode, "currencyCode");
    Currency currency;
    try {
      currency = Currency.getInstance(currencyCode);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("currency '" + currencyCode + "' is not an ISO 4217 code", e);
    }
    return new OfferTerms(new BigDecimal(requireNonNull(price, "price")), currency);
  }

  /** The default executive offer: 179.00 USD. */
  public static OfferTerms executiveOfferDefault() {
    return of("179.00", "USD");
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
}
