#!/usr/bin/env Rscript
# Reference for wardheat's KernelDensity: quartic kernel densities from spatstat at the centres of a
# 250 m grid over the square 450000-455000 E, 300000-305000 N (British National Grid metres).
# Points are synthetic (seeded here): a uniform background, two clusters, integer weights 1-3.
# spatstat's quartic kernel takes sigma = the per-axis standard deviation = h / sqrt(8) for radius h.
# Debian: apt-get install r-cran-spatstat.  Run: Rscript kde_spatstat.R
suppressMessages(library(spatstat))
set.seed(20261122)
n_bg <- 1500
x <- c(runif(n_bg, 450000, 455000), rnorm(800, 452000, 300), rnorm(700, 454000, 150))
y <- c(runif(n_bg, 300000, 305000), rnorm(800, 302500, 300), rnorm(700, 301000, 150))
keep <- x > 450000 & x < 455000 & y > 300000 & y < 305000
x <- round(x[keep], 1); y <- round(y[keep], 1)
w <- sample(1:3, length(x), replace = TRUE)
write.csv(data.frame(x = x, y = y, w = w), "kde-points.csv", row.names = FALSE)

h <- 600
centres <- expand.grid(x = seq(450125, 454875, by = 250), y = seq(300125, 304875, by = 250))
W <- owin(c(449000, 456000), c(299000, 306000))
X <- ppp(c(x, centres$x), c(y, centres$y), window = W, check = FALSE)
weights <- c(w, rep(0, nrow(centres)))  # centres weigh nothing: they are only where density is read
d <- density(X, sigma = h / sqrt(8), kernel = "quartic", weights = weights, at = "points",
             leaveoneout = FALSE, edge = FALSE)
centres$density_per_km2 <- sprintf("%.10g", d[(length(x) + 1):length(d)] * 1e6)
write.csv(centres, "kde-spatstat.csv", row.names = FALSE, quote = FALSE)
cat("kde-spatstat.csv:", nrow(centres), "centres,", length(x), "points, bandwidth", h, "m\n")
