package org.wardheat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wardheat.export.Exporter;
import org.wardheat.export.Layers;
import org.wardheat.model.CategoryGroups;
import org.wardheat.service.LoadedSet;
import org.wardheat.service.Workspace;
import org.wardheat.store.DatasetInfo;
import org.wardheat.store.ImportedFile;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/** What the store holds: boundary sets (and one set's wards), datasets with their import reports, categories, months. */
final class CatalogRoutes {
    private final Workspace workspace;

    CatalogRoutes(Workspace workspace) {
        this.workspace = workspace;
    }

    Object boundarySets(Request req, Response res) throws IOException {
        return Replies.json(res, workspace.store().boundaries().list());
    }

    Object boundarySet(Request req, Response res) throws IOException {
        LoadedSet set = workspace.boundarySet(req.params("id"));
        return Replies.table(res, Layers.boundaries(set.info().id(), set.wards()), Exporter.Format.GEOJSON, Map.of(), false);
    }

    /** The set's outline: the union of its wards, one feature, for the map's boundary line. */
    Object outline(Request req, Response res) throws IOException {
        LoadedSet set = workspace.boundarySet(req.params("id"));
        return Replies.table(res, Layers.outline(set.info().id(), set.wards()), Exporter.Format.GEOJSON, Map.of(), false);
    }

    Object datasets(Request req, Response res) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (DatasetInfo d : workspace.store().importLog().datasets()) {
            ObjectNode node = Exporter.JSON.createObjectNode();
            node.put("id", d.id());
            node.put("kind", d.kind());
            node.put("added_at", d.addedAt());
            node.put("incidents", d.incidents());
            if (viewer()) { // no import reports (their rejected rows quote records), counts below k not shown
                node.putPOJO("incidents", shownCount(d.incidents()));
                out.add(node);
                continue;
            }
            ArrayNode files = node.putArray("files");
            for (ImportedFile f : d.files()) {
                ObjectNode file = files.addObject();
                file.put("source", f.source());
                file.put("imported_at", f.importedAt());
                file.set("report", Exporter.JSON.readTree(f.report()));
            }
            out.add(node);
        }
        return Replies.json(res, out);
    }

    Object categories(Request req, Response res) throws IOException {
        String dataset = req.queryParams("dataset"), set = req.queryParams("boundaries");
        if (dataset == null && set == null) {
            return Replies.json(res, named(workspace.categoryCounts(), "category"));
        }
        if (set != null) {
            workspace.boundarySet(set); // an unknown set is a 404 naming the known ones
        }
        return Replies.json(res, named(workspace.categoryCounts(dataset, set), "category"));
    }

    /** The category groups with their categories and incidents: {@code [{group, categories, count}]}, for the category picker. */
    Object groups(Request req, Response res) throws IOException {
        Map<String, Long> counts = workspace.categoryCounts();
        List<Map<String, Object>> out = new ArrayList<>();
        CategoryGroups.installed().groups().forEach((name, members) -> out.add(Map.of("group", name, "categories", List.copyOf(members),
                "count", members.stream().mapToLong(c -> counts.getOrDefault(c, 0L)).sum())));
        return Replies.json(res, out);
    }

    Object months(Request req, Response res) throws IOException {
        return Replies.json(res, named(workspace.monthCounts(), "month"));
    }

    /** True when the caller's figures are disclosure-controlled (a viewer). */
    private static boolean viewer() {
        RequestContext c = RequestContext.current();
        return c != null && c.caller().role().disclosureControlled();
    }

    /** A count as a viewer sees it: 1 to k−1 as "&lt;k", others as they are. */
    private static Object shownCount(long n) {
        return n > 0 && n < ViewerDisclosure.K ? "<" + ViewerDisclosure.K : n;
    }

    private static List<Map<String, Object>> named(Map<String, Long> counts, String key) {
        List<Map<String, Object>> out = new ArrayList<>();
        boolean viewer = viewer();
        counts.forEach((k, v) -> out.add(Map.of(key, k, "count", viewer ? shownCount(v) : v)));
        return out;
    }
}
