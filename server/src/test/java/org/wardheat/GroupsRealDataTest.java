package org.wardheat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.analysis.PriorityMatrix;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.query.AreaQuery;
import org.wardheat.query.Analyses;
import org.wardheat.query.Filter;
import org.wardheat.query.PriorityQuery;
import org.wardheat.query.StrategicQuery;
import org.wardheat.query.TrendsQuery;
import org.wardheat.query.Values;
import org.wardheat.repeats.Trends;
import org.wardheat.service.AreaService;
import org.wardheat.service.Workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Category groups, trends and the priority matrix on the real Kent police.uk 2022 files joined to Maidstone's
 * 2022 wards (skipped when {@code ../shared/data/real} is absent). MANIFEST.md: 17,902 rows in Maidstone.
 */
class GroupsRealDataTest {
    @TempDir
    static Path dir;
    static Workspace ws;
    static Analyses analyses;
    static final String SET = "maidstone-2022";

    @BeforeAll
    static void load() throws Exception {
        Path real = Path.of(System.getProperty("wardheat.realdata", "../shared/data/real"));
        Assumptions.assumeTrue(Files.isDirectory(real.resolve("police_uk_kent")), "no real data at " + real.toAbsolutePath());
        ws = Workspace.open(dir.resolve("maidstone"));
        ws.addBoundaries(SET, real.resolve("drkane_geo-lookups/boundaries/ward_WD22_commit_d23350ed/E07000110.geojson"), null, null);
        try (Stream<Path> files = Files.list(real.resolve("police_uk_kent/karnmodi_BDML"))) {
            ws.importFiles(files.filter(f -> f.getFileName().toString().startsWith("2022-")).sorted().toList(), IncidentFormat.POLICE_UK,
                    "police-uk", SET);
        }
        analyses = Analyses.of(ws);
    }

    @AfterAll
    static void close() {
        if (ws != null) {
            ws.close();
        }
    }

    static Filter year(String... categories) {
        return new Filter(List.of(categories), List.of(), Values.period("from", "2022-01", "to", "2022-12"));
    }

    @Test
    void allCrimeAndAntiSocialBehaviourRowsMakeTheAllCategoriesTotal() {
        Filter f = year();
        List<AreaService.CategoryRow> rows = analyses.strategic(new StrategicQuery(new AreaQuery(SET, null, null, null), f,
                Values.comparison("compare", "previous", f.period())));
        Map<String, Long> count = rows.stream().collect(Collectors.toMap(AreaService.CategoryRow::category, AreaService.CategoryRow::count));
        assertEquals(17_902, count.get("All"));
        assertEquals(2_456, count.get("Anti-social behaviour"));
        assertEquals(15_446, count.get("All crime"));
        assertEquals(count.get("All"), count.get("All crime") + count.get("Anti-social behaviour"));
        assertEquals(84 + 484 + 84 + 937 + 91 + 801 + 1_312, count.get("Acquisitive crime"),
                "bicycle theft, burglary, robbery, shoplifting, theft from the person, vehicle crime, other theft");
        assertEquals("All", rows.get(rows.size() - 1).category());
    }

    @Test
    void aGroupSelectsLikeItsCategories() {
        TrendsQuery byGroup = new TrendsQuery(new AreaQuery(SET, null, null, null), year("group:All crime"), TrendsQuery.View.ROLLING, 1, null);
        List<Trends.Month> months = analyses.trends(byGroup).rolling();
        assertEquals(12, months.size());
        assertEquals(15_446.0, months.get(11).rolling12(), "the 12 months of 2022");
        assertNull(months.get(10).rolling12());
        assertEquals(1_475.0, months.get(0).value() + analyses.trends(new TrendsQuery(new AreaQuery(SET, null, null, null),
                year("Anti-social behaviour"), null, 1, null)).rolling().get(0).value(), "January 2022: All crime + ASB = the 1,475 rows imported (RealDataTest)");
    }

    @Test
    void thePriorityMatrixRanksEveryCategory() {
        Filter f = new Filter(List.of(), List.of(), Values.period("from", "2022-07", "to", "2022-12"));
        List<PriorityMatrix.Row> rows = analyses.priorities(new PriorityQuery(SET, f, Values.comparison("compare", "previous", f.period()),
                null, null, PriorityQuery.DEFAULT_ALPHA, PriorityQuery.DEFAULT_TOP_WARDS, null));
        assertEquals(14, rows.size());
        PriorityMatrix.Row top = rows.get(0);
        assertEquals("Vehicle crime", top.input().name(), "the only significant rise: 446 against 355");
        assertEquals(446, top.input().count());
        assertEquals(355, top.input().previous());
        assertEquals(List.of("Vehicle crime"), rows.stream().filter(PriorityMatrix.Row::significantRise).map(r -> r.input().name()).toList());
    }
}
