package uz.inson.assess.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the layering visible: rule and domain code free of HTTP and persistence, entities inside their service layer. */
@AnalyzeClasses(packages = "uz.inson.assess", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule rulesAndHouseholdKnowNothingOfHttp = noClasses()
            .that().resideInAnyPackage("..rules..", "..household..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..");

    @ArchTest
    static final ArchRule rulesAndHouseholdKnowNothingOfPersistence = noClasses()
            .that().resideInAnyPackage("..rules..", "..household..", "..catalog..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "io.quarkus.hibernate..");

    @ArchTest
    static final ArchRule entitiesStayBehindTheServices = noClasses()
            .that().haveSimpleNameEndingWith("Resource")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Entity");

    @ArchTest
    static final ArchRule factsDoNotReachIntoTheApplication = noClasses()
            .that().resideInAPackage("..rules.facts..")
            .should().dependOnClassesThat().resideInAnyPackage("..assessment..", "..catalog..", "..common..", "..database..");

    /** The validator reaches every property without asking JPA what is loaded (ValidatorSetup): no entity may need that. */
    @ArchTest
    static final ArchRule entitiesCarryNoConstraints = noClasses()
            .that().areAnnotatedWith(Entity.class)
            .should().dependOnClassesThat().resideInAPackage("jakarta.validation..");
}
