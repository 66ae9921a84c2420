package io.pulsereports.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Writes a {@link SyntheticDataSpec}'s leads and calls ({@link SyntheticRows}: batched prepared
 * statements on SQLite, COPY on PostgreSQL). Reports progress as rows written.
 */
final class SyntheticLeadDataWriter {

  private static final int BATCH_ROWS = 20_000;
  private static final String[] FIRST = {"Ana", "Ben", "Chloe", "Diego", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jon", "Kira", "Liam"};
  private static final String[] LAST = {"Silva", "Moore", "Nguyen", "Garcia", "Khan", "Rossi", "Smith", "Okafor", "Berg", "Tanaka"};
  private static final String LEAD_COLUMNS = "id, branch_id, gym_id, first_name, last_name, phone, email, lead_status, created_at, updated_at";
  private static final String CALL_COLUMNS = "id, lead_id, branch_id, gym_id, user_id, direction, status, outcome, duration, created_at, notes";

  /** Where created_at stands in a lead row and in a call row. */
  private static final int LEAD_CREATED = 8;
  private static final int CALL_CREATED = 9;

  private final SyntheticDataSpec spec;
  private final Dialect dialect;
  private final SyntheticLeadData.RowOrder order;
  private final LongConsumer progress;
  private final SplittableRandom root;
  private final SyntheticRows leadRows = new SyntheticRows("leads", LEAD_COLUMNS);
  private final SyntheticRows callRows = new SyntheticRows("call_logs", CALL_COLUMNS);

  SyntheticLeadDataWriter(
      SyntheticDataSpec spec, Dialect dialect, SyntheticLeadData.RowOrder order, LongConsumer progress) {
    this.spec = spec;
    this.dialect = dialect;
    this.order = order;
    this.progress = progress;
    this.root = new SplittableRandom(spec.seed());
  }

  /** Writes the rows in the caller's transaction. */
  void write(Connection connection) throws SQLException {
    if (order == SyntheticLeadData.RowOrder.BY_BRANCH) {
      // One random stream through every branch in turn (the demo's rows depend on it).
      for (int g = 0; g < spec.gyms(); g++) {
        for (int b = 0; b < spec.branchesPerGym(); b++) {
          Branch branch = new Branch(g, b, root);
          for (int day = spec.days(); day >= 1; day--) {
            branch.day(spec.endDate().minusDays(day), leadRows::add, callRows::add);
            flushIfFull(connection);
          }
        }
      }
    } else {
      // A stream of its own for each branch (split in branch order, so a branch's rows do not
      // depend on how many gyms follow it), and each day's rows of every branch in time order,
      // as an operational table fills up.
      List<Branch> branches = new ArrayList<>();
      for (int g = 0; g < spec.gyms(); g++) {
        for (int b = 0; b < spec.branchesPerGym(); b++) {
          branches.add(new Branch(g, b, root.split()));
        }
      }
      for (int day = spec.days(); day >= 1; day--) {
        LocalDate date = spec.endDate().minusDays(day);
        List<Object[]> leads = new ArrayList<>();
        List<Object[]> calls = new ArrayList<>();
        for (Branch branch : branches) {
          branch.day(date, leads::add, calls::add);
        }
        leads.sort(Comparator.comparing(row -> (Instant) row[LEAD_CREATED]));
        calls.sort(Comparator.comparing(row -> (Instant) row[CALL_CREATED]));
        leads.forEach(leadRows::add);
        calls.forEach(callRows::add);
        flushIfFull(connection);
      }
    }
    flush(connection);
  }

  private void flushIfFull(Connection connection) throws SQLException {
    if (leadRows.size() + callRows.size() >= BATCH_ROWS) {
      flush(connection);
    }
  }

  /** One branch's staff, recent leads and random stream, writing a day at a time. */
  private final class Branch {
    final UUID gym;
    final UUID branch;
    final UUID[] staff = new UUID[spec.staffPerBranch()];
    final UUID[] recentLeads = new UUID[256];
    final SplittableRandom random;
    int leadCount;

    Branch(int g, int b, SplittableRandom random) {
      this.gym = SyntheticDataSpec.gymId(g);
      this.branch = SyntheticDataSpec.branchId(g, b);
      for (int s = 0; s < staff.length; s++) {
        staff[s] = SyntheticDataSpec.staffId(g, b, s);
      }
      this.random = random;
    }

    void day(LocalDate date, Consumer<Object[]> leads, Consumer<Object[]> calls) {
      Instant endOfData = spec.endDate().atStartOfDay(spec.zone()).toInstant();
      for (int i = 0; i < spec.leadsPerBranchPerDay(); i++) {
        UUID lead = randomUuid(random);
        recentLeads[leadCount++ % recentLeads.length] = lead;
        Instant created = businessInstant(random, date);
        Instant updated = created.plusSeconds(random.nextLong(0, 10 * 86_400L));
        if (updated.isAfter(endOfData)) {
          updated = endOfData.minusSeconds(1);
        }
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        leads.accept(new Object[] {
            lead, branch, gym, first, last,
            String.format("+1-555-%04d", random.nextInt(10_000)),
            (first + "." + last + leadCount + "@example.com").toLowerCase(java.util.Locale.ROOT),
            leadStatus(random), created, updated});
      }
      for (int i = 0; i < spec.callsPerBranchPerDay(); i++) {
        calls.accept(call(random, gym, branch, staff, recentLeads[random.nextInt(Math.min(leadCount, recentLeads.length))], date));
      }
    }
  }

  private Object[] call(SplittableRandom random, UUID gym, UUID branch, UUID[] staff, UUID lead, LocalDate date) {
    int roll = random.nextInt(100);
    String status = roll < 64 ? "completed" : roll < 88 ? "missed" : roll < 99 ? "failed" : "voicemail";
    String outcome = null;
    Integer duration = null;
    if (status.equals("completed")) {
      int o = random.nextInt(100);
      outcome = o < 30 ? "interested" : o < 68 ? "not_interested" : o < 78 ? "wrong_number" : o < 90 ? null : "callback";
      duration = random.nextInt(100) < 5 ? null : 30 + random.nextInt(870);
    }
    UUID user = random.nextInt(100) < 3 ? null : staff[random.nextInt(staff.length)];
    return new Object[] {
        randomUuid(random), lead, branch, gym, user,
        random.nextInt(100) < 80 ? "outbound" : "inbound",
        status, outcome, duration, businessInstant(random, date), null};
  }

  private static String leadStatus(SplittableRandom random) {
    int roll = random.nextInt(100);
    return roll < 28 ? "new" : roll < 52 ? "contacted" : roll < 67 ? "qualified" : roll < 82 ? "converted" : roll < 99 ? "lost" : "on_hold";
  }

  /** A moment between 07:00 and 21:00 local, skewed towards the afternoon. */
  private Instant businessInstant(SplittableRandom random, LocalDate date) {
    int minute = 7 * 60 + Math.min(random.nextInt(14 * 60), random.nextInt(14 * 60) + 120);
    return date.atStartOfDay(spec.zone()).plusMinutes(Math.min(minute, 21 * 60 - 1)).plusSeconds(random.nextInt(60)).toInstant();
  }

  private static UUID randomUuid(SplittableRandom random) {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least);
  }

  private void flush(Connection connection) throws SQLException {
    // Leads first: calls refer to them.
    long written = leadRows.flush(connection, dialect);
    written += callRows.flush(connection, dialect);
    progress.accept(written);
  }
}
