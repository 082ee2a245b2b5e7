package org.wardheat.context;

import org.wardheat.CliTest;

import org.junit.jupiter.api.Test;
import org.wardheat.TestFiles;
import org.wardheat.imports.PostcodeLookup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code import --postcode-lookup}: a council CSV with postcodes and no coordinates, located through a small lookup. */
class PostcodeImportTest extends CliTest {

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void normalisesPostcodes() throws Exception {
        Path lookup = Files.writeString(dir.resolve("pc.csv"), "pcds,lat,long\nME14 1AA,51.205,0.505\n");
        PostcodeLookup l = PostcodeLookup.read(lookup);
        assertArrayEquals(new double[]{0.505, 51.205}, l.lonLat(" me141aa "));
        assertArrayEquals(new double[]{0.505, 51.205}, l.lonLat("ME14  1AA"));
        assertNull(l.lonLat("ME14 1AB"));
        assertEquals("ME141AA", PostcodeLookup.normalise("me14\t1aa"));
    }

    @Test
    void locatesCouncilRecordsByPostcodeAndNamesTheUnmatched() throws Exception {
        assertEquals(0, run("boundaries", "add", "--id", "three", TestFiles.threeWards(dir).toString()), () -> cli.err());
        Path lookup = Files.writeString(dir.resolve("onspd.csv"), String.format(Locale.ROOT,
                "pcds,lat,long\nME14 1AA,%.3f,%.3f\nME15 6BB,%.3f,%.3f\nME16 0ZZ,99.999999,0.000000\n",
                TestFiles.LAT, TestFiles.lon(0), TestFiles.LAT, TestFiles.lon(2)));
        Path finds = Files.writeString(dir.resolve("finds.csv"), String.format(Locale.ROOT, """
                Date,Location,Postcode,Longitude,Latitude,Count
                2024-01-03,Park,me141aa,,,2
                2024-01-04,"Alley, rear of shops",ME14  1AA,,,1
                2024-01-05,Car park,ME15 6BB,,,1
                2024-01-06,Footpath,ZZ9 9ZZ,,,1
                2024-01-07,Middle,,%.3f,%.3f,3
                """, TestFiles.lon(1), TestFiles.LAT));
        assertEquals(0, run("import", "--preset", "needle-finds", "--postcode-lookup", lookup.toString(), finds.toString()),
                () -> cli.err());
        assertTrue(cli.out().contains("5 rows read: 4 imported, 0 outside every ward, 1 without location, 0 rejected"), cli.out());
        assertTrue(cli.err().contains("postcodes: 3 rows located by postcode; 1 rows with a postcode not in onspd.csv: ZZ9 9ZZ"), cli.err());
        assertEquals(0, run("wards", "--boundaries", "three", "--dataset", "needle-finds", "--from", "2024-01", "--to", "2024-01",
                        "--measure", "records"), // finds, not the needles counted in them (the default for needle finds)
                () -> cli.err());
        String csv = cli.out();
        assertTrue(csv.contains("\r\nE05000001,West,2,"), csv);   // two finds by postcode (two spellings of ME14 1AA)
        assertTrue(csv.contains("\r\nE05000002,Middle,1,"), csv); // its own coordinates
        assertTrue(csv.contains("\r\nE05000003,East,1,"), csv);   // ME15 6BB

        // without a council mapping the option is refused before anything is read
        assertNotEquals(0, run("import", "--postcode-lookup", lookup.toString(), finds.toString()));
        assertTrue(cli.err().contains("postcode-lookup"), cli.err());
    }
}
