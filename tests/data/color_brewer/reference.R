# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every ColorBrewer palette as R's RColorBrewer gives it, for tests/unit/style/test_color_brewer.cpp.
# Regenerate from the repository root with
#
#   Rscript tests/data/color_brewer/reference.R > tests/data/color_brewer/rcolorbrewer.csv
#
# Needs the Debian packages r-base-core and r-cran-rcolorbrewer. The colour specifications are
# Cynthia Brewer's ColorBrewer 2.0 (Apache License 2.0, see src/core/style/color_brewer.cpp).

suppressMessages(library(RColorBrewer))
info <- brewer.pal.info
cat(sprintf("# RColorBrewer %s, %s\n", as.character(packageVersion("RColorBrewer")), R.version.string))
cat("name,category,colorblind,maxcolors,n,colors\n")
for (name in rownames(info)) {
  for (n in 3:info[name, "maxcolors"]) {
    cols <- tolower(substr(brewer.pal(n, name), 2, 7))
    cat(sprintf("%s,%s,%s,%d,%d,%s\n", name, info[name, "category"], tolower(info[name, "colorblind"]),
                info[name, "maxcolors"], n, paste(cols, collapse = " ")))
  }
}
