package org.wardheat.text;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the CSV reader with any bytes. In {@code mvn test} it replays the inputs in
 * {@code src/test/resources/org/wardheat/text/CsvReaderFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (see
 * BENCHMARKS.md). The only exceptions allowed are the reader's own; every record kept respects the limits.
 */
class CsvReaderFuzzTest {
    private static final InputLimits SMALL = new InputLimits(1 << 20, 100, 1000, 16, 64, 10, 10, 10);

    @FuzzTest
    void csvReader(byte[] input) throws IOException {
        int records = 0, lastLine = 0;
        try (CsvReader csv = new CsvReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8, SMALL)) {
            while (true) {
                try {
                    String[] r = csv.next();
                    if (r == null) {
                        break;
                    }
                    int chars = r.length - 1;
                    for (String f : r) {
                        assertTrue(f.length() <= 16, "field within the limit");
                        assertEquals(-1, Text.controlCharacter(f), "no control character or line break kept");
                        chars += f.length();
                    }
                    assertTrue(chars <= 64 + 2 * r.length, "record within the limit");
                    assertTrue(r.length <= InputLimits.MAX_FIELDS);
                    assertEquals(csv.line(), csv.lastLine(), "a kept record is on one line");
                } catch (CsvReader.BadRecord b) {
                    assertTrue(b.line() <= b.lastLine() && !b.reason().isEmpty());
                }
                assertTrue(csv.line() > lastLine || records == 0, "lines move forward");
                lastLine = csv.line();
                assertTrue(++records <= input.length + 1, "at most one record per byte");
            }
        } catch (CsvReader.CsvException e) {
            assertTrue(e.line() >= 1 && e.getMessage().startsWith("line "), e.getMessage());
        }
    }
}
