package org.wardheat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.model.Period;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.service.AreaService;
import org.wardheat.service.HotspotService;
import org.wardheat.service.RepeatService;
import org.wardheat.service.Workspace;
import org.wardheat.store.FocusArea;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.POLICE_HEADER;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

class AreaServiceTest {
    @TempDir
    Path dir;
    Workspace ws;
    AreaService areas;

    @BeforeEach
    void setUp() throws Exception {
        ws = Workspace.open(dir.resolve("data"));
        ws.addBoundaries("three", TestFiles.threeWards(dir), null, null);
        Files.writeString(dir.resolve("pop.csv"), "ward_code,residents\nE05000001,1000\nE05000002,2000\nE05000003,4000\n");
        ws.addPopulationCsv("three", dir.resolve("pop.csv"));
        // West: 2 burglary now, 1 before; Middle: 1 drugs now; East: 3 drugs before; west half of West: the 2 burglaries
        ws.importFiles(List.of(Files.writeString(dir.resolve("a.csv"), POLICE_HEADER
                + row("2022-05", "Burglary", 0.502, LAT) + row("2022-06", "Burglary", 0.503, LAT) + row("2021-05", "Burglary", 0.508, LAT)
                + row("2022-05", "Drugs", lon(1), LAT) + row("2021-02", "Drugs", lon(2), LAT) + row("2021-03", "Drugs", lon(2), LAT)
                + row("2021-04", "Drugs", lon(2), LAT))), IncidentFormat.POLICE_UK, "police-uk", null);
        areas = new AreaService(ws, new HotspotService(ws), new RepeatService(ws));
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    static final Period NOW = Period.of("2022-01", "2022-12");

    @Test
    void twoWardsSummary() {
        AreaService.Area a = areas.resolve("three", List.of("E05000001", "E05000002"), null, null);
        AreaService.Summary withheld = areas.summary(a, Set.of(), Set.of(), NOW, NOW.previous());
        assertNull(withheld.total().difference(), "the one file runs from 2021-02 to 2022-06: change is withheld");
        assertNull(withheld.total().changeP());
        assertEquals(6, withheld.coverage().period().covered().size());
        assertEquals(List.of("2022-07", "2022-08", "2022-09", "2022-10", "2022-11", "2022-12"), withheld.coverage().period().missing());
        assertEquals(List.of("the period 2022-01 to 2022-12 has no data for 2022-07, 2022-08, 2022-09, 2022-10, 2022-11, 2022-12 (6 of 12 months)",
                "the comparison period 2021-01 to 2021-12 has no data for 2021-01 (1 of 12 months)",
                "change is withheld (no comparable data); ask for it with --allow-partial (allow_partial=true)"), withheld.warnings());
        AreaService.Summary s = areas.summary(a, Set.of(), Set.of(), NOW, NOW.previous(),
                new org.wardheat.analysis.ChangeRules(null, 1000, 0.05, null, true));
        // R: poisson.test(c(3, 1), c(12, 12))$p.value = 0.625; poisson.test(3)$conf.int = 0.618672122895602 8.767273069742323, per 3,000 residents
        assertEquals(new AreaService.CategoryRow("All", 3, 1, 2L, 200.0, 1000.0 * 3 / 3000, s.total().changeP(), false, "up 200%, not significant (p = 0.62)",
                1.0, s.total().rateCiLow(), s.total().rateCiHigh()), s.total());
        assertEquals(0.625, s.total().changeP(), 1e-12);
        assertEquals(0.618672122895602 / 3, s.total().rateCiLow(), 1e-12);
        assertEquals(8.767273069742323 / 3, s.total().rateCiHigh(), 1e-12);
        assertEquals(List.of("Burglary 2/1", "Drugs 1/0"), s.categories().stream().map(r -> r.category() + " " + r.count() + "/" + r.previous()).toList());
        assertNull(s.categories().get(1).changePct(), "no previous drugs: no % change");
        assertEquals(3000.0, s.residents());
        assertEquals(1.0, s.shareOfIncidents(), "all of 2022's incidents are in West and Middle");
        assertEquals(3.0 / 7, s.shareOfResidents(), 1e-12);
        assertEquals(2.0 / 3, s.shareOfArea(), 1e-3);
    }

    @Test
    void drawnPolygonApportionsPopulationByArea() {
        // the western half of West: lon 0.500 to 0.505
        String half = "{\"type\":\"Polygon\",\"coordinates\":[[[0.5,51.2],[0.505,51.2],[0.505,51.21],[0.5,51.21],[0.5,51.2]]]}";
        AreaService.Area a = areas.resolve("three", List.of(), half, null);
        assertEquals(500.0, areas.residents(a), 1.0, "half of West's 1,000 residents");
        List<AreaService.CategoryRow> t = areas.table(a, Set.of(), Set.of(), NOW, NOW.previous());
        assertEquals(List.of("Burglary", 2L, 0L, 1000.0 * 2 / areas.residents(a)),
                List.of(t.get(0).category(), t.get(0).count(), t.get(0).previous(), t.get(0).ratePer1000()));
        assertNull(t.get(0).difference(), "withheld: most months hold no data");
        assertEquals(List.of("Burglary", "All crime", "Acquisitive crime", "All"), t.stream().map(AreaService.CategoryRow::category).toList(),
                "one category, its groups, then All");
        assertEquals(List.of(2L, 2L, 2L, 2L), t.stream().map(AreaService.CategoryRow::count).toList());
        assertEquals(List.of("Burglary"), t.get(1).groupCategories(), "a group row names the categories it adds up");
        assertNull(t.get(1).difference(), "a group's change is withheld as its categories' is");
    }

    @Test
    void savedAreasSurviveReopeningAndCanBeRenamedAndDeleted() {
        FocusArea saved = areas.save("Task force 1", areas.resolve("three", List.of("E05000001", "E05000002"), null, null));
        ws.close();
        ws = Workspace.open(dir.resolve("data"));
        areas = new AreaService(ws, new HotspotService(ws), new RepeatService(ws));
        AreaService.Area again = areas.resolve(null, List.of(), null, saved.id());
        assertEquals("Task force 1", again.name());
        assertEquals(List.of("E05000001", "E05000002"), again.wardCodes());
        assertEquals(3, areas.table(again, Set.of(), Set.of(), NOW, NOW.previous()).get(2).count());
        assertTrue(ws.store().focusAreas().rename(saved.id(), "Town centre"));
        assertEquals("Town centre", ws.store().focusAreas().list().get(0).name());
        assertTrue(ws.store().focusAreas().delete(saved.id()));
        assertTrue(ws.store().focusAreas().list().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> areas.save("x", areas.resolve("three", List.of(), null, null)), "nothing chosen");
        assertThrows(IllegalArgumentException.class, () -> areas.resolve("three", List.of("E05999999"), null, null));
    }
}
