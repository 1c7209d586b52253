# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reference class breaks for tests/unit/style/test_classification.cpp, computed with R's classInt
# (an implementation independent of ours). Regenerate from the repository root with
#
#   Rscript tests/data/classification/reference.R ../shared/data > tests/data/classification/reference.json
#
# Needs the Debian packages r-base-core, r-cran-classint and gdal-bin: nc.gpkg is read through
# ogr2ogr -f CSV, so r-cran-sf is not needed.
#
# Counts use the closure of kw::Classification: class i is (b[i], b[i+1]], the first class includes
# its lower bound (classInt's intervalClosure = "right" with include.lowest), i.e.
# findInterval(x, b, left.open = TRUE, rightmost.closed = TRUE).

suppressMessages(library(classInt))

args <- commandArgs(trailingOnly = TRUE)
shared <- if (length(args) >= 1) args[1] else "../shared/data"

num <- function(x) paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]")
int <- function(x) paste0("[", paste(sprintf("%d", as.integer(x)), collapse = ", "), "]")
str <- function(x) paste0("\"", x, "\"")

counts_for <- function(x, b) {
  idx <- findInterval(x, b, left.open = TRUE, rightmost.closed = TRUE)
  tabulate(idx, nbins = length(b) - 1)
}

breaks_for <- function(x, style, n) {
  ci <- suppressWarnings(classIntervals(x, n, style = style))
  list(breaks = ci$brks, style = attr(ci, "style"))
}

# ---- data ----------------------------------------------------------------------------------------------
nc_csv <- tempfile(fileext = ".csv")
status <- system2("ogr2ogr", c("-f", "CSV", nc_csv, file.path(shared, "counties/nc.gpkg"), "-select",
                               "BIR74,SID74,NWBIR74"))
stopifnot(status == 0)
nc <- read.csv(nc_csv)
stopifnot(nrow(nc) == 100)
no2 <- read.csv(file.path(shared, "air/no2_germany_rural_background.csv"))
stopifnot(nrow(no2) == 74)

datasets <- list(
  list(source = "counties/nc.gpkg", field = "BIR74", x = nc$BIR74),
  list(source = "counties/nc.gpkg", field = "SID74", x = nc$SID74),
  list(source = "counties/nc.gpkg", field = "NWBIR74", x = nc$NWBIR74),
  list(source = "air/no2_germany_rural_background.csv", field = "NO2", x = no2$NO2)
)
styles <- c("equal", "quantile", "fisher", "jenks", "pretty", "sd")

cat("{\n")
cat("  \"generator\": \"tests/data/classification/reference.R\",\n")
cat("  \"r_version\": ", str(R.version.string), ",\n", sep = "")
cat("  \"classint_version\": ", str(as.character(packageVersion("classInt"))), ",\n", sep = "")
cat("  \"closure\": \"right; first class includes its lower bound\",\n")

lines <- character()
for (d in datasets) {
  for (style in styles) {
    for (n in c(5, 7)) {
      r <- breaks_for(d$x, style, n)
      lines <- c(lines, sprintf(
        "    {\"source\": %s, \"field\": %s, \"style\": %s, \"n\": %d, \"nobs\": %d, \"sum\": %.17g, \"breaks\": %s, \"counts\": %s}",
        str(d$source), str(d$field), str(style), n, length(d$x), sum(d$x), num(r$breaks),
        int(counts_for(d$x, r$breaks))))
    }
  }
}
cat("  \"cases\": [\n", paste(lines, collapse = ",\n"), "\n  ],\n", sep = "")

# Degenerate inputs: as many or more classes than distinct values (classInt's "unique" fallback).
inline <- list(
  list(name = "three distinct, n = 3", x = c(1, 1, 2, 3, 3, 3, 3), n = 3),
  list(name = "three distinct, n = 5", x = c(1, 1, 2, 3, 3, 3, 3), n = 5),
  list(name = "two distinct, n = 2", x = c(-4, 10, 10), n = 2)
)
lines <- character()
for (d in inline) {
  for (style in c("quantile", "fisher")) {
    r <- breaks_for(d$x, style, d$n)
    lines <- c(lines, sprintf(
      "    {\"name\": %s, \"values\": %s, \"style\": %s, \"n\": %d, \"r_style\": %s, \"breaks\": %s, \"counts\": %s}",
      str(d$name), num(d$x), str(style), d$n, str(r$style), num(r$breaks), int(counts_for(d$x, r$breaks))))
  }
}
cat("  \"inline_cases\": [\n", paste(lines, collapse = ",\n"), "\n  ],\n", sep = "")

# R's pretty() itself, over ranges that exercise its rounding and small-range branches.
ranges <- list(c(0, 1, 5), c(0, 1, 7), c(248, 21588, 5), c(248, 21588, 7), c(0, 44, 5), c(-3.7, 12.2, 5),
               c(-1.234, -0.001, 4), c(1e-9, 3e-9, 5), c(123456, 123457, 5), c(5, 5, 5), c(0, 0, 5),
               c(-2.0170, 3.4101, 5), c(0.3, 0.9, 3), c(1, 1e6, 10), c(-1e-300, 1e-300, 5), c(17, 83, 1),
               c(0.1, 0.7, 6), c(99.5, 100.5, 2))
lines <- character()
for (r in ranges) {
  lines <- c(lines, sprintf("    {\"lo\": %.17g, \"hi\": %.17g, \"n\": %d, \"breaks\": %s}", r[1], r[2],
                            as.integer(r[3]), num(pretty(c(r[1], r[2]), n = r[3]))))
}
cat("  \"pretty\": [\n", paste(lines, collapse = ",\n"), "\n  ]\n", sep = "")
cat("}\n")
