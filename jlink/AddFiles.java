import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Adds to the runtime image IMAGE what is not a module: the licence and the third-party notices
 * at its root, and the shell completions where a Linux system's shells look for them
 * (share/bash-completion/completions/burrow, share/zsh/site-functions/_burrow; the packages link
 * the bash one into /usr/share). Usage: {@code java jlink/AddFiles.java IMAGE}, from the
 * project's folder.
 */
public final class AddFiles {

    public static void main(String[] args) throws IOException {
        Path image = Path.of(args[0]);
        Path completions = Path.of("src/main/resources/dev/burrow/cli");
        copy(Path.of("LICENSE"), image.resolve("LICENSE"));
        copy(Path.of("NOTICE"), image.resolve("NOTICE"));
        copy(completions.resolve("completion.bash"), image.resolve("share/bash-completion/completions/burrow"));
        copy(completions.resolve("completion.zsh"), image.resolve("share/zsh/site-functions/_burrow"));
        System.out.println("AddFiles: LICENSE, NOTICE and the bash and zsh completions into " + image);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
