package io.pulsereports.cli;

import io.pulsereports.core.access.ApiToken;
import io.pulsereports.core.access.NewApiToken;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "tokens",
    mixinStandardHelpOptions = true,
    description = {"API tokens for the HTTP API. A token sees only the gyms it was created for; only its",
        "SHA-256 hash is stored, so it is shown once, when it is created."},
    subcommands = {TokensCommand.Create.class, TokensCommand.List.class, TokensCommand.Revoke.class})
final class TokensCommand implements Runnable {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final CliContext context;

  TokensCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(context.out());
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Creates a token for the gyms given (and/or the learning reports) and prints it once, alone on the first line.")
  static final class Create implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--gym-id", paramLabel = "UUID", description = "a gym the token sees; repeat for more")
    java.util.List<String> gymIds = new java.util.ArrayList<>();

    @Option(names = "--learning", description = "the token also sees the learning engagement reports, which belong to no gym")
    boolean learning;

    @Option(names = "--name", paramLabel = "TEXT", description = "what the token is for, shown in listings")
    String name;

    @Mixin DatabaseOption databaseOption;

    Create(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        NewApiToken created = engine.reporting().createToken(gymIds, learning, Optional.ofNullable(name));
        context.out().println(created.secret());
        context.err().println("Token " + created.token().id() + " for " + gyms(created.token())
            + ". Store it now: it is not shown again (only its hash is kept). Use it as 'Authorization: Bearer <token>'.");
      }
      return ReportingCli.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists tokens (never the tokens themselves), oldest first.")
  static final class List implements Callable<Integer> {
    private final CliContext context;

    @Mixin DatabaseOption databaseOption;

    List(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        java.util.List<ApiToken> tokens = engine.reporting().listTokens();
        for (ApiToken token : tokens) {
          context.out().println(token.id() + "  " + token.prefix() + "…  "
              + token.revokedAt().map(at -> "revoked " + UTC.format(at)).orElse("active") + "  " + gyms(token)
              + "  created " + UTC.format(token.createdAt()) + token.name().map(n -> "  \"" + n + "\"").orElse(""));
        }
        context.out().println(tokens.isEmpty() ? "No tokens yet (see 'reporting tokens create --help')." : tokens.size() + " tokens");
      }
      return ReportingCli.OK;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a token: requests with it are refused from now on.")
  static final class Revoke implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "the token id (from 'tokens list'), not the token")
    String id;

    @Mixin DatabaseOption databaseOption;

    Revoke(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      BadInputException.requireUuid("ID", id);
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        ApiToken revoked = engine.reporting().revokeToken(id);
        context.out().println("Revoked token " + revoked.id() + " (" + revoked.prefix() + "…) at "
            + UTC.format(revoked.revokedAt().orElseThrow()));
      }
      return ReportingCli.OK;
    }
  }

  private static String gyms(ApiToken token) {
    String learning = token.learningReports() ? "the learning reports" : "";
    if (token.gymIds().isEmpty()) {
      return learning;
    }
    return (token.gymIds().size() == 1 ? "gym " : "gyms ")
        + token.gymIds().stream().map(UUID::toString).sorted().collect(Collectors.joining(","))
        + (learning.isEmpty() ? "" : " and " + learning);
  }
}
