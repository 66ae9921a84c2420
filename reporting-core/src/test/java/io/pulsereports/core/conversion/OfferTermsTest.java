package io.pulsereports.core.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OfferTermsTest {

  @Test
  void theDefaultOfferIs179DollarsWithTwoDecimals() {
    OfferTerms offer = OfferTerms.executiveOfferDefault();

    assertThat(offer.price()).isEqualTo(new BigDecimal("179.00"));
    assertThat(offer.price().scale()).isEqualTo(2);
    assertThat(offer.currencyCode()).isEqualTo("USD");
  }

  @Test
  void aWholePriceIsStoredWithScaleTwo() {
    assertThat(OfferTerms.of("99", "EUR").price()).hasToString("99.00");
  }

  @Test
  void revenueIsOffersTimesPriceWithScaleTwo() {
    OfferTerms offer = OfferTerms.executiveOfferDefault();

    assertThat(offer.revenueFor(3)).hasToString("537.00");
    assertThat(offer.revenueFor(0)).hasToString("0.00");
  }

  @Test
  void pricesWithMoreThanTwoDecimalsNegativePricesAndUnknownCurrenciesAreRefused() {
    assertThatThrownBy(() -> OfferTerms.of("179.001", "USD")).hasMessageContaining("more than 2 decimals");
    assertThatThrownBy(() -> OfferTerms.of("-1.00", "USD")).hasMessageContaining("negative");
    assertThatThrownBy(() -> OfferTerms.of("179.00", "DOLLARS")).hasMessageContaining("ISO 4217");
  }
}
