package io.pulsereports.cli;

import io.pulsereports.core.conversion.ConversionTrigger;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.InactiveUsers;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.LearnerSessions;
import io.pulsereports.core.model.MistakeActivity;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.RoleEngagement;
import io.pulsereports.core.port.out.BranchActivityPort;
import io.pulsereports.core.port.out.ConversionTriggerRepository;
import io.pulsereports.core.port.out.LeadActivityPort;
import io.pulsereports.core.port.out.LearningActivityPort;
import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.persistence.jdbc.JdbcPersistence;
import java.util.Optional;
import java.util.UUID;
import java.util.List;
import java.util.Set;

/**
 * Opens the database on the first read, so a request is validated (and bad input reported)
 * before any connection is made or any file is created.
 */
final class OnDemandDatabase implements AutoCloseable {

  private final Databases databases;
  private JdbcPersistence database;
  private JdbcPersistence source;
  private LeadActivityPort leads;
  private LearningActivityPort learning;


  /** Operational data from {@code databases.source()} (read-only) when given, else from the state database. */
  OnDemandDatabase(Databases databases) {
    this.databases = databases;
  }

  private JdbcPersistence database() {
    if (database == null) {
      database = Database.openExisting(databases.state());
    }
    return database;
  }

  /** Where leads, calls and learning data are read. */
  private JdbcPersistence operational() {
    if (databases.source().isEmpty()) {
      return database();
    }
    if (source == null) {
      source = databases.openSource().orElseThrow();
    }
    return source;
  }

  /** One adapter per run, so what it learns of the schema (conversion_triggers) is looked up once. */
  private LeadActivityPort leads() {
    if (leads == null) {
      leads = operational().leadActivity();
    }
    return leads;
  }

  private LearningActivityPort learning() {
    if (learning == null) {
      learning = operational().learningActivity();
    }
    return learning;
  }

  /** Every branch's activity of a period, read in grouped passes (made on first use). */
  BranchActivityPort branchActivity() {
    return period -> operational().branchActivity().loadEveryBranch(period);
  }

  /** A stored custom template, read from Pulse Reports' own tables (migrated on first use). */
  Optional<ReportTemplate> template(UUID id) {
    JdbcPersistence persistence = database();
    persistence.migrate();
    return persistence.templates().find(id);
  }

  LeadActivityPort leadActivity() {
    return new LeadActivityPort() {
      @Override
      public LeadActivity loadLeadActivity(GymScope scope, ReportPeriod period) {
        return leads().loadLeadActivity(scope, period);
      }
    };
  }

  LearningActivityPort learningActivity() {
    return new LearningActivityPort() {
      @Override
      public List<RoleEngagement> engagementByRole(ReportPeriod window) {
        return learning().engagementByRole(window);
      }

      @Override
      public MistakeActivity mistakes(ReportPeriod window, int topLimit) {
        return learning().mistakes(window, topLimit);
      }

      @Override
      public List<LearnerSessions> freeLearnerSessions(ReportPeriod window) {
        return learning().freeLearnerSessions(window);
      }

      @Override
      public Set<String> usersOfferedIn(ReportPeriod window) {
        return learning().usersOfferedIn(window);
      }

      @Override
      public InactiveUsers inactiveUsers(ReportPeriod window, int limit) {
        return learning().inactiveUsers(window, limit);
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
    if (source != null) {
      source.close();
    }
    if (database != null) {
      database.close();
    }
  }
}
