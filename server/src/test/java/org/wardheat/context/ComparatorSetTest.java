package org.wardheat.context;

import org.wardheat.CliTest;

import org.junit.jupiter.api.Test;
import org.wardheat.TestFiles;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --comparator-set}: the ward and strategic tables of the three wards (1,000 residents each) with the rate of a
 * larger set, one borough polygon over them and beyond (10,000 residents), as a comparator column. Hand-checked:
 * 2 burglaries in West and 1 in East, plus 2 in the borough outside the wards; the borough's rate is
 * 1000 × 5 / 10,000 = 0.5 per 1,000 (the three wards' own: 1000 × 3 / 3,000 = 1).
 */
class ComparatorSetTest extends CliTest {

    @Test
    void tablesAddTheRateOfAnotherBoundarySet() throws Exception {
        assertEquals(0, cli.run("boundaries", "add", "--id", "three", TestFiles.threeWards(dir).toString()), () -> cli.err());
        Path borough = Files.writeString(dir.resolve("borough.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"LAD22CD\":\"E07000999\",\"LAD22NM\":\"Borough\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[0.49,51.19],[0.54,51.19],[0.54,51.22],[0.49,51.22],[0.49,51.19]]]}}]}");
        assertEquals(0, cli.run("boundaries", "add", "--id", "borough", "--code-field", "LAD22CD", "--name-field", "LAD22NM", borough.toString()), () -> cli.err());
        assertEquals(0, cli.run("population", "add", "--boundaries", "three", Files.writeString(dir.resolve("p3.csv"),
                "ward_code,residents\nE05000001,1000\nE05000002,1000\nE05000003,1000\n").toString()), () -> cli.err());
        assertEquals(0, cli.run("population", "add", "--boundaries", "borough", Files.writeString(dir.resolve("pb.csv"),
                "ward_code,residents\nE07000999,10000\n").toString()), () -> cli.err());
        Path police = Files.writeString(dir.resolve("2022-01-kent-street.csv"), TestFiles.POLICE_HEADER
                + TestFiles.row("2022-01", "Burglary", TestFiles.lon(0), TestFiles.LAT)
                + TestFiles.row("2022-01", "Burglary", TestFiles.lon(0), TestFiles.LAT + 0.001)
                + TestFiles.row("2022-01", "Burglary", TestFiles.lon(2), TestFiles.LAT)
                + TestFiles.row("2022-01", "Burglary", 0.495, 51.195)
                + TestFiles.row("2022-01", "Burglary", 0.535, 51.215));
        assertEquals(0, cli.run("import", "--boundaries", "borough", police.toString()), () -> cli.err());

        assertEquals(0, cli.run("wards", "--boundaries", "three", "--from", "2022-01", "--to", "2022-01", "--comparator-set", "borough"),
                () -> cli.err());
        String[] lines = cli.out().split("\r\n");
        assertTrue(lines[0].endsWith(",comparator_set,comparator_rate"), lines[0]);
        assertTrue(lines[1].startsWith("E05000001,West,2,2,"), lines[1]);
        assertTrue(lines[1].endsWith(",borough,0.5"), lines[1]);
        assertTrue(lines[3].endsWith(",borough,0.5"), lines[3]);

        assertEquals(0, cli.run("strategic", "--boundaries", "three", "--ward", "E05000001", "--from", "2022-01", "--to", "2022-01",
                "--comparator-set", "borough"), () -> cli.err());
        lines = cli.out().split("\r\n");
        assertTrue(lines[1].startsWith("Burglary,2,0,"), lines[1]);
        assertTrue(lines[1].endsWith(",borough,0.5"), lines[1]);
        String allCrime = java.util.Arrays.stream(lines).filter(l -> l.startsWith("All crime,")).findFirst().orElseThrow();
        assertTrue(allCrime.startsWith("All crime,2,0,") && allCrime.endsWith(",Burglary,borough,0.5"), allCrime); // a group row names its categories
        assertTrue(lines[lines.length - 1].startsWith("All,2,0,") && lines[lines.length - 1].endsWith(",borough,0.5"), lines[lines.length - 1]);

        assertEquals(2, cli.run("wards", "--boundaries", "three", "--from", "2022-01", "--to", "2022-01", "--comparator-set", "kent"));
        assertTrue(cli.err().contains("no boundary set 'kent'; known: [borough, three]"), cli.err());
    }
}
