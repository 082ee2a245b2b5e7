"""Reference values for org.wardheat.stats (exact Poisson tests and intervals), from SciPy.

Run:  python3 poisson_reference.py   (SciPy 1.17; writes the two CSVs beside this script)

poisson_test_reference.csv: R's poisson.test(c(x1, x2), c(t1, t2)) two-sided = binom.test(x1, x1 + x2,
    p = t1 / (t1 + t2)); here scipy.stats.binomtest(x1, x1 + x2, p, alternative="two-sided"), checked
    below against a literal transcription of R's binom.test rule (sum of dbinom(i) <= dbinom(x1) * (1 + 1e-7)).
poisson_ci_reference.csv: exact (Garwood) intervals as R's poisson.test(x)$conf.int:
    lower = qchisq(a/2, 2x)/2 (0 when x = 0), upper = qchisq(1 - a/2, 2(x + 1))/2, scaled by per / population.

Known R outputs checked at the precision R prints them (R 4.2.2):
    poisson.test(c(11, 6+8+7), c(800, 1083+1050+878))  p-value = 0.07967  (the example in R's ?poisson.test;
                                                       note 6+8+7 = 21: c(11, 23) gives p-value = 0.1366)
    poisson.test(137, 24.19893)            95 percent CI 4.753125 6.692709
poisson_reference_check.R recomputes every row with R itself.
"""
import csv
import math
import os

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))

# (x1, t1, x2, t2): small counts, zeros, ties, unequal exposures, and large counts
TESTS = [
    (11, 800, 21, 3011),      # R: p-value = 0.07967 (R's ?poisson.test example)
    (11, 800, 23, 3011),      # R: p-value = 0.1366
    (0, 12, 5, 12), (5, 12, 0, 12), (0, 1, 1, 1), (1, 1, 0, 1), (1, 1, 1, 1), (0, 3, 7, 1),
    (2, 1, 4, 2),             # x1 equals its expectation: p = 1
    (3, 12, 7, 12), (7, 1, 3, 1), (10, 6, 10, 12), (4, 5, 9, 7), (1, 1, 12, 1),
    (33, 12, 25, 12),         # robbery +32%
    (1166, 12, 1000, 12),     # ASB +16.6%
    (500, 12, 480, 12), (45, 4, 30, 4), (60, 1, 10, 1), (200, 12, 50, 12),
    (137, 24.19893, 100, 30.5), (9, 2.5, 20, 11.25), (250, 31, 260, 30),
    (17765, 24, 6070, 12),    # the page's 24 calendar months against 12
    (17765, 24, 6070, 8),
    (17765, 12, 6070, 12),    # p underflows to 0
    (3000, 12, 2900, 12), (12000, 12, 11800, 12),
]

# (count, population, per, confidence); population = per = 1 gives the interval for the count itself
INTERVALS = [
    (0, 1, 1, 0.95), (1, 1, 1, 0.95), (2, 1, 1, 0.95), (3, 1, 1, 0.95), (5, 1, 1, 0.95), (10, 1, 1, 0.95),
    (17, 1, 1, 0.95), (50, 1, 1, 0.95), (137, 1, 1, 0.95), (1000, 1, 1, 0.95), (6070, 1, 1, 0.95),
    (17765, 1, 1, 0.95), (7, 1, 1, 0.90), (7, 1, 1, 0.99),
    (137, 24.19893, 1, 0.95),  # R: 4.753125 6.692709
    (0, 10000, 1000, 0.95), (17, 8123, 1000, 0.95), (17, 8123, 10000, 0.95), (412, 11250.5, 1000, 0.95),
]


def r_rule_p(x, n, p):
    """R's binom.test two-sided p-value, transcribed literally (every outcome summed, no search)."""
    rel_err = 1 + 1e-7
    d = stats.binom.pmf(x, n, p)
    m = n * p
    if x == m:
        return 1.0
    if x < m:
        i = np.arange(math.ceil(m), n + 1)
        y = int(np.sum(stats.binom.pmf(i, n, p) <= d * rel_err))
        pv = stats.binom.cdf(x, n, p) + stats.binom.sf(n - y, n, p)
    else:
        i = np.arange(0, math.floor(m) + 1)
        y = int(np.sum(stats.binom.pmf(i, n, p) <= d * rel_err))
        pv = stats.binom.cdf(y - 1, n, p) + stats.binom.sf(x - 1, n, p)
    return min(1.0, pv)


def poisson_test(x1, t1, x2, t2):
    n = x1 + x2
    p = t1 / (t1 + t2)
    pv = stats.binomtest(x1, n, p, alternative="two-sided").pvalue
    literal = r_rule_p(x1, n, p)
    assert pv == literal or abs(pv - literal) <= 1e-12 * max(pv, literal), (x1, t1, x2, t2, pv, literal)
    ratio = "" if x2 == 0 else repr((x1 / t1) / (x2 / t2))
    return ratio, pv


def interval(x, population, per, confidence):
    a = 1 - confidence
    low = 0.0 if x == 0 else stats.chi2.ppf(a / 2, 2 * x) / 2
    high = stats.chi2.ppf(1 - a / 2, 2 * (x + 1)) / 2
    return low / population * per, high / population * per


def main():
    assert f"{poisson_test(11, 800, 21, 3011)[1]:.4g}" == "0.07967"
    assert f"{poisson_test(11, 800, 23, 3011)[1]:.4g}" == "0.1366"
    low, high = interval(137, 24.19893, 1, 0.95)
    assert (f"{low:.7g}", f"{high:.7g}") == ("4.753125", "6.692709"), (low, high)

    with open(os.path.join(HERE, "poisson_test_reference.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["x1", "t1", "x2", "t2", "rate_ratio", "p_value"])
        for x1, t1, x2, t2 in TESTS:
            ratio, pv = poisson_test(x1, t1, x2, t2)
            w.writerow([x1, t1, x2, t2, ratio, repr(float(pv))])
    with open(os.path.join(HERE, "poisson_ci_reference.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["count", "population", "per", "confidence", "low", "high"])
        for x, population, per, confidence in INTERVALS:
            low, high = interval(x, population, per, confidence)
            w.writerow([x, population, per, confidence, repr(float(low)), repr(float(high))])


if __name__ == "__main__":
    main()
