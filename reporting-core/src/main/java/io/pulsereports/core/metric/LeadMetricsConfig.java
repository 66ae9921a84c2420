package io.pulsereports.core.metric;

import static com.google.common.base.Preconditions.checkArgument;

/** Thresholds of the lead metrics: the calls an hour needs to be considered for best_hour. */
public record LeadMetricsConfig(int bestHourMinCalls) {

  public static final int DEFAULT_BEST_HOUR_MIN_CALLS = 5;

  public LeadMetricsConfig {
    checkArgument(bestHourMinCalls >= 1, "bestHourMinCalls %s is below 1", bestHourMinCalls);
  }

  public static LeadMetricsConfig defaults() {
    return new LeadMetricsConfig(DEFAULT_BEST_HOUR_MIN_CALLS);
  }
}
