package org.wardheat.http;

import org.wardheat.model.Period;
import org.wardheat.query.Filter;
import org.wardheat.query.Values;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /api/periods?from=YYYY-MM&to=YYYY-MM[&compare=previous|year-ago|YYYY-MM:YYYY-MM]}: the period
 * and the comparison period the analyses use, resolved by the same code as the queries ({@link Values#comparison}), so the
 * page never works out a comparison period itself. Answers
 * {@code {"period":{"from","to"},"comparison":{"from","to"}}} with months as {@code YYYY-MM}.
 */
final class PeriodRoutes {
    private PeriodRoutes() {
    }

    static Object periods(Request req, Response res) throws IOException {
        Filter f = QueryBinder.filter(req);
        Period comparison = Values.comparison("compare", QueryBinder.text(req, "compare"), f.period());
        return Replies.json(res, Map.of("period", months(f.period()), "comparison", months(comparison)));
    }

    private static Map<String, String> months(Period p) {
        return Map.of("from", p.from().toString(), "to", p.to().toString());
    }
}
