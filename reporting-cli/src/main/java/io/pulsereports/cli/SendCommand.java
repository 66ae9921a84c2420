package io.pulsereports.cli;

import io.pulsereports.core.port.in.SendReportCommand;
import io.pulsereports.core.port.in.SendReportResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a report and delivers it by email or Slack, recorded in the delivery log.",
      "The same report for the same period and recipients is delivered once: running the",
      "command again reports the existing delivery. A failed attempt is retried with back-off",
      "by 'reporting deliveries run-due' (or the scheduler); see 'reporting deliveries list'.",
      "Email needs REPORTING_SMTP_HOST and REPORTING_SMTP_FROM (see README)."
    })
final class SendCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin ReportOptions reportOptions;

  @Option(names = "--recipients", required = true, split = ",", paramLabel = "ADDRESSES",
      description = "email addresses, or Slack incoming-webhook URLs; comma-separated")
  List<String> recipients;

  @Option(names = "--method", paramLabel = "METHOD", description = "email | slack (default email)")
  String method = "email";

  @Option(names = "--skip-if-empty", description = "record the delivery as skipped, sending nothing, when the period had no data")
  boolean skipIfEmpty;

  @Option(names = "--template-id", paramLabel = "UUID",
      description = "a saved template of the report's type whose page is the email's HTML body (see 'reporting templates')")
  String templateId;

  @Option(names = "--idempotency-key", paramLabel = "KEY",
      description = "your own key for this request: the same key and period is delivered once")
  String idempotencyKey;

  @Mixin DatabaseOption databaseOption;

  @Mixin SourceDatabaseOption sourceOption;

  SendCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    SendReportCommand command =
        new SendReportCommand(reportOptions.command(), method, recipients, Optional.empty(),
            Optional.ofNullable(idempotencyKey), skipIfEmpty, Optional.ofNullable(templateId));
    try (ReportingEngine engine = ReportingEngine.forDelivery(context, Databases.of(context, databaseOption, sourceOption))) {
      SendReportResult result = engine.reporting().send(command);
      DeliveryText text = new DeliveryText(engine);
      if (result.duplicate()) {
        context.out().println("Already delivered: " + text.oneLine(result.delivery()));
        return ReportingCli.OK;
      }
      context.out().println(text.oneLine(result.delivery()));
      return switch (result.delivery().status()) {
        case FAILED -> ReportingCli.FAILURE;
        default -> ReportingCli.OK;
      };
    }
  }
}
