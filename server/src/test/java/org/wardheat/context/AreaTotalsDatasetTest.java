package org.wardheat.context;

import org.wardheat.CliTest;

import org.junit.jupiter.api.Test;
import org.wardheat.TestFiles;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code import --area-totals}: counts by ward and month stored as a dataset, with the import report and rules of
 * point imports, then counted by the ward table and the strategic table as incidents are; the point analyses refuse them.
 * Every figure below is counted by hand from the file.
 */
class AreaTotalsDatasetTest extends CliTest {

    static final String TOTALS = """
            month,area_code,category,count
            2024-01,E05000001,Domestic abuse,5
            2024-01,middle,Domestic abuse,3
            2024-02,E05000003,Domestic abuse,4
            2023-12,E05000001,Domestic abuse,2
            2024-01,E09999999,Domestic abuse,7
            2024-13,E05000001,Domestic abuse,1
            """;

    @Test
    void areaTotalsAreStoredOnceAndCountedByTheWardAndStrategicTables() throws Exception {
        assertEquals(0, cli.run("boundaries", "add", "--id", "three", TestFiles.threeWards(dir).toString()), () -> cli.err());
        Path file = Files.writeString(dir.resolve("da.csv"), TOTALS);
        assertEquals(0, cli.run("import", "--area-totals", "--dataset", "da", file.toString()), () -> cli.err());
        // 6 rows: 4 placed on wards (codes, and the name 'middle' in any case), E09999999 on none, 2024-13 rejected
        assertTrue(cli.out().contains("6 rows read: 4 imported, 1 outside every ward, 0 without location, 1 rejected"), cli.out());
        assertTrue(cli.out().contains("line 7, field 'month': not a YYYY-MM month: '2024-13'"), cli.out());
        assertTrue(cli.out().contains("placed on three: 21 counted; 14 exactly by code or name, 0.000 by LSOA population (estimate), 7 unmatched;"
                + " 0.00% of the counts needed splitting between areas"), cli.out());
        assertTrue(cli.out().contains("unmatched areas: E09999999"), cli.out());

        // the same content again adds nothing
        assertEquals(0, cli.run("import", "--area-totals", "--dataset", "da", file.toString()), () -> cli.err());
        assertTrue(cli.out().contains("already imported"), cli.out());

        // a file that cannot be read stores nothing
        Path bad = Files.writeString(dir.resolve("bad.csv"), "month,area_code,category\n2024-01,E05000001,Domestic abuse\n");
        assertEquals(1, Math.min(1, cli.run("import", "--area-totals", "--dataset", "da2", bad.toString())));
        assertTrue(cli.err().contains("need a month, an area code and a count column"), cli.err());
        assertEquals(0, cli.run("datasets"), () -> cli.err());
        assertFalse(cli.out().contains("da2"), cli.out());
        assertTrue(cli.out().contains("area-totals"), cli.out());

        // the ward table: Jan-Feb 2024 against Nov-Dec 2023
        assertEquals(0, cli.run("wards", "--boundaries", "three", "--dataset", "da", "--from", "2024-01", "--to", "2024-02"), () -> cli.err());
        String csv = cli.out();
        assertTrue(csv.contains("\r\nE05000001,West,5,"), csv);
        assertTrue(csv.contains("\r\nE05000002,Middle,3,"), csv);
        assertTrue(csv.contains("\r\nE05000003,East,4,"), csv);

        // with police.uk points in the same table: 2 records in West in 2024-01 are added to its 5
        Path police = Files.writeString(dir.resolve("2024-01-kent-street.csv"), TestFiles.POLICE_HEADER
                + TestFiles.row("2024-01", "Burglary", TestFiles.lon(0), TestFiles.LAT)
                + TestFiles.row("2024-01", "Robbery", TestFiles.lon(0), TestFiles.LAT));
        assertEquals(0, cli.run("import", police.toString()), () -> cli.err());
        assertEquals(0, cli.run("wards", "--boundaries", "three", "--from", "2024-01", "--to", "2024-02", "--allow-partial"), () -> cli.err());
        assertTrue(cli.out().contains("\r\nE05000001,West,7,"), cli.out());

        // the strategic table: Domestic abuse 12 this period, 2 in the comparison; the file covers 2023-12 to 2024-02, so
        // 2023-11 has no data and change is withheld (as for incidents) unless asked for
        assertEquals(0, cli.run("strategic", "--boundaries", "three", "--dataset", "da", "--from", "2024-01", "--to", "2024-02"), () -> cli.err());
        assertTrue(cli.out().contains("\r\nDomestic abuse,12,2,,,,2024-01:2024-02,2023-11:2023-12,,,,,,2,1,records"), cli.out());
        assertEquals(0, cli.run("strategic", "--boundaries", "three", "--dataset", "da", "--from", "2024-01", "--to", "2024-02",
                "--allow-partial"), () -> cli.err());
        assertTrue(cli.out().contains("\r\nDomestic abuse,12,2,10,500,"), cli.out());

        // point analyses say that the dataset has no points
        assertEquals(2, cli.run("hotspots", "gistar", "--boundaries", "three", "--dataset", "da", "--from", "2024-01", "--to", "2024-02"));
        assertTrue(cli.err().contains("'da' holds area totals (counts by area and month, no points)"), cli.err());
        // point records do not go into an area-total dataset, nor area totals into a point dataset
        assertTrue(cli.run("import", "--dataset", "da", police.toString()) != 0);
        assertTrue(cli.err().contains("holds area totals"), cli.err());
        assertTrue(cli.run("import", "--area-totals", "--dataset", "police-uk", file.toString()) != 0);
        assertTrue(cli.err().contains("holds point records"), cli.err());

        // deleting the dataset removes its counts from the tables
        assertEquals(0, cli.run("delete", "--dataset", "da"), () -> cli.err());
        assertEquals(0, cli.run("wards", "--boundaries", "three", "--from", "2024-01", "--to", "2024-02", "--allow-partial"), () -> cli.err());
        assertTrue(cli.out().contains("\r\nE05000001,West,2,"), cli.out());
    }

    @Test
    void aBoundarySetAddedAfterTheImportSaysItLacksTheAreaTotals() throws Exception {
        assertEquals(0, cli.run("boundaries", "add", "--id", "three", TestFiles.threeWards(dir).toString()), () -> cli.err());
        Path file = Files.writeString(dir.resolve("da.csv"), TOTALS);
        assertEquals(0, cli.run("import", "--area-totals", "--dataset", "da", file.toString()), () -> cli.err());
        Path later = dir.resolve("later");
        Files.createDirectories(later);
        assertEquals(0, cli.run("boundaries", "add", "--id", "later", TestFiles.threeWards(later).toString()), () -> cli.err());

        assertEquals(0, cli.run("wards", "--boundaries", "later", "--dataset", "da", "--from", "2024-01", "--to", "2024-02"), () -> cli.err());
        assertTrue(cli.out().contains("\r\nE05000001,West,0,"), cli.out());
        assertTrue(cli.err().contains("the area totals of dataset 'da' are not placed on boundary set 'later'"), cli.err());
        // the set they were placed on has them and no such warning
        assertEquals(0, cli.run("wards", "--boundaries", "three", "--dataset", "da", "--from", "2024-01", "--to", "2024-02"), () -> cli.err());
        assertTrue(cli.out().contains("\r\nE05000001,West,5,"), cli.out());
        assertFalse(cli.err().contains("not placed"), cli.err());
    }

    @Test
    void wardTotalsAddUpExactlyToTheDistrictsDissolvedFromThoseWards() throws Exception {
        assertEquals(0, cli.run("boundaries", "add", "--id", "three", TestFiles.threeWardsInTwoDistricts(dir).toString()), () -> cli.err());
        assertEquals(0, cli.run("boundaries", "dissolve", "--from", "three", "--by", "LAD22CD", "--id", "districts"), () -> cli.err());
        // another set of the same wards without a district property says nothing about the districts
        Path plain = dir.resolve("plain");
        Files.createDirectories(plain);
        assertEquals(0, cli.run("boundaries", "add", "--id", "plain", TestFiles.threeWards(plain).toString()), () -> cli.err());
        Path file = Files.writeString(dir.resolve("da.csv"), TOTALS);
        assertEquals(0, cli.run("import", "--area-totals", "--dataset", "da", file.toString()), () -> cli.err());
        // on the districts: West's 5 + Middle's 3 in D1, East's 4 in D2, every one placed exactly (no estimate)
        assertTrue(cli.out().contains("placed on districts: 21 counted; 14 exactly by code or name, 0.000 by LSOA population (estimate), 7 unmatched;"), cli.out());
        assertEquals(0, cli.run("wards", "--boundaries", "districts", "--dataset", "da", "--from", "2024-01", "--to", "2024-02"), () -> cli.err());
        assertTrue(cli.out().contains("\r\nD1,One,8,"), cli.out());
        assertTrue(cli.out().contains("\r\nD2,Two,4,"), cli.out());
    }
}
