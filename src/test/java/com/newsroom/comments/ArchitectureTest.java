package com.newsroom.comments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The layout the README's code layout section promises, checked on the compiled classes. */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.newsroom.comments");

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("com.newsroom.comments.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theEngineIsPlainJava() {
        noClasses().that().resideInAPackage("..moderation.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "io.vertx..",
                        "org.hibernate..", "com.newsroom.comments")
                .orShould().dependOnClassesThat().resideOutsideOfPackages("java..", "com.google.re2j..", "com.ibm.icu..",
                        "com.newsroom.comments.moderation.engine..")
                .check(MAIN);
    }

    @Test
    void onlyDevModeTouchesTheEmbeddedDatabase() {
        noClasses().that().resideOutsideOfPackage("..devmode..")
                .should().dependOnClassesThat().resideInAPackage("io.zonky..").check(MAIN);
    }

    @Test
    void onlyTheWritePathAndThePageCacheUseJdbcDirectly() {
        noClasses().that().resideOutsideOfPackages("..comment.store..", "..comment.pages..", "..comment",
                "..article", "..devmode..")
                .should().dependOnClassesThat().haveFullyQualifiedName("javax.sql.DataSource").check(MAIN);
    }
}
