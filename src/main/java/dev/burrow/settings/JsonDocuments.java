package dev.burrow.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.burrow.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reading and writing one settings JSON file with {@link Json#MAPPER}: its {@link DocumentFormat}
 * upgraded on read (a newer one refused), atomic writes, corrupt files kept aside.
 */
final class JsonDocuments {

    private JsonDocuments() {
    }

    /**
     * Reads {@code file}. A missing file gives the defaults. A file that isn't valid JSON for
     * {@code type} (or that {@code check} refuses) is renamed {@code .corrupt-<ts>} and the
     * defaults are returned with a message naming both files. An older format is upgraded first;
     * a newer one throws {@link DocumentFormat.NewerFormatException} and leaves the file alone.
     *
     * @param mayHoldSecrets when true, parser messages (which can quote the file's text) are
     *        left out of the problem; only the position is reported
     */
    static <T, R> Loaded<R> load(Path file, DocumentFormat format, Class<T> type, Function<T, R> check,
            Supplier<R> defaults, boolean mayHoldSecrets) {
        T raw;
        String reason;
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode tree = Json.MAPPER.readTree(in);
            if (tree == null || !tree.isObject()) {
                throw new InvalidSettingException("the file holds no JSON object");
            }
            raw = Json.MAPPER.treeToValue(format.upgrade((ObjectNode) tree, file), type);
            if (raw == null) {
                throw new InvalidSettingException("the file holds null");
            }
            return new Loaded<>(check.apply(raw), Optional.empty());
        } catch (NoSuchFileException e) {
            return new Loaded<>(defaults.get(), Optional.empty());
        } catch (JsonProcessingException e) {
            reason = describe(e, mayHoldSecrets);
        } catch (InvalidSettingException e) {
            reason = mayHoldSecrets ? "its content is not valid" : e.getMessage();
        } catch (IOException e) {
            throw new SettingsException("Could not read " + file + ": " + e.getMessage(), e);
        }
        try {
            Path aside = PrivateFiles.moveAside(file);
            return new Loaded<>(defaults.get(), Optional.of("Could not read " + file + " (" + reason
                    + "). It was kept as " + aside.getFileName() + " and Burrow started with defaults."));
        } catch (IOException e) {
            throw new SettingsException("Could not read " + file + " (" + reason
                    + ") and could not move it aside: " + e.getMessage(), e);
        }
    }

    private static String describe(JsonProcessingException e, boolean mayHoldSecrets) {
        Throwable cause = e instanceof ValueInstantiationException && e.getCause() != null ? e.getCause() : null;
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        if (mayHoldSecrets) {
            return "not valid JSON" + where;
        }
        String what = cause instanceof InvalidSettingException ? cause.getMessage() : e.getOriginalMessage();
        return what + where;
    }

    /**
     * Serialises {@code value} into a new owner-only temp file and moves it over {@code file},
     * unless the file now holds a newer format ({@link DocumentFormat.NewerFormatException}).
     */
    static void save(Path file, DocumentFormat format, Object value) {
        try {
            if (Files.isRegularFile(file)) {
                JsonNode existing = null;
                try (InputStream in = Files.newInputStream(file)) {
                    existing = Json.MAPPER.readTree(in);
                } catch (JsonProcessingException unreadable) {
                    // not a document of any version: replacing it loses nothing readable
                }
                if (existing != null) {
                    format.checkWritable(existing, file);
                }
            }
            PrivateFiles.ensureDirectory(file.toAbsolutePath().getParent(), false);
            PrivateFiles.writeAtomically(file, out -> Json.MAPPER.writerWithDefaultPrettyPrinter()
                    .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, value));
        } catch (IOException e) {
            throw new SettingsException("Could not save " + file + ": " + e.getMessage(), e);
        }
    }
}
