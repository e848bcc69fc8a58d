package dev.burrow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** For any names, split(join(names)) gives them back and depth is their count. */
class EntryPathProperties {

    @Provide
    Arbitrary<List<String>> names() {
        Arbitrary<String> name = Arbitraries.strings()
                .withChars('/', '\\', ' ', 'a', 'Z', '0', '.', ':', '"', '\'', 'é', 'ß', '日', '\u200f', '\t')
                .withCharRange('a', 'z')
                .ofMinLength(1).ofMaxLength(12);
        return name.list().ofMaxSize(8);
    }

    @Property(tries = 2000)
    void splitOfJoinGivesTheNamesBack(@ForAll("names") List<String> names) {
        String path = EntryPath.join(names);
        assertEquals(names, EntryPath.split(path));
        assertEquals(names.size(), EntryPath.depth(path));
    }

    @Property(tries = 2000)
    void unescapeReversesEscape(@ForAll("names") List<String> names) {
        for (String n : names) {
            assertEquals(n, EntryPath.unescape(EntryPath.escape(n)));
        }
    }

    @Property(tries = 2000)
    void splitNeverFailsAndNormalizeIsStable(@ForAll String anything) {
        List<String> names = EntryPath.split(anything);
        String normal = EntryPath.join(names);
        assertEquals(names, EntryPath.split(normal));
        assertEquals(normal, EntryPath.normalize(normal));
    }

    @Property(tries = 500)
    void emptyNamesVanish(@ForAll("names") List<String> names) {
        String withEmpties = "/" + String.join("//", names.stream().map(EntryPath::escape).toList()) + "/";
        assertEquals(names, EntryPath.split(withEmpties));
    }
}
