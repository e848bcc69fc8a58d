package dev.burrow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of ARCHITECTURE.md: an arrow means "may import", nothing points upward. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.burrow");
    }

    private static void forbid(String from, String... to) {
        noClasses().that().resideInAPackage(from).should().dependOnClassesThat().resideInAnyPackage(to)
                .check(classes);
    }

    @Test
    void apiIsTheBottomLayer() {
        forbid("dev.burrow.api..", "dev.burrow.client..", "dev.burrow.tree..", "dev.burrow.exports..",
                "dev.burrow.ui..", "dev.burrow.settings..", "dev.burrow.cli..", "dev.burrow.server..", "javafx..",
                "java.sql..", "java.net.http..", "com.sun.net.httpserver..");
    }

    @Test
    void clientKnowsOnlyTheWireModel() {
        forbid("dev.burrow.client..", "dev.burrow.tree..", "dev.burrow.exports..", "dev.burrow.ui..",
                "dev.burrow.settings..", "dev.burrow.cli..", "dev.burrow.server..", "javafx..", "java.sql..");
    }

    @Test
    void treeAndExportsStayBelowTheUi() {
        forbid("dev.burrow.tree..", "dev.burrow.ui..", "dev.burrow.cli..", "dev.burrow.server..", "javafx..",
                "java.sql..", "java.net.http..");
        forbid("dev.burrow.exports..", "dev.burrow.ui..", "dev.burrow.cli..", "dev.burrow.server..",
                "dev.burrow.tree..", "javafx..", "java.sql..");
    }

    @Test
    void settingsAndCliNeverTouchJavaFx() {
        forbid("dev.burrow.settings..", "dev.burrow.ui..", "dev.burrow.cli..", "dev.burrow.server..", "javafx..",
                "java.sql..");
        forbid("dev.burrow.cli..", "dev.burrow.ui..", "dev.burrow.server..", "javafx..", "java.sql..");
    }

    @Test
    void serverNeverImportsTheClientSide() {
        forbid("dev.burrow.server..", "dev.burrow.client..", "dev.burrow.tree..", "dev.burrow.exports..",
                "dev.burrow.ui..", "dev.burrow.settings..", "dev.burrow.cli..", "javafx..");
    }

    /** The root package is the wiring (entry point, local workspace, version): nothing below imports it. */
    @Test
    void theRootPackageHoldsOnlyTheWiring() {
        classes().that().resideInAPackage("dev.burrow").and().areTopLevelClasses().should()
                .haveSimpleName("Main").orShould().haveSimpleName("LocalWorkspace").orShould().haveSimpleName("Version")
                .check(classes);
        forbid("dev.burrow.(*)..", "dev.burrow");
    }

    /**
     * View models and their collaborators touch the toolkit only through the task runner: they
     * may use observable properties and collections, never nodes, stages, animations or
     * {@code Platform}.
     */
    @Test
    void viewModelsKeepOffTheToolkit() {
        noClasses().that().resideInAPackage("dev.burrow.ui").and().haveSimpleNameEndingWith("ViewModel")
                .or().haveSimpleName("TreeEdits").or().haveSimpleName("TreeSelection").or().haveSimpleName("SearchResults")
                .or().haveSimpleName("History").or().haveSimpleName("StatusLine").or().haveSimpleName("RateLimitCountdown")
                .or().haveSimpleName("DeletePlan").or().haveSimpleName("DropDecision")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.application..", "javafx.animation..",
                        "javafx.scene..", "javafx.stage..", "javafx.util..")
                .check(classes);
    }

    @Test
    void uiNeverTalksToTheDatabaseOrTheServerDirectly() {
        forbid("dev.burrow.ui..", "java.sql..", "dev.burrow.server.store..");
    }
}
