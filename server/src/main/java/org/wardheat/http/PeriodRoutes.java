package org.wardheat.http;

import org.wardheat.model.Period;
import org.wardheat.analysis.WardStatistics;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/periods?from=YYYY-MM&to=YYYY-MM[&compare=previous|year-ago|YYYY-MM:YYYY-MM]}: the period
 * and the comparison period the analyses use, resolved by the same code as the ward statistics, so the
 * page never works out a comparison period itself. Answers
 * {@code {"period":{"from","to"},"comparison":{"from","to"}}} with months as {@code YYYY-MM}.
 */
final class PeriodRoutes {
    private PeriodRoutes() {
    }

    static Object periods(Request req, Response res) throws IOException {
        WardStatistics.Query q = WardStatistics.Query.of(List.of(), List.of(), Params.required(req, "from"),
                Params.required(req, "to"), req.queryParams("compare"), null);
        return Params.json(res, Map.of("period", months(q.period()), "comparison", months(q.comparison())));
    }

    private static Map<String, String> months(Period p) {
        return Map.of("from", p.from().toString(), "to", p.to().toString());
    }
}
