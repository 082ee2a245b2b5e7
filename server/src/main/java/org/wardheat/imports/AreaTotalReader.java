package org.wardheat.imports;

import org.wardheat.model.Period;
import org.wardheat.text.BoundedInput;
import org.wardheat.text.CsvReader;
import org.wardheat.text.Decimal;
import org.wardheat.text.Header;
import org.wardheat.text.InputLimits;
import org.wardheat.text.Text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads area totals: one row per area, month (and category) with a count, e.g. domestic-abuse crimes by
 * ward or FixMyStreet reports by LSOA. Columns (case and punctuation ignored): {@code month} (YYYY-MM);
 * the area ({@code area_code}, {@code lsoa11cd}, {@code lsoa21cd}, {@code lsoa_code}, {@code ward_code},
 * {@code district_code}, {@code area}, {@code code}); optionally {@code category}; the count ({@code count},
 * {@code reports}, {@code total}, {@code incidents}). Strict CSV within the default {@link InputLimits};
 * a row with a bad month or count is rejected with its line, field and reason, and counted.
 */
public final class AreaTotalReader {
    private AreaTotalReader() {
    }

    /** One row: {@code count} records of {@code category} in {@code area} in {@code month}. */
    public record AreaTotal(int line, String month, String area, String category, double count) {
    }

    /** A row not taken: its line, the field at fault ({@code *} for the whole row) and why. */
    public record Rejection(int line, String field, String reason) {
    }

    /** What was read: every row read is either in {@code rows} or in {@code rejected}. */
    public record Result(List<AreaTotal> rows, List<Rejection> rejected, int read) {
    }

    /**
     * @param defaultCategory the category of every row when the file has no category column
     */
    public static Result read(Path file, String defaultCategory) {
        List<AreaTotal> rows = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        int read = 0;
        try (CsvReader csv = new CsvReader(BoundedInput.open(file), StandardCharsets.UTF_8, InputLimits.DEFAULT)) {
            Header header = Header.read(csv);
            int month = header.find("month", "date"), area = header.find("area_code", "lsoa11cd", "lsoa21cd", "lsoa11_code",
                    "lsoa21_code", "lsoa_code", "ward_code", "district_code", "area", "code");
            int category = header.find("category", "crime_type", "type"), count = header.find("count", "reports", "total", "incidents");
            if (month < 0 || area < 0 || count < 0) {
                throw new ImportException(file + ": line 1: area totals need a month, an area code and a count column; found "
                        + header.names());
            }
            if (category < 0 && (defaultCategory == null || defaultCategory.isBlank())) {
                throw new ImportException(file + ": line 1: no category column; name the category of every row with --category");
            }
            while (true) {
                String[] row;
                try {
                    row = csv.next();
                } catch (CsvReader.BadRecord e) {
                    read++;
                    rejected.add(new Rejection(e.line(), e.field() >= 0 && e.field() < header.size() ? header.name(e.field()) : "*", e.reason()));
                    continue;
                }
                if (row == null) {
                    break;
                }
                if (row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                if (++read > InputLimits.MAX_ROWS_PER_CALL) {
                    throw new ImportException(file + ": more than " + InputLimits.MAX_ROWS_PER_CALL + " rows (limit InputLimits.MAX_ROWS_PER_CALL)");
                }
                int line = csv.lastLine();
                if (row.length != header.size()) {
                    rejected.add(new Rejection(line, "*", "expected " + header.size() + " fields, found " + row.length));
                    continue;
                }
                String m = row[month].trim();
                try {
                    m = Period.month(m, "month").toString();
                } catch (RuntimeException e) {
                    rejected.add(new Rejection(line, header.name(month), "not a YYYY-MM month: '" + Text.shorten(m) + "'"));
                    continue;
                }
                String code = row[area].trim();
                if (code.isEmpty()) {
                    rejected.add(new Rejection(line, header.name(area), "no area code"));
                    continue;
                }
                double n;
                try {
                    n = Decimal.parse(row[count].trim().replace(",", ""));
                } catch (NumberFormatException e) {
                    rejected.add(new Rejection(line, header.name(count), "not a number: '" + Text.shorten(row[count]) + "'"));
                    continue;
                }
                if (n < 0 || Double.isInfinite(n)) {
                    rejected.add(new Rejection(line, header.name(count), "a count must be zero or more, found " + Text.shorten(row[count])));
                    continue;
                }
                String cat = category < 0 ? defaultCategory.trim() : row[category].trim();
                if (cat.isEmpty()) {
                    rejected.add(new Rejection(line, header.name(category), "no category"));
                    continue;
                }
                rows.add(new AreaTotal(line, m, code, cat, n));
            }
        } catch (IOException e) {
            throw new ImportException(file + ": " + e.getMessage(), e);
        }
        return new Result(List.copyOf(rows), List.copyOf(rejected), read);
    }
}
