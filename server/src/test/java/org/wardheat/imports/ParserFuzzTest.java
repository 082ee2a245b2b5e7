package org.wardheat.imports;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.wardheat.boundaries.UkExtent;
import org.wardheat.model.Incident;
import org.wardheat.text.CsvReader;
import org.wardheat.text.Header;
import org.wardheat.text.InputLimits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the police.uk and council parsers (a whole CSV: header, then rows) and the column mapping. A row
 * is an incident that holds the invariants (month in range, UK position or none, a category, weight 0 or
 * more) or a {@link RejectedRow} with field and reason; a file is refused only with {@link ImportException}
 * or {@link CsvReader.CsvException}. Regression inputs: {@code src/test/resources/org/wardheat/imports/ParserFuzzTestInputs/}.
 */
class ParserFuzzTest {
    private static void rows(byte[] input, IncidentFormat format) throws IOException {
        int latest = Fields.latest();
        try (CsvReader csv = new CsvReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8, InputLimits.DEFAULT)) {
            Header h = Header.read(csv);
            RowParser p = format.parserFor(h, "fuzz.csv");
            while (true) {
                String[] row;
                try {
                    row = csv.next();
                } catch (CsvReader.BadRecord b) {
                    continue;
                }
                if (row == null) {
                    return;
                }
                if (row.length != h.size()) {
                    continue;
                }
                try {
                    check(p.parse(row), latest);
                } catch (RejectedRow r) {
                    assertTrue(r.field() != null && r.getMessage() != null && !r.getMessage().isEmpty());
                }
            }
        } catch (ImportException | CsvReader.CsvException e) {
            assertTrue(e.getMessage() != null);
        }
    }

    private static void check(Incident i, int latest) {
        assertTrue(i.month() >= Fields.EARLIEST && i.month() <= latest && i.month() % 100 >= 1 && i.month() % 100 <= 12, "month " + i.month());
        assertFalse(i.category().isBlank());
        assertTrue(i.weight() >= 0 && Double.isFinite(i.weight()));
        if (i.hasLocation()) {
            assertTrue(UkExtent.isLonLat(i.lon(), i.lat()), i.lon() + " " + i.lat());
        } else {
            assertTrue(Double.isNaN(i.lat()));
        }
        if (i.date() != null) {
            assertTrue(i.date().startsWith(String.format("%04d-%02d", i.month() / 100, i.month() % 100)), i.date());
        }
    }

    @FuzzTest
    void policeUk(byte[] input) throws IOException {
        rows(input, IncidentFormat.POLICE_UK);
    }

    @FuzzTest
    void council(FuzzedDataProvider data) throws IOException {
        ColumnMapping m = switch (data.consumeInt(0, 2)) {
            case 0 -> ColumnMapping.NEEDLE_FINDS;
            case 1 -> ColumnMapping.ENCAMPMENTS;
            default -> ColumnMapping.of(Map.of("date", "d", "lon", "x", "lat", "y", "category_column", "c", "count", "n"));
        };
        rows(data.consumeRemainingAsBytes(), IncidentFormat.council(m));
    }

    @FuzzTest
    void columnMapping(FuzzedDataProvider data) throws IOException {
        List<String> lines = new ArrayList<>();
        int n = data.consumeInt(0, 12);
        for (int i = 0; i < n; i++) {
            lines.add(data.consumeString(60));
        }
        ColumnMapping m;
        try {
            m = ColumnMapping.parse(lines, "fuzz.txt");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("fuzz.txt"), e.getMessage());
            return;
        }
        for (List<String> names : m.columns().values()) {
            for (String name : names) {
                assertTrue(!name.isEmpty() && name.length() <= InputLimits.MAX_MAPPING_VALUE_CHARS && name.equals(name.trim()));
            }
        }
        rows(data.consumeRemainingAsBytes(), IncidentFormat.council(m));
    }
}
