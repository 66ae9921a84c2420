package io.pulsereports.render.mustache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.conversion.ConversionOffer;
import io.pulsereports.core.conversion.ConversionRule;
import io.pulsereports.core.conversion.OfferTerms;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.Headline;
import io.pulsereports.render.mustache.internal.OfferModel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfferRenderingTest {

  private static final String TRIGGER = "e7843c4a-eb89-305f-9104-ec2280c61629";

  static ConversionOffer offer(String email, OfferTerms terms) {
    return offer(email, terms, ConversionRule.executiveOffer());
  }

  static ConversionOffer offer(String email, OfferTerms terms, ConversionRule rule) {
    return new ConversionOffer(TRIGGER, "u-anna", email, 4, 8.875, List.of(9.5, 8.8, 8.6, 8.6), rule, terms,
        LocalDate.parse("2026-03-10"), ZoneId.of("America/New_York"), LocalDate.parse("2026-03-18"));
  }

  private final MustacheOfferRenderer withLink = MustacheOfferRenderer.builder()
      .upgradeUrl(URI.create("https://coach.example.com/upgrade?plan=executive"))
      .build();

  @Test
  void theOfferEmailMatchesItsGoldenFiles() throws Exception {
    DeliveryContent content = withLink.render(offer("anna.lee+news@example.com", OfferTerms.executiveOfferDefault()));

    Golden.assertMatches("executive-offer.html", content.html().getBytes(StandardCharsets.UTF_8));
    Golden.assertMatches("executive-offer.txt", content.text().getBytes(StandardCharsets.UTF_8));
    Path out = Path.of("target", "html");
    Files.createDirectories(out);
    Files.writeString(out.resolve("executive-offer.html"), content.html());
  }

  @Test
  void theOfferGreetsByTheAddressQuotesTheStreakThePricesAndTheValidity() {
    DeliveryContent content = withLink.render(offer("anna.lee+news@example.com", OfferTerms.executiveOfferDefault()));

    assertThat(content.subject()).isEqualTo("Your confidence streak unlocked 20% off Executive coaching");
    for (String part : List.of(content.html(), content.text())) {
      assertThat(part)
          .contains("Hi Anna Lee, you're ready for Executive coaching")
          .contains("Your last 4 coaching sessions all scored above 8.0 for confidence")
          .contains("8.9 on average")
          .contains("9.5 · 8.8 · 8.6 · 8.6")
          .contains("USD 143.20").contains("USD 179.00").contains("20% off").contains("USD 35.80")
          .contains("Offer valid until Wed 18 Mar 2026");
    }
    assertThat(content.html()).contains(
        "href=\"https://coach.example.com/upgrade?plan&#61;executive&amp;offer&#61;" + TRIGGER + "\"");
    assertThat(content.text()).contains("Upgrade to Executive coaching at 20% off: https://coach.example.com/upgrade?plan=executive&offer=" + TRIGGER);
    assertThat(content.reportLink()).contains("https://coach.example.com/upgrade?plan=executive&offer=" + TRIGGER);
    assertThat(content.headlines()).containsExactly(
        new Headline("Price", "USD 179.00", Optional.empty()),
        new Headline("Offer price", "USD 143.20", Optional.of("20% off")),
        new Headline("Valid until", "Wed 18 Mar 2026", Optional.empty()));
    assertThat(content.summary()).isEqualTo(
        "Executive coaching offer for anna.lee+news@example.com · 4 sessions, 8.9 on average · valid until Wed 18 Mar 2026");
    assertThat(content.inlineImages()).isEmpty();
    assertThat(content.attachments()).isEmpty();
  }

  @Test
  void withoutAnUpgradeUrlTheEmailAsksForAReply() {
    DeliveryContent content = MustacheOfferRenderer.create().render(offer("bo@example.com", OfferTerms.executiveOfferDefault()));

    assertThat(content.html()).doesNotContain("<a href").contains("Reply to this email with “UPGRADE”");
    assertThat(content.text()).contains("Reply to this email with \"UPGRADE\" and we will switch your plan at 20% off.");
    assertThat(content.reportLink()).isEmpty();
  }

  @Test
  void withoutADiscountThereIsOnePriceAndNoPromiseOfOne() {
    DeliveryContent content = MustacheOfferRenderer.create().render(offer("bo@example.com", OfferTerms.of("49.9", "EUR")));

    assertThat(content.subject()).isEqualTo("Your confidence streak: Executive coaching is ready for you");
    assertThat(content.html()).contains("EUR 49.90").doesNotContain("line-through").doesNotContain("% off");
    assertThat(content.text()).contains("Executive coaching: EUR 49.90\n").doesNotContain("% off");
    assertThat(content.headlines().get(1)).isEqualTo(new Headline("Offer price", "EUR 49.90", Optional.empty()));
  }

  @Test
  void aRuleWithoutConsecutiveSessionsIsQuotedAsSuch() {
    DeliveryContent content = MustacheOfferRenderer.create().render(offer("bo@example.com",
        OfferTerms.executiveOfferDefault(), ConversionRule.executiveOffer().withConsecutiveRequired(false)));

    assertThat(content.text()).contains("4 of your coaching sessions in the last 14 days scored above 8.0")
        .contains("at least 3 sessions above 8.0 within 14 days");
  }

  @Test
  void valuesAreHtmlEscapedInTheHtmlAndLeftAsTheyAreInTheText() {
    MustacheOfferRenderer renderer = MustacheOfferRenderer.builder().product("Exec <b>& Co</b>").build();

    DeliveryContent content = renderer.render(offer("o'brien@example.com", OfferTerms.executiveOfferDefault()));

    assertThat(content.html()).contains("Exec &lt;b&gt;&amp; Co&lt;/b&gt;").doesNotContain("<b>&")
        .contains("Hi O&#39;brien");
    assertThat(content.text()).contains("Exec <b>& Co</b>").contains("Hi O'brien");
  }

  @Test
  void theGreetingIsTheLocalPartInWordsOrThere() {
    assertThat(OfferModel.greetingName("anna.lee+news@example.com")).isEqualTo("Anna Lee");
    assertThat(OfferModel.greetingName("jean-luc_picard@example.com")).isEqualTo("Jean Luc Picard");
    assertThat(OfferModel.greetingName("élodie@example.fr")).isEqualTo("Élodie");
    assertThat(OfferModel.greetingName("u42@example.com")).isEqualTo("U42");
    assertThat(OfferModel.greetingName("12345@example.com")).isEqualTo("there");
    assertThat(OfferModel.greetingName("\"odd name\"@example.com")).isEqualTo("there");
  }

  @Test
  void customTemplatesAreUsedAndOneThatDoesNotCompileIsRefusedAtBuild() {
    MustacheOfferRenderer custom = MustacheOfferRenderer.builder()
        .htmlTemplate("<p>{{greeting_name}}: {{discounted_price}}</p>")
        .textTemplate("{{greeting_name}}: {{discounted_price}} & more")
        .build();

    DeliveryContent content = custom.render(offer("bo@example.com", OfferTerms.executiveOfferDefault()));

    assertThat(content.html()).isEqualTo("<p>Bo: USD 143.20</p>");
    assertThat(content.text()).isEqualTo("Bo: USD 143.20 & more");
    assertThatThrownBy(() -> MustacheOfferRenderer.builder().htmlTemplate("{{#open}}").build())
        .isInstanceOf(InvalidTemplateException.class).hasMessageContaining("never closed");
  }

  @Test
  void anUpgradeUrlMustBeAbsoluteHttpWithoutAFragment() {
    assertThatThrownBy(() -> MustacheOfferRenderer.builder().upgradeUrl(URI.create("/upgrade")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http(s) URL");
    assertThatThrownBy(() -> MustacheOfferRenderer.builder().upgradeUrl(URI.create("javascript:alert(1)")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MustacheOfferRenderer.builder().upgradeUrl(URI.create("https://x.example.com/u#plans")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fragment");
  }
}
