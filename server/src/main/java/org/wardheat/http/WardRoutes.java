package org.wardheat.http;

import org.wardheat.analysis.WardStatistics;
import org.wardheat.output.WardOutput;
import org.wardheat.service.Workspace;
import spark.Request;
import spark.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.wardheat.http.Params.json;
import static org.wardheat.http.Params.required;

/** The ward layer ({@code /api/wards}), its statistics without geometry ({@code /summary}) and as CSV. */
final class WardRoutes {
    private final Workspace workspace;

    WardRoutes(Workspace workspace) {
        this.workspace = workspace;
    }

    Object layer(Request req, Response res) throws IOException {
        String set = required(req, "boundaries");
        WardStatistics.Result result = workspace.wardStatistics(set, Queries.wards(req));
        res.type("application/geo+json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WardOutput.geojson(result, workspace.boundarySet(set).wards(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    Object summary(Request req, Response res) throws IOException {
        WardStatistics.Result r = workspace.wardStatistics(required(req, "boundaries"), Queries.wards(req));
        return json(res, Map.of("query", r.query(), "totals", r.totals(), "top", r.top(), "wards", r.wards(),
                "months", r.months()));
    }

    Object csv(Request req, Response res) throws IOException {
        WardStatistics.Result r = workspace.wardStatistics(required(req, "boundaries"), Queries.wards(req));
        res.type("text/csv; charset=utf-8");
        res.header("Content-Disposition", "attachment; filename=\"wards_" + req.queryParams("boundaries") + "_"
                + r.query().period().from() + "_" + r.query().period().to() + ".csv\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WardOutput.csv(r, new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
