package io.pulsereports.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code reporting} command. {@link #run} takes its streams, environment and clock so tests
 * drive it in-process; exit codes: 0 success, 2 bad input, 1 any other failure.
 */
@Command(
    name = "reporting",
    mixinStandardHelpOptions = true,
    versionProvider = ReportingCli.Version.class,
    description = "Pulse Reports: lead performance and learning engagement reports from your own SQL"
        + " database, delivered by email and Slack.",
    subcommands = {
      BackupCommand.class,
      BenchCommand.class,
      ConversionsCommand.class,
      DeliveriesCommand.class,
      DemoCommand.class,
      GenerateCommand.class,
      MigrateCommand.class,
      RenderCommand.class,
      SchedulerCommand.class,
      SeedDataCommand.class,
      SendCommand.class,
      ServeCommand.class,
      SubscriptionsCommand.class,
      TemplatesCommand.class,
      TokensCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ReportingCli implements Runnable {

  static final int OK = 0;
  static final int FAILURE = 1;
  static final int BAD_INPUT = 2;

  private final CliContext context;

  ReportingCli(CliContext context) {
    this.context = context;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv(), Clock.systemUTC()));
  }

  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
    CliContext context = new CliContext(out, err, env, clock);
    CommandLine commandLine = new CommandLine(new ReportingCli(context), new ContextFactory(context));
    commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          CommandLine failed = exception.getCommandLine();
          err.println(
              failed.getCommandName() + ": " + exception.getMessage() + " (see '" + fullName(failed) + " --help')");
          return BAD_INPUT;
        });
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          err.println("error: " + CliErrors.describe(exception));
          return CliErrors.isBadInput(exception) ? BAD_INPUT : FAILURE;
        });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(context.out());
  }

  private static String fullName(CommandLine commandLine) {
    return commandLine.getParent() == null
        ? commandLine.getCommandName()
        : fullName(commandLine.getParent()) + " " + commandLine.getCommandName();
  }

  /** Creates commands with the shared context. */
  private record ContextFactory(CliContext context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(CliContext.class).newInstance(context);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ReportingCli.class.getPackage().getImplementationVersion();
      return new String[] {"reporting " + (version == null ? "(development build)" : version)};
    }
  }
}
