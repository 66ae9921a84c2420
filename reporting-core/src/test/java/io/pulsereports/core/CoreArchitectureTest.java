package io.pulsereports.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

@AnalyzeClasses(packages = "io.pulsereports.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

  @ArchTest
  static final ArchRule the_core_depends_only_on_the_jdk_and_guava =
      classes()
          .that().resideInAPackage("io.pulsereports.core..")
          .should().onlyDependOnClassesThat()
          .resideInAnyPackage("io.pulsereports.core..", "java..", "com.google.common..")
          .because("the domain must stay free of JDBC, HTTP, template engines and I/O libraries");

  @ArchTest
  static final ArchRule the_core_does_no_io =
      noClasses()
          .that().resideInAPackage("io.pulsereports.core..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("java.io..", "java.nio.file..", "java.nio.channels..", "java.net..", "java.sql..")
          .because("reading and writing belong to adapters behind ports (text encodings are not I/O)");

  @ArchTest
  static final ArchRule the_core_never_asks_the_system_clock =
      noClasses()
          .that().resideInAPackage("io.pulsereports.core..")
          .should().callMethod(java.time.Instant.class, "now")
          .orShould().callMethod(java.time.LocalDate.class, "now")
          .orShould().callMethod(java.time.LocalDateTime.class, "now")
          .orShould().callMethod(java.time.ZonedDateTime.class, "now")
          .orShould().callMethod(java.time.OffsetDateTime.class, "now")
          .because("periods and generated_at come from an injected Clock so tests can fix time");

  @ArchTest
  static final ArchRule the_core_uses_no_old_date_classes =
      noClasses()
          .that().resideInAPackage("io.pulsereports.core..")
          .should().dependOnClassesThat()
          .haveFullyQualifiedName("java.util.Date")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Calendar")
          .because("java.time states instants, local dates and zones without ambiguity");

  @ArchTest
  static final ArchRule the_core_does_not_log_or_print = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
      .because("launchers decide what a user sees; the core returns values and throws");

  @ArchTest
  static final ArchRule outbound_ports_are_interfaces_named_by_role =
      classes()
          .that().resideInAPackage("..core.port.out..")
          .and().areTopLevelClasses()
          .should().beInterfaces()
          .andShould().haveSimpleNameEndingWith("Port")
          .orShould().haveSimpleNameEndingWith("Repository")
          .orShould().haveSimpleNameEndingWith("Renderer")
          .orShould().haveSimpleNameEndingWith("Deliverer")
          .because("an adapter implements a narrow role the domain names");

  @ArchTest
  static final ArchRule services_are_hidden_behind_the_facade =
      classes()
          .that().resideInAPackage("..core.service..")
          .and().haveSimpleNameEndingWith("Service")
          .should().notBePublic()
          .because("library users reach use cases through the Reporting facade and the inbound ports");

  @ArchTest
  static final ArchRule the_model_does_not_depend_on_services_or_ports =
      noClasses()
          .that().resideInAnyPackage("..core.model..", "..core.metric..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("..core.service..", "..core.port..")
          .because("the model is the innermost ring");

  @ArchTest
  static final ArchRule conversion_rules_depend_on_the_model_only =
      noClasses()
          .that().resideInAPackage("..core.conversion..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("..core.metric..", "..core.service..", "..core.port..")
          .because("a conversion rule is a value over the model; calculators apply rules, never the reverse");
}
