package io.pulsereports.persistence.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The shape of a deterministic synthetic data set: the same spec always writes the same rows.
 * Activity runs over the {@code days} local dates before {@code endDate} (exclusive), in business
 * hours of {@code zone} for leads and calls, and in the day and evening for the {@code learning}
 * data (none unless asked for: {@link #withLearning}, {@link #demo}). The lead rows do not depend
 * on the learning spec.
 */
public record SyntheticDataSpec(
    int gyms,
    int branchesPerGym,
    int staffPerBranch,
    int days,
    int leadsPerBranchPerDay,
    int callsPerBranchPerDay,
    LocalDate endDate,
    ZoneId zone,
    long seed,
    SyntheticLearningSpec learning) {

  public SyntheticDataSpec {
    checkArgument(gyms >= 1, "gyms must be at least 1");
    checkArgument(branchesPerGym >= 1, "branchesPerGym must be at least 1");
    checkArgument(staffPerBranch >= 1, "staffPerBranch must be at least 1");
    checkArgument(days >= 1, "days must be at least 1");
    checkArgument(leadsPerBranchPerDay >= 1, "leadsPerBranchPerDay must be at least 1");
    checkArgument(callsPerBranchPerDay >= 0, "callsPerBranchPerDay must not be negative");
    requireNonNull(endDate, "endDate");
    requireNonNull(zone, "zone");
    requireNonNull(learning, "learning");
  }

  /** Leads and calls only, no learning rows. */
  public SyntheticDataSpec(
      int gyms,
      int branchesPerGym,
      int staffPerBranch,
      int days,
      int leadsPerBranchPerDay,
      int callsPerBranchPerDay,
      LocalDate endDate,
      ZoneId zone,
      long seed) {
    this(
        gyms,
        branchesPerGym,
        staffPerBranch,
        days,
        leadsPerBranchPerDay,
        callsPerBranchPerDay,
        endDate,
        zone,
        seed,
        SyntheticLearningSpec.none());
  }

  /** This spec with {@code learning} as its learning data. */
  public SyntheticDataSpec withLearning(SyntheticLearningSpec learning) {
    return new SyntheticDataSpec(
        gyms,
        branchesPerGym,
        staffPerBranch,
        days,
        leadsPerBranchPerDay,
        callsPerBranchPerDay,
        endDate,
        zone,
        seed,
        learning);
  }

  /**
   * The demo's shape: 3 gyms of 2 branches, 6 staff each, and the {@linkplain
   * SyntheticLearningSpec#demo() demo learners}, over four months ending on {@code endDate}.
   */
  public static SyntheticDataSpec demo(LocalDate endDate) {
    return new SyntheticDataSpec(3, 2, 6, 120, 8, 40, endDate, ZoneId.of("America/New_York"), 20261121L)
        .withLearning(SyntheticLearningSpec.demo());
  }

  public long totalLeads() {
    return (long) gyms * branchesPerGym * days * leadsPerBranchPerDay;
  }

  public long totalCalls() {
    return (long) gyms * branchesPerGym * days * callsPerBranchPerDay;
  }

  /** Every row the spec writes: leads, calls and the learning rows. */
  public long totalRows() {
    return totalLeads() + totalCalls() + learning.totalRows();
  }

  /** The id of gym {@code g} (0-based); stable across specs, so reports can be asked for by id. */
  public static UUID gymId(int g) {
    return nameUuid("gym-" + g);
  }

  public static UUID branchId(int g, int b) {
    return nameUuid("gym-" + g + "-branch-" + b);
  }

  public static UUID staffId(int g, int b, int s) {
    return nameUuid("gym-" + g + "-branch-" + b + "-staff-" + s);
  }

  public List<UUID> gymIds() {
    return IntStream.range(0, gyms).mapToObj(SyntheticDataSpec::gymId).toList();
  }

  private static UUID nameUuid(String name) {
    return UUID.nameUUIDFromBytes(("pulse-reports-synthetic-" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
