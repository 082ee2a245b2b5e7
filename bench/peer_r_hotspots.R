#!/usr/bin/env Rscript
# The R peer for BENCHMARKS.md: the same KDE and Gi* as `wardheat bench-hotspots`, on the files it wrote.
# KDE: spatstat density.ppp, quartic kernel (sigma = h/sqrt(8)), no edge correction, on a pixel grid of
# the same cell size (spatstat's fast FFT method: points are binned to pixels first).
# Gi*: spdep dnearneigh (cell x sqrt(2)) + include.self + localG (style "B") + p.adjust("BH").
# Usage: Rscript peer_r_hotspots.R DIR KDE_CELL BANDWIDTH GI_CELL
suppressMessages({ library(spatstat); library(spdep) })
a <- commandArgs(TRUE); dir <- a[1]; cell <- as.numeric(a[2]); h <- as.numeric(a[3]); gcell <- as.numeric(a[4])
p <- read.csv(file.path(dir, "points.csv"))
W <- owin(range(p$x) + c(-h, h), range(p$y) + c(-h, h))
X <- ppp(p$x, p$y, window = W, check = FALSE)
t <- system.time(d <- density(X, sigma = h / sqrt(8), kernel = "quartic", eps = cell, edge = FALSE))[["elapsed"]]
cat(sprintf("kde: %s points, %s pixels of %g m (the bounding box), quartic h = %g m: %.3f s\n",
            format(npoints(X), big.mark = ","), format(length(d$v), big.mark = ","), cell, h, t))
cells <- read.csv(file.path(dir, "counts.csv"))
t <- system.time({
  nb <- include.self(dnearneigh(cbind(cells$x, cells$y), 0, gcell * sqrt(2) * (1 + 1e-6)))
  z <- as.numeric(localG(cells$n, nb2listw(nb, style = "B")))
  q <- p.adjust(2 * pnorm(-abs(z)), "BH")
})[["elapsed"]]
cat(sprintf("gistar: %s cells, neighbours + z + p + FDR: %.3f s (%s hot at 95%%)\n",
            format(nrow(cells), big.mark = ","), t, format(sum(z > 0 & q < 0.05), big.mark = ",")))
