package io.pulsereports.persistence.jdbc;

import io.pulsereports.core.model.CallGroup;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Hand-written rows of leads and call_logs with hand-computed expectations. Every timestamp is
 * written as SQLite would hold it (space or 'T', fractions, 'Z' or offset suffixes); PostgreSQL
 * stores the same instant.
 */
final class LeadActivityFixture {

  static final UUID GYM = UUID.fromString("11111111-1111-1111-1111-111111111111");
  static final UUID OTHER_GYM = UUID.fromString("22222222-2222-2222-2222-222222222222");
  static final UUID BRANCH = UUID.fromString("aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa");
  static final UUID OTHER_BRANCH = UUID.fromString("bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb");
  static final String U1 = "00000000-0000-0000-0000-0000000000a1";
  static final String U2 = "00000000-0000-0000-0000-0000000000a2";
  static final String U3 = "00000000-0000-0000-0000-0000000000a3";

  record Lead(UUID gym, UUID branch, String status, Stamp createdAt, Stamp updatedAt) {}

  record Call(
      UUID gym,
      UUID branch,
      String userId,
      String status,
      String outcome,
      Integer duration,
      Stamp createdAt) {}

  private static Lead lead(UUID gym, UUID branch, String status, String created, String updated) {
    return new Lead(gym, branch, status, new Stamp(created), new Stamp(updated));
  }

  private static Lead lead(String status, String created, String updated) {
    return lead(GYM, BRANCH, status, created, updated);
  }

  private static Call call(
      UUID gym, UUID branch, String user, String status, String outcome, Integer duration,
      String created) {
    return new Call(gym, branch, user, status, outcome, duration, new Stamp(created));
  }

  private static Call call(
      String user, String status, String outcome, Integer duration, String created) {
    return call(GYM, BRANCH, user, status, outcome, duration, created);
  }

  static final List<Lead> LEADS =
      List.of(
          // America/New_York 2026-03-08 (23 h): [03-08T05:00Z, 03-09T04:00Z)
          lead("new", "2026-03-08 05:00:00", "2026-03-08 05:00:00"), // L1 at start: in
          lead("contacted", "2026-03-08T06:30:00", "2026-03-08T09:00:00"), // L2
          lead("contacted", "2026-03-08T07:00:00Z", "2026-03-10 00:00:00"), // L3
          lead("converted", "2026-03-09T03:59:59.500", "2026-03-08T23:59:59.5-04:00"), // L4
          lead("new", "2026-03-09 04:00:00", "2026-03-09 04:00:00"), // L5 at end: out
          lead("converted", "2026-03-08T04:59:59", "2026-03-08 10:00:00"), // L6 created before
          lead("converted", "2026-01-15 10:00:00", "2026-03-08T20:00:00.000000"), // L7
          lead("converted", "2026-01-15 10:00:00", "2026-03-09 04:00:00"), // L8 updated at end
          lead("qualified", "2026-01-15 10:00:00", "2026-03-08 12:00:00"), // L9 not converted
          lead("waitlisted", "2026-03-08 15:00:00", "2026-03-08 15:00:00"), // L10 unknown status
          lead(GYM, OTHER_BRANCH, "converted", "2026-03-08 15:00:00", "2026-03-08 16:00:00"), // L11
          lead(OTHER_GYM, BRANCH, "converted", "2026-03-08 15:00:00", "2026-03-08 16:00:00"), // L12
          lead("converted", "2026-01-20 10:00:00", "2026-03-08T05:00:00"), // L13 updated at start
          lead("converted", "2026-01-20 10:00:00", "2026-03-08T04:30:00"), // L14 before start
          // America/New_York 2026-11-01 (25 h): [11-01T04:00Z, 11-02T05:00Z)
          lead("new", "2026-10-31 12:00:00", "2026-10-31 12:00:00"), // L20 10-31 local
          lead("new", "2026-11-01T03:59:59", "2026-11-01T03:59:59"), // L21 10-31 23:59:59 local
          lead("new", "2026-11-01 04:00:00", "2026-11-01 04:00:00"), // L22 11-01 00:00 local
          lead("lost", "2026-11-02T04:30:00Z", "2026-11-02T04:30:00Z"), // L23 11-01 23:30 EST
          lead("new", "2026-10-31T03:59:59", "2026-10-31T03:59:59"), // L24 10-30 local
          lead("converted", "2026-11-01 06:15:00", "2026-11-01 06:20:00")); // L25

  static final List<Call> CALLS =
      List.of(
          // America/New_York 2026-03-08: EST (-5) until 07:00Z, then EDT (-4)
          call(U2, "completed", "not_interested", 60, "2026-03-08 05:00:00"), // c1 start, h0
          call(U1, "completed", "interested", 99, "2026-03-08T04:59:59.999"), // c2 before start
          call(U2, "missed", null, null, "2026-03-08T06:59:59"), // c3 01:59:59 EST, h1
          call(U1, "completed", "wrong_number", 15, "2026-03-08T07:00:00Z"), // c4 03:00 EDT, h3
          call(U1, "failed", null, 0, "2026-03-08 07:30:00.250"), // c5 h3
          call(U2, "completed", "interested", 100, "2026-03-08T23:59:59-04:00"), // c6 h23
          call(U1, "completed", "interested", 7, "2026-03-09 04:00:00"), // c7 at end: out
          call(GYM, OTHER_BRANCH, U3, "completed", "interested", 50, "2026-03-08 12:00:00"), // c8
          call(OTHER_GYM, BRANCH, U1, "completed", "interested", 40, "2026-03-08 12:00:00"), // c9
          call(null, "completed", null, null, "2026-03-08T12:00:00.123456"), // c10 h8
          call(U1, "voicemail", "callback_requested", 30, "2026-03-08 12:10:00"), // c11 h8
          call(U1, "completed", "interested", 120, "2026-03-08 13:00:00"), // c12 h9
          call(U1, "completed", "interested", null, "2026-03-08T13:20:00"), // c13 h9
          call(U2, "completed", "interested", 200, "2026-03-09T03:30:00"), // c14 h23
          call(U1, "completed", "not_interested", 25, "2026-03-07T23:00:00-07:00"), // c15 h1
          // America/New_York 2026-11-01: EDT (-4) until 06:00Z, then EST (-5)
          call(U1, "completed", "interested", 10, "2026-11-01 05:30:00"), // f1 01:30 EDT
          call(U1, "completed", "interested", 20, "2026-11-01T06:30:00Z"), // f2 01:30 EST
          call(U2, "missed", null, null, "2026-11-01 05:59:59.999999"), // f3 01:59:59 EDT
          call(U2, "missed", null, null, "2026-11-01T01:00:00-05:00"), // f4 01:00 EST
          call(U1, "failed", "other", 5, "2026-11-01 07:00:00"), // f5 02:00 EST
          call(U2, "completed", "not_interested", 45, "2026-11-01T23:59:59-05:00"), // f6 h23
          call(U1, "completed", "interested", 1, "2026-11-02 05:00:00"), // f7 at end: out
          call(U1, "missed", null, null, "2026-11-01 03:59:59"), // f8 10-31 23:59:59 EDT
          call(U1, "completed", "interested", 60, "2026-10-31T16:00:00")); // f9 10-31 12:00 EDT

  static CallGroup group(
      String date, int hour, String user, String status, String outcome, long calls,
      long duration, long withDuration) {
    return new CallGroup(
        LocalDate.parse(date),
        hour,
        Optional.ofNullable(user),
        status,
        Optional.ofNullable(outcome),
        calls,
        duration,
        withDuration);
  }

  private LeadActivityFixture() {}
}
