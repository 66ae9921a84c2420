package io.pulsereports.persistence.jdbc;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a {@link SyntheticDataSpec}'s leads and calls: batched prepared statements in large
 * transactions on SQLite, COPY on PostgreSQL. Reports progress as rows written.
 */
final class SyntheticLeadDataWriter {

  private static final int BATCH_ROWS = 20_000;
  private static final String[] FIRST = {"Ana", "Ben", "Chloe", "Diego", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jon", "Kira", "Liam"};
  private static final String[] LAST = {"Silva", "Moore", "Nguyen", "Garcia", "Khan", "Rossi", "Smith", "Okafor", "Berg", "Tanaka"};
  private static final DateTimeFormatter SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter T_FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
  private static final String LEAD_COLUMNS = "id, branch_id, gym_id, first_name, last_name, phone, email, lead_status, created_at, updated_at";
  private static final String CALL_COLUMNS = "id, lead_id, branch_id, gym_id, user_id, direction, status, outcome, duration, created_at, notes";

  private final SyntheticDataSpec spec;
  private final Dialect dialect;
  private final LongConsumer progress;
  private final SplittableRandom random;
  private final List<Object[]> leadRows = new ArrayList<>();
  private final List<Object[]> callRows = new ArrayList<>();

  SyntheticLeadDataWriter(SyntheticDataSpec spec, Dialect dialect, LongConsumer progress) {
    this.spec = spec;
    this.dialect = dialect;
    this.progress = progress;
    this.random = new SplittableRandom(spec.seed());
  }

  void write(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      for (int g = 0; g < spec.gyms(); g++) {
        for (int b = 0; b < spec.branchesPerGym(); b++) {
          writeBranch(connection, g, b);
        }
      }
      flush(connection);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private void writeBranch(Connection connection, int g, int b) throws SQLException {
    UUID gym = SyntheticDataSpec.gymId(g);
    UUID branch = SyntheticDataSpec.branchId(g, b);
    UUID[] staff = new UUID[spec.staffPerBranch()];
    for (int s = 0; s < staff.length; s++) {
      staff[s] = SyntheticDataSpec.staffId(g, b, s);
    }
    UUID[] recentLeads = new UUID[256];
    int leadCount = 0;
    Instant endOfData = spec.endDate().atStartOfDay(spec.zone()).toInstant();
    for (int day = spec.days(); day >= 1; day--) {
      LocalDate date = spec.endDate().minusDays(day);
      for (int i = 0; i < spec.leadsPerBranchPerDay(); i++) {
        UUID lead = randomUuid();
        recentLeads[leadCount++ % recentLeads.length] = lead;
        Instant created = businessInstant(date);
        Instant updated = created.plusSeconds(random.nextLong(0, 10 * 86_400L));
        if (updated.isAfter(endOfData)) {
          updated = endOfData.minusSeconds(1);
        }
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        leadRows.add(new Object[] {
            lead, branch, gym, first, last,
            String.format("+1-555-%04d", random.nextInt(10_000)),
            (first + "." + last + leadCount + "@example.com").toLowerCase(java.util.Locale.ROOT),
            leadStatus(), created, updated});
      }
      for (int i = 0; i < spec.callsPerBranchPerDay(); i++) {
        callRows.add(call(gym, branch, staff, recentLeads[random.nextInt(Math.min(leadCount, recentLeads.length))], date));
      }
      if (leadRows.size() + callRows.size() >= BATCH_ROWS) {
        flush(connection);
      }
    }
  }

  private Object[] call(UUID gym, UUID branch, UUID[] staff, UUID lead, LocalDate date) {
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
        randomUuid(), lead, branch, gym, user,
        random.nextInt(100) < 80 ? "outbound" : "inbound",
        status, outcome, duration, businessInstant(date), null};
  }

  private String leadStatus() {
    int roll = random.nextInt(100);
    return roll < 28 ? "new" : roll < 52 ? "contacted" : roll < 67 ? "qualified" : roll < 82 ? "converted" : roll < 99 ? "lost" : "on_hold";
  }

  /** A moment between 07:00 and 21:00 local, skewed towards the afternoon. */
  private Instant businessInstant(LocalDate date) {
    int minute = 7 * 60 + Math.min(random.nextInt(14 * 60), random.nextInt(14 * 60) + 120);
    return date.atStartOfDay(spec.zone()).plusMinutes(Math.min(minute, 21 * 60 - 1)).plusSeconds(random.nextInt(60)).toInstant();
  }

  private UUID randomUuid() {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least);
  }

  private void flush(Connection connection) throws SQLException {
    // Leads first: calls refer to them.
    if (dialect == Dialect.POSTGRESQL) {
      copy(connection, "leads", LEAD_COLUMNS, leadRows);
      copy(connection, "call_logs", CALL_COLUMNS, callRows);
    } else {
      insert(connection, "leads", LEAD_COLUMNS, leadRows);
      insert(connection, "call_logs", CALL_COLUMNS, callRows);
    }
    long written = leadRows.size() + callRows.size();
    leadRows.clear();
    callRows.clear();
    progress.accept(written);
  }

  private void insert(Connection connection, String table, String columns, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    int width = rows.get(0).length;
    String sql = "INSERT INTO " + table + " (" + columns + ") VALUES (" + "?, ".repeat(width - 1) + "?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (Object[] row : rows) {
        for (int i = 0; i < width; i++) {
          insert.setObject(i + 1, sqliteValue(row[i]));
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** SQLite stores ids as text and instants as ISO text; one in ten uses the 'T' form, as real data may. */
  private Object sqliteValue(Object value) {
    if (value instanceof UUID id) {
      return id.toString();
    }
    if (value instanceof Instant instant) {
      LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
      return (instant.getEpochSecond() % 10 == 0 ? T_FORM : SPACE).format(utc);
    }
    return value;
  }

  private static void copy(Connection connection, String table, String columns, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    StringBuilder csv = new StringBuilder(rows.size() * 160);
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          csv.append(',');
        }
        Object value = row[i];
        if (value instanceof Instant instant) {
          csv.append(instant.toString());
        } else if (value instanceof String text) {
          csv.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else if (value != null) {
          csv.append(value);
        }
      }
      csv.append('\n');
    }
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    try {
      copy.copyIn("COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
    } catch (java.io.IOException e) {
      throw new SQLException("COPY into " + table + " failed", e);
    }
  }
}
