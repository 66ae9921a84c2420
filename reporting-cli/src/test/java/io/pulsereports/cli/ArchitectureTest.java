package io.pulsereports.cli;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The boundaries between the modules, checked over every production class of the product. */
@AnalyzeClasses(packages = "io.pulsereports", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule dependencies_point_inward_to_the_core =
      onionArchitecture()
          // Conversion rules, delivery values and schedules are model too: records over the model, no ports.
          .domainModels(
              "io.pulsereports.core.model..", "io.pulsereports.core.metric..",
              "io.pulsereports.core.conversion..", "io.pulsereports.core.delivery..",
              "io.pulsereports.core.schedule..",
              "io.pulsereports.core.template..", "io.pulsereports.core.access..")
          .domainServices("io.pulsereports.core", "io.pulsereports.core.service..", "io.pulsereports.core.port..")
          .adapter("persistence", "io.pulsereports.persistence..")
          .adapter("rendering", "io.pulsereports.render..")
          .adapter("delivery", "io.pulsereports.delivery..")
          .withOptionalLayers(true)
          // The launchers are the composition root: wiring adapters to the core is their job.
          .ignoreDependency(resideInAnyPackage("io.pulsereports.cli..", "io.pulsereports.http.."), alwaysTrue())
          .because("the domain knows nothing of technology and an adapter never reaches into another");

  @ArchTest
  static final ArchRule nothing_but_the_launchers_depends_on_a_launcher =
      noClasses()
          .that().resideOutsideOfPackages("io.pulsereports.cli..", "io.pulsereports.http..")
          .should().dependOnClassesThat().resideInAnyPackage("io.pulsereports.cli..", "io.pulsereports.http..")
          .because("launchers are thin shells around the library, never part of it");


  @ArchTest
  static final ArchRule no_module_reaches_into_the_rendering_internals =
      noClasses()
          .that().resideOutsideOfPackages("io.pulsereports.render..")
          .should().dependOnClassesThat().resideInAPackage("io.pulsereports.render.mustache.internal..")
          .because("internal packages are public only for their own module and may change at any time");


  @ArchTest
  static final ArchRule only_launchers_touch_the_standard_streams =
      noClasses()
          .that().resideOutsideOfPackages("io.pulsereports.cli..")
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
          .because("a library must not write to a host service's console; launchers decide what users see");

  @ArchTest
  static final ArchRule nobody_uses_java_util_logging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
      .because("logging goes through SLF4J so embedding services choose the backend");

  @ArchTest
  static final ArchRule no_old_date_classes =
      noClasses()
          .should().dependOnClassesThat().haveFullyQualifiedName("java.util.Date")
          .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Calendar")
          .because("java.time states instants, local dates and zones without ambiguity");
}
