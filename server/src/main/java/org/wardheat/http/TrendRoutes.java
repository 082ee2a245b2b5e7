package org.wardheat.http;

import org.wardheat.export.Exporter;
import org.wardheat.query.Analyses;
import org.wardheat.query.InvalidParameterException;
import org.wardheat.query.PriorityQuery;
import org.wardheat.query.TrendsQuery;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trends ({@code /api/trends}) and the priority matrix ({@code /api/priorities}); {@code format=} gives the table
 * download. A viewer, or a request with {@code shareable=true}, gets the disclosure-controlled table (GeoJSON
 * unless {@code format=} says otherwise), never the JSON figures; a viewer's trends are the annual table only
 * (monthly values are withheld from shared tables).
 */
final class TrendRoutes {
    private final Analyses analyses;
    /** Refuses a saved focus area ({@code area_id}) the caller may not read. */
    private final Consumer<Long> areaCheck;

    TrendRoutes(Analyses analyses, Consumer<Long> areaCheck) {
        this.analyses = analyses;
        this.areaCheck = areaCheck;
    }

    /** The trends query, checked for the caller: a saved area they may read; a viewer only the annual view. */
    TrendsQuery trendsQuery(Request req) {
        TrendsQuery q = QueryBinder.trends(req);
        areaCheck.accept(q.area().areaId());
        if (viewer() && q.view() != TrendsQuery.View.ANNUAL) {
            throw new InvalidParameterException("view", "monthly values are withheld from a viewer's tables (disclosure control); use view=annual");
        }
        return q;
    }

    /** The annual series, the rolling 12-month series and the month × year table as JSON (one call draws every chart). */
    Object trends(Request req, Response res) throws IOException {
        TrendsQuery q = trendsQuery(req);
        boolean download = QueryBinder.text(req, "format") != null;
        if (download || viewer() || q.sharing().shareable()) {
            return Replies.table(res, analyses.trendsTable(q), QueryBinder.format(req, download ? Exporter.Format.CSV : Exporter.Format.GEOJSON),
                    Map.of(), download);
        }
        return Replies.json(res, analyses.trends(q));
    }

    /** The ranked priority rows with the months with data in each period as JSON. */
    Object priorities(Request req, Response res) throws IOException {
        PriorityQuery q = QueryBinder.priorities(req);
        boolean download = QueryBinder.text(req, "format") != null;
        if (download || viewer() || q.sharing().shareable()) {
            return Replies.table(res, analyses.prioritiesTable(q), QueryBinder.format(req, download ? Exporter.Format.CSV : Exporter.Format.GEOJSON),
                    Map.of(), download);
        }
        org.wardheat.model.Coverage coverage = analyses.prioritiesCoverage(q);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("boundaries", q.boundaries());
        reply.put("period", q.filter().period().toString());
        reply.put("comparison", q.comparison().toString());
        reply.put("weights", q.weights());
        reply.put("coverage", coverage);
        reply.put("warnings", coverage.warnings());
        reply.put("rows", analyses.priorities(q));
        return Replies.json(res, reply);
    }

    private static boolean viewer() {
        RequestContext c = RequestContext.current();
        return c != null && c.caller().role().disclosureControlled();
    }
}
