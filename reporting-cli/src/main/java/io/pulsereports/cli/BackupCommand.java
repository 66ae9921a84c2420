package io.pulsereports.cli;

import io.pulsereports.persistence.jdbc.JdbcPersistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a consistent copy of the embedded SQLite database while it stays in use",
      "(reports and the scheduler may keep running). For PostgreSQL use pg_dump."
    })
final class BackupCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(names = "--to", required = true, paramLabel = "FILE", description = "the new backup file (must not exist)")
  Path target;

  @Mixin DatabaseOption databaseOption;

  BackupCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String url = databaseOption.url(context);
    if (Database.sqliteFile(url).isEmpty()) {
      throw new BadInputException("--db", "backup copies the embedded SQLite database only;"
          + " back up PostgreSQL with pg_dump (e.g. pg_dump --format=custom --file=pulse-reports.dump DBNAME)");
    }
    if (Files.exists(target)) {
      throw new BadInputException("--to", target + " already exists; choose a new file name");
    }
    Path folder = target.toAbsolutePath().getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new BadInputException("--to", "the folder " + folder + " does not exist; create it first");
    }
    try (JdbcPersistence database = Database.openExisting(url)) {
      database.backupTo(target);
    }
    context.out().println(target.toAbsolutePath());
    return ReportingCli.OK;
  }
}
