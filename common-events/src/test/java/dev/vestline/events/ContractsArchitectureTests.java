package dev.vestline.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The contracts are plain Java any consumer can depend on: no Spring, no messaging
 * plumbing, and no service's contracts leaning on another's.
 */
class ContractsArchitectureTests {

	private static final JavaClasses CONTRACTS = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.vestline.events");

	@Test
	void contractsDoNotDependOnSpring() {
		noClasses().that()
			.resideInAPackage("dev.vestline.events..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.check(CONTRACTS);
	}

	@Test
	void contractsDoNotDependOnTheMessagingPlumbing() {
		noClasses().that()
			.resideInAPackage("dev.vestline.events..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.vestline.messaging..")
			.check(CONTRACTS);
	}

	@Test
	void eachServicesContractsStandAlone() {
		slices().matching("dev.vestline.events.(*)..").should().notDependOnEachOther().check(CONTRACTS);
	}

}
