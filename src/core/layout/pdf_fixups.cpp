// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/pdf_fixups.h"

#include <QRegularExpression>

namespace kw::pdf {

namespace {

/// \a value with exactly \a width characters (more or fewer decimals), or empty when impossible.
QByteArray numberOfWidth(double value, int width)
{
    for (int decimals = 0; decimals <= 12; ++decimals) {
        const QByteArray s = QByteArray::number(value, 'f', decimals);
        if (s.size() == width) return s;
        if (s.size() > width) break;
    }
    return {};
}

} // namespace

QByteArray creationDate(const QByteArray &pdf)
{
    static const QRegularExpression re(QStringLiteral("/CreationDate \\((D:[^)]*)\\)"));
    const auto m = re.match(QString::fromLatin1(pdf.left(4096)));
    return m.hasMatch() ? m.captured(1).toLatin1() : QByteArray();
}

Status pinCreationDate(QByteArray &pdf, const QDateTime &utc)
{
    const QByteArray key = "/CreationDate (";
    // The info dictionary is the first object Qt writes: look only near the start, never in content.
    const int start = pdf.indexOf(key);
    if (start < 0 || start > 4096) return Error::internal(QStringLiteral("PDF without /CreationDate"));
    const int valueStart = start + key.size();
    const int end = pdf.indexOf(')', valueStart);
    if (end < 0) return Error::internal(QStringLiteral("PDF /CreationDate is not terminated"));
    const int length = end - valueStart;
    const QByteArray base = "D:" + utc.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
    QByteArray value;
    for (const QByteArray suffix :
         {QByteArray("Z"), QByteArray("+00'00'"), QByteArray("+00'00"), QByteArray("")})
        if (base.size() + suffix.size() == length) {
            value = base + suffix;
            break;
        }
    if (value.isEmpty())
        return Error::internal(
            QStringLiteral("PDF /CreationDate has an unexpected form (%1 characters)").arg(length));
    pdf.replace(valueStart, length, value);
    return {};
}

Result<int> setExactMediaBoxes(QByteArray &pdf, const QList<QSizeF> &pages)
{
    static const QRegularExpression re(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
    int page = 0, changed = 0;
    int from = 0;
    const QString text = QString::fromLatin1(pdf);
    while (page < pages.size()) {
        const auto m = re.match(text, from);
        if (!m.hasMatch()) break;
        for (int axis = 0; axis < 2; ++axis) {
            const int pos = int(m.capturedStart(axis + 1));
            const int width = int(m.capturedLength(axis + 1));
            const double exact = axis == 0 ? pages[page].width() : pages[page].height();
            const QByteArray number = numberOfWidth(exact, width);
            if (!number.isEmpty() && pdf.mid(pos, width) != number) {
                pdf.replace(pos, width, number);
                ++changed;
            }
        }
        from = int(m.capturedEnd(0));
        ++page;
    }
    if (page < pages.size())
        return Error::internal(
            QStringLiteral("PDF has %1 page box(es), expected %2").arg(page).arg(pages.size()));
    return changed;
}

} // namespace kw::pdf
