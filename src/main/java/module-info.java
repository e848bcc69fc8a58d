/**
 * Burrow as a named module, so that jlink can build a runtime image around it.
 *
 * <p>Tests still run on the class path (surefire {@code useModulePath=false}), where this
 * descriptor is ignored; the packaging check ({@code mvn -Pdist verify}) is what exercises it.
 */
module dev.burrow {
    requires javafx.controls;
    requires atlantafx.base;
    requires org.controlsfx.controls;
    requires org.kordamp.ikonli.core;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.material2;
    // Not referenced in code today, but declared in the pom for icon literals: requiring it makes
    // jlink carry it, so ikonli's ServiceLoader finds it in the image as on the class path.
    requires org.kordamp.ikonli.feather;

    requires com.fasterxml.jackson.databind;
    requires java.sql;
    // The SQLite JDBC driver is found through DriverManager's ServiceLoader, never imported.
    requires org.xerial.sqlitejdbc;

    requires java.net.http;
    requires jdk.httpserver;
    requires java.desktop;
    requires java.logging;
    requires jdk.unsupported;

    // JavaFX instantiates the Application subclass reflectively.
    exports dev.burrow.ui to javafx.graphics;

    // Jackson reads and writes these records and documents by reflection.
    opens dev.burrow.api to com.fasterxml.jackson.databind;
    opens dev.burrow.settings to com.fasterxml.jackson.databind;
    opens dev.burrow.tree to com.fasterxml.jackson.databind;
}
