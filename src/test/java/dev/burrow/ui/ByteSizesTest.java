package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void bytesBelowAKilobyteAreCounted() {
        assertEquals("0 bytes", ByteSizes.human(0));
        assertEquals("1 byte", ByteSizes.human(1));
        assertEquals("1,023 bytes", ByteSizes.human(1023));
    }

    @Test
    void largerSizesTakeTheirUnitWithOneDecimalBelowTen() {
        assertEquals("1.0 KB", ByteSizes.human(1024));
        assertEquals("9.5 KB", ByteSizes.human(9728));
        assertEquals("168 KB", ByteSizes.human(172_215));
        assertEquals("512 MB", ByteSizes.human(512L * 1024 * 1024));
        assertEquals("1.2 GB", ByteSizes.human(1_288_490_189L));
    }

    @Test
    void aSizeJustBelowTheNextUnitSaysTheNextUnit() {
        assertEquals("1.0 MB", ByteSizes.human(1024 * 1024 - 100));
        assertEquals("10 KB", ByteSizes.human(10_220));
    }
}
