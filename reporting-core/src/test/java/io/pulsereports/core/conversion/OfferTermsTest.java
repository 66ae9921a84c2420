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

  @Test
  void theDefaultExecutiveOfferIsTwentyPercentOffForSevenDays() {
    OfferTerms offer = OfferTerms.executiveOfferDefault();

    assertThat(offer.discountPercent()).isEqualTo(20);
    assertThat(offer.validDays()).isEqualTo(7);
    assertThat(offer.discountedPrice()).hasToString("143.20");
    assertThat(offer.saving()).hasToString("35.80");
    assertThat(offer.validUntil(java.time.LocalDate.parse("2026-03-11"))).hasToString("2026-03-18");
  }

  @Test
  void termsWithoutADiscountCostThePriceAndTheDiscountedPriceRoundsHalfACentUp() {
    assertThat(OfferTerms.of("99", "EUR").discountPercent()).isZero();
    assertThat(OfferTerms.of("99", "EUR").discountedPrice()).hasToString("99.00");
    // 0.05 × 85 % = 0.0425 -> 0.04; 0.10 × 85 % = 0.085 -> 0.09
    assertThat(OfferTerms.of("0.05", "USD").withDiscountPercent(15).discountedPrice()).hasToString("0.04");
    assertThat(OfferTerms.of("0.10", "USD").withDiscountPercent(15).discountedPrice()).hasToString("0.09");
    assertThat(OfferTerms.of("179", "USD").withDiscountPercent(15).discountedPrice()).hasToString("152.15");
  }

  @Test
  void discountsOutside0To99AndValiditiesOutside1To365DaysAreRefused() {
    OfferTerms offer = OfferTerms.executiveOfferDefault();

    assertThatThrownBy(() -> offer.withDiscountPercent(100)).hasMessageContaining("discount 100 percent is outside 0..99");
    assertThatThrownBy(() -> offer.withDiscountPercent(-1)).hasMessageContaining("outside 0..99");
    assertThatThrownBy(() -> offer.withValidDays(0)).hasMessageContaining("validity 0 days is outside 1..365");
    assertThatThrownBy(() -> offer.withValidDays(366)).hasMessageContaining("outside 1..365");
    assertThatThrownBy(() -> OfferTerms.of("a lot", "USD")).hasMessageContaining("not a decimal amount");
  }
}
