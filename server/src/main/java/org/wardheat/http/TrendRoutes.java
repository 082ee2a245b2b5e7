package org.wardheat.http;

import org.wardheat.export.Exporter;
import org.wardheat.query.Analyses;
import org.wardheat.query.PriorityQuery;
import org.wardheat.query.TrendsQuery;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.util.Map;

/** Trends ({@code /api/trends}) and the priority matrix ({@code /api/priorities}); {@code format=} gives the table download. */
final class TrendRoutes {
    private final Analyses analyses;

    TrendRoutes(Analyses analyses) {
        this.analyses = analyses;
    }

    /** The annual series, the rolling 12-month series and the month × year table as JSON (one call draws every chart). */
    Object trends(Request req, Response res) throws IOException {
        TrendsQuery q = QueryBinder.trends(req);
        if (QueryBinder.text(req, "format") != null) {
            return Replies.table(res, analyses.trendsTable(q), QueryBinder.format(req, Exporter.Format.CSV), Map.of(), true);
        }
        return Replies.json(res, analyses.trends(q));
    }

    /** The ranked priority rows as JSON. */
    Object priorities(Request req, Response res) throws IOException {
        PriorityQuery q = QueryBinder.priorities(req);
        if (QueryBinder.text(req, "format") != null) {
            return Replies.table(res, analyses.prioritiesTable(q), QueryBinder.format(req, Exporter.Format.CSV), Map.of(), true);
        }
        return Replies.json(res, Map.of("boundaries", q.boundaries(), "period", q.filter().period().toString(),
                "comparison", q.comparison().toString(), "weights", q.weights(), "rows", analyses.priorities(q)));
    }
}
