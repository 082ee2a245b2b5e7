# Recomputes poisson_test_reference.csv and poisson_ci_reference.csv (written by poisson_reference.py
# with SciPy) with R's own poisson.test, and prints the largest relative difference of each column.
# Run from this directory: Rscript poisson_reference_check.R   (checked with R 4.2.2)
# values below 1e-300 are underflow in both (R gives 4.9e-324 where SciPy gives 0 for 17765 vs 6070)
rel <- function(a, b) ifelse(a == b | (a < 1e-300 & b < 1e-300), 0, abs(a - b) / pmax(abs(a), abs(b)))

t <- read.csv("poisson_test_reference.csv")
p <- mapply(function(x1, t1, x2, t2) poisson.test(c(x1, x2), c(t1, t2))$p.value, t$x1, t$t1, t$x2, t$t2)
r <- mapply(function(x1, t1, x2, t2) if (x2 == 0) NA else unname(poisson.test(c(x1, x2), c(t1, t2))$estimate),
            t$x1, t$t1, t$x2, t$t2)
cat(sprintf("p_value: %d rows, largest relative difference %.3g\n", nrow(t), max(rel(p, t$p_value))))
cat(sprintf("rate_ratio: largest relative difference %.3g\n", max(rel(r, t$rate_ratio), na.rm = TRUE)))

ci <- read.csv("poisson_ci_reference.csv")
lim <- t(mapply(function(x, pop, per, conf) poisson.test(x, conf.level = conf)$conf.int / pop * per,
                ci$count, ci$population, ci$per, ci$confidence))
cat(sprintf("low: %d rows, largest relative difference %.3g\n", nrow(ci), max(rel(lim[, 1], ci$low))))
cat(sprintf("high: largest relative difference %.3g\n", max(rel(lim[, 2], ci$high))))
