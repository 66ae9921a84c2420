package io.pulsereports.core.model;

/**
 * Implemented by report bodies that can tell whether their period had any activity at all, so a
 * delivery that asked to skip empty reports can be recorded as skipped instead of sent.
 */
public interface PeriodActivity {

  boolean hasActivity();
}
