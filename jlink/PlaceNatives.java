import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Copies the native libraries out of the JavaFX module jars in MODULES into IMAGE's native
 * library folder (lib/, or bin\ on Windows) — where JavaFX loads them from in a runtime image.
 * Usage: {@code java jlink/PlaceNatives.java MODULES IMAGE}. Fails when it finds none, since an
 * image without them would unpack them into each user's home on first start.
 */
public final class PlaceNatives {

    public static void main(String[] args) throws IOException {
        Path modules = Path.of(args[0]);
        Path image = Path.of(args[1]);
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        Path target = image.resolve(windows ? "bin" : "lib");
        int copied = 0;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(modules, "javafx-*.jar")) {
            for (Path jar : jars) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                        String name = e.getName();
                        if (e.isDirectory() || name.contains("/") || !isNative(name)) {
                            continue;
                        }
                        try (InputStream in = zip.getInputStream(e)) {
                            Files.copy(in, target.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                        copied++;
                    }
                }
            }
        }
        if (copied == 0) {
            throw new IllegalStateException("no JavaFX native libraries found in " + modules);
        }
        System.out.println("PlaceNatives: " + copied + " JavaFX native libraries into " + target);
    }

    private static boolean isNative(String name) {
        return name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib");
    }
}
