package io.pulsereports.cli;

import io.pulsereports.core.Reporting;
import io.pulsereports.core.conversion.ConversionRule;
import io.pulsereports.core.metric.LearningMetricsConfig;
import io.pulsereports.core.port.in.CandidateOffer;
import io.pulsereports.core.port.in.OfferOutcome;
import io.pulsereports.core.port.in.SendConversionOffersCommand;
import io.pulsereports.core.port.in.SendConversionOffersCommand.Mode;
import io.pulsereports.core.port.in.SendConversionOffersResult;
import io.pulsereports.delivery.email.EmailDelivery;
import io.pulsereports.delivery.email.SmtpSettings;
import io.pulsereports.persistence.jdbc.MissingTableException;
import io.pulsereports.render.mustache.MustacheOfferRenderer;
import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "conversions",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the conversion candidates of a day: the free users the learning-daily report lists",
      "under conversion.candidates (same rule, same 30-day cooldown). With --send-offers it records",
      "a conversion_triggers row per candidate and emails each the Executive offer; running it again",
      "for the same day sends nothing new (an offer whose send failed is sent again).",
      "--send-offers needs REPORTING_SMTP_HOST and REPORTING_SMTP_FROM, and a conversion_triggers",
      "table (never created by this command). The offer: REPORTING_OFFER_PRICE, REPORTING_OFFER_CURRENCY,",
      "REPORTING_OFFER_DISCOUNT_PERCENT, REPORTING_OFFER_VALID_DAYS, REPORTING_OFFER_URL (see README)."
    })
final class ConversionsCommand implements Callable<Integer> {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private final CliContext context;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the day (default yesterday)")
  String date;

  @Option(names = "--timezone", paramLabel = "ZONE", description = "IANA time zone of the day (default UTC)")
  String timezone;

  @Option(names = "--send-offers", description = "record a trigger per candidate and email each the offer")
  boolean sendOffers;

  @Option(names = "--dry-run", description = "show what --send-offers would send; write and send nothing")
  boolean dryRun;

  @Mixin DatabaseOption databaseOption;

  @Mixin SourceDatabaseOption sourceOption;

  ConversionsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Mode mode = dryRun ? Mode.DRY_RUN : sendOffers ? Mode.SEND : Mode.LIST;
    Databases databases = Databases.of(context, databaseOption, sourceOption);
    if (mode != Mode.LIST && databases.source().isPresent()) {
      throw new BadInputException("--source-db", "is read-only, and " + (dryRun ? "--dry-run" : "--send-offers")
          + " reads and records offers in the operational conversion_triggers table; run it against --db");
    }
    OfferSettings offer = OfferSettings.fromEnvironment(context.env());
    LearningMetricsConfig metrics = offer.learningMetrics();
    Optional<SmtpSettings> smtp = mode == Mode.LIST ? Optional.empty() : Optional.of(smtp(mode));
    MustacheOfferRenderer.Builder renderer = MustacheOfferRenderer.builder();
    offer.upgradeUrl().ifPresent(renderer::upgradeUrl);
    SendConversionOffersCommand command =
        SendConversionOffersCommand.builder().date(date).timezone(timezone).mode(mode).build();
    try (OnDemandDatabase database = new OnDemandDatabase(databases);
        EmailOrNone email = new EmailOrNone(smtp.map(EmailDelivery::smtp))) {
      Reporting.Builder builder = Reporting.builder()
          .clock(context.clock())
          .learningMetrics(metrics)
          .learningActivity(database.learningActivity())
          .conversionTriggers(database.conversionTriggers())
          .offerRenderer(renderer.build());
      email.delivery().ifPresent(builder::deliverer);
      SendConversionOffersResult result;
      try {
        result = builder.build().sendConversionOffers(command);
      } catch (MissingTableException e) {
        throw new IllegalStateException(e.getMessage()
            + ". The demo database has it ('reporting demo'; 'reporting migrate --demo-schema' creates the"
            + " demo tables in an empty database)", e);
      }
      print(result, metrics, context.out());
      return result.anySendFailed() ? ReportingCli.FAILURE : ReportingCli.OK;
    }
  }

  /** The SMTP settings; sending (or a dry run of it) without them is bad input. */
  private SmtpSettings smtp(Mode mode) {
    Map<String, String> env = context.env();
    String option = mode == Mode.DRY_RUN ? "--dry-run" : "--send-offers";
    for (String variable : List.of(SmtpSettings.HOST_VARIABLE, SmtpSettings.FROM_VARIABLE)) {
      if (env.get(variable) == null || env.get(variable).isBlank()) {
        throw new BadInputException(option, "emails the offers, so it needs an SMTP server: set "
            + SmtpSettings.HOST_VARIABLE + " and " + SmtpSettings.FROM_VARIABLE + " (" + variable + " is not set)");
      }
    }
    return ReportingEngine.smtpSettings(env);
  }

  static void print(SendConversionOffersResult result, LearningMetricsConfig metrics, PrintStream out) {
    ConversionRule rule = metrics.conversionRule();
    String day = DAY.format(result.day().startDate()) + " (" + result.day().zone().getId() + ")";
    out.println("Conversion candidates of " + day + ": free users with " + rule.minSessions() + "+ sessions"
        + (rule.consecutiveRequired() ? " in a row" : "") + " scoring above " + oneDecimal(rule.minConfidence())
        + " in the " + rule.windowDays() + " days to that day, not offered in the last "
        + metrics.offerCooldownDays() + " days.");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"user_id", "email", "sessions", "avg_score", "outcome"});
    for (CandidateOffer offer : result.candidates()) {
      rows.add(row(offer, outcome(offer.outcome())));
    }
    for (CandidateOffer offer : result.alreadyOffered()) {
      rows.add(row(offer, outcome(offer.outcome()) + " (no longer a candidate)"));
    }
    if (result.candidates().isEmpty() && result.alreadyOffered().isEmpty()) {
      out.println("No candidates.");
    } else {
      printTable(rows, out);
    }
    out.println(summary(result, day));
  }

  private static String[] row(CandidateOffer offer, String outcome) {
    return new String[] {
      offer.userId(),
      offer.email().filter(e -> !e.isBlank()).orElse("-"),
      Integer.toString(offer.sessions()),
      offer.avgScore().isPresent() ? oneDecimal(offer.avgScore().getAsDouble()) : "-",
      outcome
    };
  }

  private static String outcome(OfferOutcome outcome) {
    if (outcome instanceof OfferOutcome.Listed) {
      return "listed";
    }
    if (outcome instanceof OfferOutcome.WouldSend wouldSend) {
      return (wouldSend.triggerExists() ? "would send again: \"" : "would send: \"") + wouldSend.subject() + "\"";
    }
    if (outcome instanceof OfferOutcome.RecordedAndSent sent) {
      return sent.resent() ? "sent (again: the earlier send had not gone through)" : "sent";
    }
    if (outcome instanceof OfferOutcome.AlreadySent already) {
      return already.triggerId().isPresent() ? "already sent" : "already sent for a later day";
    }
    if (outcome instanceof OfferOutcome.SendFailed failed) {
      return "send failed" + (failed.retryable() ? "" : " for good") + ": " + oneLine(failed.reason());
    }
    OfferOutcome.NoEmail noEmail = (OfferOutcome.NoEmail) outcome;
    return "not sent: " + oneLine(noEmail.reason());
  }

  private static String summary(SendConversionOffersResult result, String day) {
    int candidates = result.candidates().size();
    String count = candidates + (candidates == 1 ? " candidate" : " candidates");
    long noEmail = candidatesWith(result, OfferOutcome.NoEmail.class);
    long alreadySent = candidatesWith(result, OfferOutcome.AlreadySent.class);
    String earlier = result.alreadyOffered().isEmpty() ? ""
        : "; " + result.alreadyOffered().size() + " more already sent the offer for " + day;
    return switch (result.mode()) {
      case LIST -> count + ". Listed only: --send-offers records a trigger and emails each the offer"
          + " (--dry-run shows what it would send).";
      case DRY_RUN -> "Dry run, " + count + ": " + candidatesWith(result, OfferOutcome.WouldSend.class)
          + " would be sent, " + alreadySent + " already sent, " + noEmail + " without a usable email"
          + earlier + ". Nothing was written or sent.";
      case SEND -> count + ": " + candidatesWith(result, OfferOutcome.RecordedAndSent.class) + " sent, "
          + alreadySent + " already sent, " + candidatesWith(result, OfferOutcome.SendFailed.class) + " failed, " + noEmail
          + " without a usable email" + earlier + "."
          + (result.anySendFailed() ? " Failed offers stay recorded as not sent; run the command again to send them." : "");
    };
  }

  private static long candidatesWith(SendConversionOffersResult result, Class<? extends OfferOutcome> kind) {
    return result.candidates().stream().filter(candidate -> kind.isInstance(candidate.outcome())).count();
  }

  private static void printTable(List<String[]> rows, PrintStream out) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean number = i == 2 || i == 3;
        String cell = number ? " ".repeat(widths[i] - row[i].length()) + row[i] : row[i];
        line.append(cell);
        if (i < row.length - 1) {
          line.append(number ? "" : " ".repeat(widths[i] - row[i].length())).append("  ");
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String oneDecimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** The email deliverer when sending, closed with the command. */
  private record EmailOrNone(Optional<EmailDelivery> delivery) implements AutoCloseable {
    @Override
    public void close() {
      delivery.ifPresent(EmailDelivery::close);
    }
  }
}
