package io.pulsereports.cli;

import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.in.TemplateFields;
import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.core.template.TemplatePage;
import io.pulsereports.core.template.TemplateQuery;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "templates",
    mixinStandardHelpOptions = true,
    description = {"Custom Mustache templates for a report type's HTML, stored in report_templates.",
        "Saving one checks that it compiles and uses only the built-in partials; an error names the line.",
        "Preview a file first with 'reporting render --template FILE --type T --sample'."},
    subcommands = {
      TemplatesCommand.Add.class,
      TemplatesCommand.List.class,
      TemplatesCommand.Show.class,
      TemplatesCommand.Update.class,
      TemplatesCommand.Remove.class
    })
final class TemplatesCommand implements Runnable {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  /** Template files are read whole; the core refuses what is larger than the renderer accepts. */
  private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private final CliContext context;

  TemplatesCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(context.out());
  }

  /** The fields of a template as options; for update, the ones given replace the stored ones. */
  static final class FieldOptions {
    @Option(names = "--name", paramLabel = "TEXT")
    String name;

    @Option(names = "--type", paramLabel = "TYPE", description = "daily | weekly | learning-daily")
    String type;

    @Option(names = "--file", paramLabel = "FILE", description = "the Mustache template (UTF-8)")
    Path file;

    @Option(names = "--gym-id", paramLabel = "UUID", description = "the gym that owns it; omit for a shared template (\"\" clears it)")
    String gymId;

    @Option(names = "--subject", paramLabel = "TEXT", description = "an email subject instead of the built-in one (\"\" clears it)")
    String subject;

    @Option(names = "--description", paramLabel = "TEXT")
    String description;

    @Option(names = "--default", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
        description = "the gym's default template for its report type")
    Boolean isDefault;

    TemplateFields.Builder applyTo(TemplateFields.Builder fields) {
      if (name != null) {
        fields.name(name);
      }
      if (type != null) {
        fields.reportType(type);
      }
      if (file != null) {
        fields.content(read(file));
      }
      if (gymId != null) {
        fields.gymId(optional(gymId));
      }
      if (subject != null) {
        fields.subject(optional(subject));
      }
      if (description != null) {
        fields.description(optional(description));
      }
      if (isDefault != null) {
        fields.isDefault(isDefault);
      }
      return fields;
    }

    private static Optional<String> optional(String value) {
      return Optional.of(value).filter(text -> !text.isBlank());
    }
  }

  /** The file's text; a missing, unreadable, oversized or non-UTF-8 file is bad input naming --file. */
  static String read(Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new BadInputException("--file", file + " is larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MiB");
      }
      return StandardCharsets.UTF_8.newDecoder()
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (NoSuchFileException e) {
      throw new BadInputException("--file", "no file " + file);
    } catch (CharacterCodingException e) {
      throw new BadInputException("--file", file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new BadInputException("--file", "cannot read " + file + ": " + e.getMessage());
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Saves a template after checking it. Example: reporting templates add --name \"Branch morning\" --type daily --file daily.mustache --gym-id G")
  static final class Add implements Callable<Integer> {
    private final CliContext context;

    @Mixin FieldOptions fields;

    @Mixin DatabaseOption databaseOption;

    Add(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      if (fields.file == null) {
        throw new BadInputException("--file", "required: the Mustache template to save");
      }
      TemplateFields template = fields.applyTo(TemplateFields.builder()).build();
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        ReportTemplate created = engine.reporting().createTemplate(template);
        context.out().println("Added template " + created.id());
        details(created).forEach(context.out()::println);
      }
      return ReportingCli.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists templates, oldest first.")
  static final class List implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--gym-id", paramLabel = "UUID", description = "this gym's templates and the shared ones")
    String gymId;

    @Option(names = "--type", paramLabel = "TYPE")
    String type;

    @Option(names = "--limit", paramLabel = "N", description = "at most N rows (default 50, max " + TemplateQuery.MAX_LIMIT + ")")
    int limit = 50;

    @Option(names = "--offset", paramLabel = "N")
    int offset;

    @Mixin DatabaseOption databaseOption;

    List(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      BadInputException.requirePage(limit, offset, TemplateQuery.MAX_LIMIT);
      Optional<Set<UUID>> gyms = Optional.ofNullable(gymId).map(value -> Set.of(BadInputException.requireUuid("--gym-id", value)));
      Optional<ReportType> reportType = Optional.ofNullable(type).map(value -> {
        try {
          return new ReportType(value.strip());
        } catch (IllegalArgumentException e) {
          throw new BadInputException("--type", "'" + value + "' is not a report type name");
        }
      });
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        TemplatePage page = engine.reporting().listTemplates(new TemplateQuery(gyms, reportType, limit, offset));
        page.items().forEach(t -> context.out().println(t.id() + "  " + t.reportType() + "  "
            + t.gymId().map(gym -> "gym " + gym).orElse("shared") + (t.isDefault() ? "  default" : "")
            + "  " + t.content().length() + " chars  updated " + UTC.format(t.updatedAt()) + "  \"" + t.name() + "\""));
        context.out().println(page.items().isEmpty() && offset == 0
            ? "No templates yet (see 'reporting templates add --help')."
            : "Showing " + page.items().size() + " of " + page.total() + (offset > 0 ? " from " + (offset + 1) : ""));
      }
      return ReportingCli.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows a template's fields, or its content.")
  static final class Show implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--content", description = "print the template source only")
    boolean content;

    @Mixin DatabaseOption databaseOption;

    Show(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      BadInputException.requireUuid("ID", id);
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        ReportTemplate template = find(engine, id);
        if (content) {
          context.out().print(template.content().endsWith("\n") ? template.content() : template.content() + "\n");
        } else {
          details(template).forEach(context.out()::println);
        }
      }
      return ReportingCli.OK;
    }
  }

  @Command(name = "update", mixinStandardHelpOptions = true,
      description = "Changes the options given (a new --file replaces the content) and keeps the others; checked like add.")
  static final class Update implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID")
    String id;

    @Mixin FieldOptions fields;

    @Mixin DatabaseOption databaseOption;

    Update(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      BadInputException.requireUuid("ID", id);
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        ReportTemplate existing = find(engine, id);
        ReportTemplate updated =
            engine.reporting().updateTemplate(id, fields.applyTo(TemplateFields.from(existing)).build());
        context.out().println("Updated template " + updated.id());
        details(updated).forEach(context.out()::println);
      }
      return ReportingCli.OK;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Removes a template; subscriptions that used it fall back to the built-in one.")
  static final class Remove implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID")
    String id;

    @Mixin DatabaseOption databaseOption;

    Remove(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      BadInputException.requireUuid("ID", id);
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        find(engine, id);
        engine.reporting().removeTemplate(id);
        context.out().println("Removed template " + id);
      }
      return ReportingCli.OK;
    }
  }

  private static ReportTemplate find(ReportingEngine engine, String id) {
    return engine.reporting().findTemplate(id)
        .orElseThrow(() -> new BadInputException("ID", "no template " + id + " (see 'reporting templates list')"));
  }

  private static java.util.List<String> details(ReportTemplate t) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    lines.add("template      " + t.id());
    lines.add("name          " + t.name());
    lines.add("report        " + t.reportType() + " (" + t.format() + ")" + (t.isDefault() ? ", the gym's default" : ""));
    lines.add("owner         " + t.gymId().map(gym -> "gym " + gym).orElse("shared by every gym"));
    t.subject().ifPresent(subject -> lines.add("subject       " + subject));
    t.description().ifPresent(description -> lines.add("description   " + description));
    lines.add("content       " + t.content().length() + " characters, " + t.content().lines().count() + " lines");
    lines.add("created       " + UTC.format(t.createdAt()) + "   updated " + UTC.format(t.updatedAt()));
    return lines;
  }
}
