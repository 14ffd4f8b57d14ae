package com.campagne.connectors;

import com.campagne.connectors.api.ConnectorsApi;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector contract stays small and stable: plugins compile against it alone, so it may use
 * the JDK, PF4J and SLF4J, and nothing of the app, Spring, Vaadin or any other library.
 */
class ConnectorsApiArchitectureTest {

    private static final String API = "com.campagne.connectors.api";

    private final JavaClasses api = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(API);

    @Test
    void theApiIsOnTheClasspath() {
        // Guards the rule below against passing on nothing.
        assertThat(api.contain(ConnectorsApi.class)).isTrue();
    }

    @Test
    void theApiDependsOnlyOnTheJdkPf4jAndSlf4j() {
        ArchRule rule = classes().that().resideInAPackage(API + "..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.pf4j..", "org.slf4j..", API + "..")
                .because("plugins compile against connectors-api alone (PRODUCT.md: it depends on nothing of app)");
        rule.check(api);
    }
}
