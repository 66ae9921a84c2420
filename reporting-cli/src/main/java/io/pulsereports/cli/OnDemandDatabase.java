package io.pulsereports.cli;

import io.pulsereports.core.conversion.ConversionTrigger;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.InactiveUsers;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.LearnerSessions;
import io.pulsereports.core.model.MistakeActivity;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.RoleEngagement;
import io.pulsereports.core.port.out.ConversionTriggerRepository;
import io.pulsereports.core.port.out.LeadActivityPort;
import io.pulsereports.core.port.out.LearningActivityPort;
import io.pulsereports.persistence.jdbc.JdbcPersistence;
import java.util.List;

/**
 * Opens the database on the first read, so a request is validated (and bad input reported)
 * before any connection is made or any file is created.
 */
final class OnDemandDatabase implements AutoCloseable {

  private final String databaseUrl;
  private JdbcPersistence database;

  OnDemandDatabase(String databaseUrl) {
    this.databaseUrl = databaseUrl;
  }

  private JdbcPersistence database() {
    if (database == null) {
      database = Database.openExisting(databaseUrl);
    }
    return database;
  }

  LeadActivityPort leadActivity() {
    return new LeadActivityPort() {
      @Override
      public LeadActivity loadLeadActivity(GymScope scope, ReportPeriod period) {
        return database().leadActivity().loadLeadActivity(scope, period);
      }
    };
  }

  LearningActivityPort learningActivity() {
    return new LearningActivityPort() {
      @Override
      public List<RoleEngagement> engagementByRole(ReportPeriod window) {
        return database().learningActivity().engagementByRole(window);
      }

      @Override
      public MistakeActivity mistakes(ReportPeriod window, int topLimit) {
        return database().learningActivity().mistakes(window, topLimit);
      }

      @Override
      public List<LearnerSessions> freeLearnerSessions(ReportPeriod window) {
        return database().learningActivity().freeLearnerSessions(window);
      }

      @Override
      public java.util.Set<String> usersOfferedIn(ReportPeriod window) {
        return database().learningActivity().usersOfferedIn(window);
      }

      @Override
      public InactiveUsers inactiveUsers(ReportPeriod window, int limit) {
        return database().learningActivity().inactiveUsers(window, limit);
      }
    };
  }

  /** The conversion_triggers adapter, made on first use. */
  ConversionTriggerRepository conversionTriggers() {
    return new ConversionTriggerRepository() {
      private ConversionTriggerRepository triggers;

      private synchronized ConversionTriggerRepository triggers() {
        if (triggers == null) {
          triggers = database().conversionTriggers();
        }
        return triggers;
      }

      @Override
      public Recorded recordIfAbsent(ConversionTrigger trigger, ReportPeriod day) {
        return triggers().recordIfAbsent(trigger, day);
      }

      @Override
      public List<ConversionTrigger> findOn(String triggerType, ReportPeriod day) {
        return triggers().findOn(triggerType, day);
      }

      @Override
      public OfferClaim claim(ConversionTrigger trigger, ReportPeriod day) {
        return triggers().claim(trigger, day);
      }
    };
  }

  @Override
  public void close() {
    if (database != null) {
      database.close();
    }
  }
}
