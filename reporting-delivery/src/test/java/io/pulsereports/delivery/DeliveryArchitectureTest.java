package io.pulsereports.delivery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import io.pulsereports.core.port.out.ReportDeliverer;

@AnalyzeClasses(packages = "io.pulsereports.delivery", importOptions = ImportOption.DoNotIncludeTests.class)
class DeliveryArchitectureTest {

  @ArchTest
  static final ArchRule the_technology_adapters_hide_behind_the_front_doors =
      classes()
          .that().implement(ReportDeliverer.class)
          .and().haveSimpleNameNotEndingWith("Delivery")
          .should().notBePublic()
          .because("EmailDelivery and SlackDelivery are the API; SmtpReportDeliverer and SlackWebhookDeliverer may change");

  @ArchTest
  static final ArchRule each_channel_stands_alone =
      noClasses()
          .that().resideInAPackage("..delivery.email..")
          .should().dependOnClassesThat().resideInAPackage("..delivery.slack..")
          .orShould().dependOnClassesThat().resideInAPackage("okhttp3..")
          .because("email and Slack share code only through delivery.internal");

  @ArchTest
  static final ArchRule slack_does_not_use_the_mail_libraries =
      noClasses()
          .that().resideInAPackage("..delivery.slack..")
          .should().dependOnClassesThat().resideInAnyPackage("..delivery.email..", "org.simplejavamail..", "jakarta.mail..")
          .because("each channel depends on its own technology only");

  @ArchTest
  static final ArchRule the_shared_code_knows_no_channel =
      noClasses()
          .that().resideInAPackage("..delivery.internal..")
          .should().dependOnClassesThat().resideInAnyPackage("..delivery.email..", "..delivery.slack..")
          .because("delivery.internal is shared by both channels");

  @ArchTest
  static final ArchRule adapters_use_only_the_cores_public_packages =
      noClasses()
          .should().dependOnClassesThat().resideInAnyPackage("io.pulsereports.core.service..", "io.pulsereports.core.internal..")
          .because("an adapter implements a port; the core's services and internals are not API");

  @ArchTest
  static final ArchRule adapters_log_through_slf4j_only = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
      .because("the launchers route SLF4J to their own logging");

  @ArchTest
  static final ArchRule adapters_do_not_print = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
      .because("anything worth saying goes to the log, where secrets are kept out");
}
