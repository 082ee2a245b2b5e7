#!/usr/bin/env Rscript
# Reference for wardheat's Getis-Ord Gi*: spdep::localG on the cell counts wardheat computed for
# police.uk anti-social behaviour in 2022 on a 250 m square grid over Maidstone's 2022 wards
# (maidstone-asb-2022-250m-counts.csv: cell_id, easting, northing, n).
# Neighbours as sfhotspot: centres within cell size x sqrt(2) (a 1e-6 tolerance), the cell included,
# binary weights (style "B"). Two-sided normal p-values, adjusted with p.adjust (BH and Holm).
# Debian: apt-get install r-cran-spdep.  Run: Rscript gistar_spdep.R
suppressMessages(library(spdep))
cells <- read.csv("maidstone-asb-2022-250m-counts.csv")
coords <- cbind(cells$easting, cells$northing)
nb <- include.self(dnearneigh(coords, 0, 250 * sqrt(2) * (1 + 1e-6)))
z <- as.numeric(localG(cells$n, nb2listw(nb, style = "B")))
p <- 2 * pnorm(-abs(z))
out <- data.frame(cell_id = cells$cell_id, gistar = sprintf("%.12g", z), pvalue = sprintf("%.12g", p),
                  p_fdr = sprintf("%.12g", p.adjust(p, "BH")), p_holm = sprintf("%.12g", p.adjust(p, "holm")))
write.csv(out, "maidstone-asb-2022-250m-spdep.csv", row.names = FALSE, quote = FALSE)
cat("maidstone-asb-2022-250m-spdep.csv:", nrow(out), "cells; spdep", as.character(packageVersion("spdep")), "\n")
