package io.pulsereports.render.mustache;

import static java.util.Objects.requireNonNull;

import com.github.mustachejava.Mustache;
import io.pulsereports.core.conversion.ConversionOffer;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.Headline;
import io.pulsereports.core.port.out.OfferRenderer;
import io.pulsereports.render.mustache.internal.HtmlTemplates;
import io.pulsereports.render.mustache.internal.OfferModel;
import io.pulsereports.render.mustache.internal.PlainTextTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the conversion offer email: an email-safe HTML body (tables, inline styles, no images)
 * and its plain-text twin, from the built-in {@code offers/executive-offer.mustache} and {@code
 * offers/executive-offer.txt.mustache} templates or your own.
 *
 * <p>The email greets the learner by the local part of their address ({@code anna.lee@…} → "Anna
 * Lee"), quotes their streak (sessions, mean confidence, the scores newest first), the list price,
 * the discounted price and the saving, the last day the offer is valid, and a call to action: a
 * button to {@link Builder#upgradeUrl} with the trigger id as {@code offer} parameter, or without
 * one, a request to reply "UPGRADE". Values are HTML-escaped in the HTML part and written as they
 * are in the text part. See {@link OfferModel#of} for the template model.
 *
 * <pre>{@code
 * OfferRenderer offers = MustacheOfferRenderer.builder()
 *     .product("Executive coaching")
 *     .upgradeUrl(URI.create("https://coach.example.com/upgrade"))
 *     .build();
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class MustacheOfferRenderer implements OfferRenderer {

  /** The class-path resources of the built-in templates. */
  public static final String HTML_TEMPLATE = HtmlTemplates.ROOT + "offers/executive-offer.mustache";

  public static final String TEXT_TEMPLATE = HtmlTemplates.ROOT + "offers/executive-offer.txt.mustache";

  public static final String DEFAULT_PRODUCT = "Executive coaching";

  private final String product;
  private final Optional<URI> upgradeUrl;
  private final Mustache html;
  private final Mustache text;

  private MustacheOfferRenderer(Builder builder) {
    this.product = builder.product;
    this.upgradeUrl = builder.upgradeUrl;
    this.html = new HtmlTemplates().compile("executive-offer", builder.htmlTemplate);
    this.text = new PlainTextTemplates().compile("executive-offer", builder.textTemplate);
  }

  /** The built-in templates, product "Executive coaching", no upgrade link. */
  public static MustacheOfferRenderer create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public DeliveryContent render(ConversionOffer offer) {
    requireNonNull(offer, "offer");
    Map<String, Object> model = OfferModel.of(offer, product, upgradeUrl);
    String subject = (String) model.get("subject");
    String summary = product + " offer for " + offer.email() + " · " + offer.sessions() + " sessions, "
        + model.get("avg_score") + " on average · valid until " + model.get("valid_until");
    List<Headline> headlines = List.of(
        new Headline("Price", (String) model.get("price"), Optional.empty()),
        new Headline("Offer price", (String) model.get("discounted_price"),
            offer.terms().discountPercent() > 0
                ? Optional.of(offer.terms().discountPercent() + "% off") : Optional.empty()),
        new Headline("Valid until", (String) model.get("valid_until"), Optional.empty()));
    Optional<String> link = Optional.of((String) model.get("cta_url")).filter(url -> !url.isEmpty());
    return new DeliveryContent(subject, summary, headlines, HtmlTemplates.render("executive-offer", html, model),
        HtmlTemplates.render("executive-offer", text, model), List.of(), List.of(), link);
  }

  /** Settings of the offer email; every one is optional. */
  public static final class Builder {
    private String product = DEFAULT_PRODUCT;
    private Optional<URI> upgradeUrl = Optional.empty();
    private String htmlTemplate = resource(HTML_TEMPLATE);
    private String textTemplate = resource(TEXT_TEMPLATE);

    private Builder() {}

    /** What the offer sells, as the email names it. Default {@value #DEFAULT_PRODUCT}. */
    public Builder product(String name) {
      requireNonNull(name, "name");
      if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("product name is blank or has control characters");
      }
      this.product = name.strip();
      return this;
    }

    /**
     * Where the button leads (an absolute http or https URL without a fragment); the trigger id
     * is added as {@code offer} parameter. Default: none, the email asks for a reply instead.
     */
    public Builder upgradeUrl(URI url) {
      requireNonNull(url, "url");
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
        throw new IllegalArgumentException("the upgrade URL must be an absolute http(s) URL such as https://coach.example.com/upgrade");
      }
      if (url.getRawFragment() != null || url.getRawUserInfo() != null) {
        throw new IllegalArgumentException("the upgrade URL must not have a fragment or a user name");
      }
      this.upgradeUrl = Optional.of(url);
      return this;
    }

    /** Replaces the HTML template (values are HTML-escaped); compiled at {@link #build()}. */
    public Builder htmlTemplate(String source) {
      this.htmlTemplate = requireNonNull(source, "source");
      return this;
    }

    /** Replaces the plain-text template (values are not escaped); compiled at {@link #build()}. */
    public Builder textTemplate(String source) {
      this.textTemplate = requireNonNull(source, "source");
      return this;
    }

    /** @throws InvalidTemplateException when a template does not compile or breaks a rule of {@link ReportTemplates} */
    public MustacheOfferRenderer build() {
      return new MustacheOfferRenderer(this);
    }

    private static String resource(String path) {
      try (InputStream in = MustacheOfferRenderer.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("missing built-in template " + path);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
    }
  }
}
