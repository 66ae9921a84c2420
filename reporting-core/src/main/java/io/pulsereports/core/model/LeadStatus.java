package io.pulsereports.core.model;

import java.util.List;

/** The documented lead statuses, in funnel order, and lost. */
public final class LeadStatus {

  public static final String NEW = "new";
  public static final String CONTACTED = "contacted";
  public static final String QUALIFIED = "qualified";
  public static final String CONVERTED = "converted";
  public static final String LOST = "lost";
  public static final List<String> DOCUMENTED = List.of(NEW, CONTACTED, QUALIFIED, CONVERTED, LOST);

  private LeadStatus() {}
}
