package io.pulsereports.core.metric;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.conversion.ConversionRule;
import io.pulsereports.core.conversion.OfferTerms;

/**
 * Thresholds of the learning engagement metrics (SPEC section 4). Windows are counted in local
 * days ending with the report date D; the conversion window is the rule's own.
 *
 * @param topMistakes how many of the most frequent mistakes {@code mistakes.top} lists
 * @param engagementDays the engagement window, in days
 * @param mistakesDays the mistakes window, in days
 * @param conversionRule who becomes a conversion candidate, and its window
 * @param inactivityDays the days without a session after which a user is inactive
 * @param inactiveListLimit how many inactive users {@code inactive_users.users} lists at most
 * @param offerCooldownDays a user sent an offer within this many days is not a candidate again
 * @param offer the price and currency of the recommended offer
 */
public record LearningMetricsConfig(
    int topMistakes,
    int engagementDays,
    int mistakesDays,
    ConversionRule conversionRule,
    int inactivityDays,
    int inactiveListLimit,
    int offerCooldownDays,
    OfferTerms offer) {

  public static final int DEFAULT_TOP_MISTAKES = 10;
  public static final int DEFAULT_ENGAGEMENT_DAYS = 7;
  public static final int DEFAULT_MISTAKES_DAYS = 30;
  public static final int DEFAULT_INACTIVITY_DAYS = 30;
  public static final int DEFAULT_INACTIVE_LIST_LIMIT = 100;
  public static final int DEFAULT_OFFER_COOLDOWN_DAYS = 30;
  /** The longest window a setting may ask for (about ten years), so dates stay far from overflow. */
  public static final int MAX_WINDOW_DAYS = 3660;

  public LearningMetricsConfig {
    checkArgument(topMistakes >= 0, "topMistakes %s is negative", topMistakes);
    checkDays("engagementDays", engagementDays);
    checkDays("mistakesDays", mistakesDays);
    requireNonNull(conversionRule, "conversionRule");
    checkDays("conversionRule.windowDays", conversionRule.windowDays());
    checkDays("inactivityDays", inactivityDays);
    checkArgument(inactiveListLimit >= 0, "inactiveListLimit %s is negative", inactiveListLimit);
    checkDays("offerCooldownDays", offerCooldownDays);
    requireNonNull(offer, "offer");
  }

  /** The SPEC defaults: top 10, 7/30/14-day windows, 30 days of inactivity and cooldown, 100 listed, 179.00 USD. */
  public static LearningMetricsConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  private static void checkDays(String name, int days) {
    checkArgument(days >= 1 && days <= MAX_WINDOW_DAYS, "%s %s is outside 1..%s", name, days, MAX_WINDOW_DAYS);
  }

  /** Changes some settings, keeping the defaults for the others. */
  public static final class Builder {
    private int topMistakes = DEFAULT_TOP_MISTAKES;
    private int engagementDays = DEFAULT_ENGAGEMENT_DAYS;
    private int mistakesDays = DEFAULT_MISTAKES_DAYS;
    private ConversionRule conversionRule = ConversionRule.executiveOffer();
    private int inactivityDays = DEFAULT_INACTIVITY_DAYS;
    private int inactiveListLimit = DEFAULT_INACTIVE_LIST_LIMIT;
    private int offerCooldownDays = DEFAULT_OFFER_COOLDOWN_DAYS;
    private OfferTerms offer = OfferTerms.executiveOfferDefault();

    private Builder() {}

    public Builder topMistakes(int value) {
      topMistakes = value;
      return this;
    }

    public Builder engagementDays(int value) {
      engagementDays = value;
      return this;
    }

    public Builder mistakesDays(int value) {
      mistakesDays = value;
      return this;
    }

    public Builder conversionRule(ConversionRule value) {
      conversionRule = requireNonNull(value, "conversionRule");
      return this;
    }

    public Builder inactivityDays(int value) {
      inactivityDays = value;
      return this;
    }

    public Builder inactiveListLimit(int value) {
      inactiveListLimit = value;
      return this;
    }

    public Builder offerCooldownDays(int value) {
      offerCooldownDays = value;
      return this;
    }

    public Builder offer(OfferTerms value) {
      offer = requireNonNull(value, "offer");
      return this;
    }

    public LearningMetricsConfig build() {
      return new LearningMetricsConfig(
          topMistakes,
          engagementDays,
          mistakesDays,
          conversionRule,
          inactivityDays,
          inactiveListLimit,
          offerCooldownDays,
          offer);
    }
  }
}
