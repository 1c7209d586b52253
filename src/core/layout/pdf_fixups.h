// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSizeF>

namespace kw::pdf {

/// Replaces the value of /CreationDate in a PDF written by QPdfWriter with \a utc.
///
/// Why: Qt 6.4's QPdfWriter always writes the current time and offers no way to set it, so two exports of
/// the same project differ. Why in place: the PDF's cross-reference table holds byte offsets of every
/// object; replacing the date with a string of the same length (Qt writes "D:YYYYMMDDHHmmSSZ" or with a
/// "+HH'mm'" offset, and we write the same form) keeps every offset valid without rewriting the file.
/// Returns an error when no date is found or the lengths cannot match.
Status pinCreationDate(QByteArray &pdf, const QDateTime &utc);

/// Sets the exact page sizes (points) in the /MediaBox entries, page by page in file order.
///
/// Why: QPdfWriter rounds page sizes to whole points (A4 landscape becomes 842 × 595 pt instead of
/// 841.89 × 595.28 pt). Qt writes each number with six decimals ("842.000000"), so the exact value fits
/// in the same number of characters and, as above, the cross-reference offsets stay valid. A value whose
/// integer part has fewer digits than the rounded one is written with one more decimal.
/// Returns the number of boxes changed; an error when the file has fewer boxes than \a pages.
Result<int> setExactMediaBoxes(QByteArray &pdf, const QList<QSizeF> &pages);

/// Joins PDFs written by QPdfWriter into one whose pages are theirs, in order.
///
/// Why: Qt compresses every page with zlib on the thread that owns the QPdfWriter, which made the
/// compression of a 40-page atlas (4 s) the larger part of its export. Pages written to PDFs of their own on
/// every core and joined here compress in parallel. Objects are copied byte for byte with their numbers
/// shifted (references are renumbered in dictionaries, never inside streams); each page's /Parent points
/// to one new page tree; the catalog and information dictionary are the first document's. Fonts are not
/// shared between the parts (each keeps its subset). Expects classic cross-reference tables, as Qt writes.
Result<QByteArray> mergeDocuments(const QList<QByteArray> &documents);

/// The date in the PDF's /CreationDate (for tests and checks).
QByteArray creationDate(const QByteArray &pdf);

} // namespace kw::pdf
