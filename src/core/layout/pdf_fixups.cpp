// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/pdf_fixups.h"

#include <QRegularExpression>

#include <algorithm>
#include <vector>

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

/// \a n bytes of \a v from \a pos, clamped (QByteArrayView has no mid() in Qt 6.4).
QByteArrayView sub(QByteArrayView v, qsizetype pos, qsizetype n = -1)
{
    pos = std::clamp<qsizetype>(pos, 0, v.size());
    if (n < 0 || pos + n > v.size()) n = v.size() - pos;
    return v.sliced(pos, n);
}

/// One QPdfWriter document: its objects' text by number (from "N 0 obj" to before the next object).
struct Parsed
{
    QByteArray header; ///< up to the first object ("%PDF-1.4" and the binary comment)
    int size = 0;      ///< the trailer's /Size: objects are numbered 1 .. size - 1
    int root = 0, info = 0;
    std::vector<QByteArrayView> objects; ///< by number; empty for free entries
};

int trailerRef(QByteArrayView trailer, QByteArrayView key)
{
    const qsizetype i = trailer.indexOf(key);
    if (i < 0) return 0;
    return sub(trailer, i + key.size(), 24).toByteArray().simplified().split(' ').value(0).toInt();
}

Result<Parsed> parse(const QByteArray &pdf)
{
    Parsed out;
    const qsizetype sx = pdf.lastIndexOf("startxref");
    if (sx < 0) return Error::internal(QStringLiteral("PDF without startxref"));
    const qsizetype xref = QByteArray(pdf.mid(sx + 9, 24)).trimmed().split('\n').value(0).trimmed().toLongLong();
    if (xref <= 0 || xref >= pdf.size() || !pdf.mid(xref).startsWith("xref"))
        return Error::internal(QStringLiteral("PDF without a classic cross-reference table"));
    const qsizetype trailerAt = pdf.indexOf("trailer", xref);
    if (trailerAt < 0) return Error::internal(QStringLiteral("PDF without trailer"));
    const QByteArrayView trailer = sub(QByteArrayView(pdf), trailerAt, sx - trailerAt);
    out.size = trailerRef(trailer, "/Size");
    out.root = trailerRef(trailer, "/Root");
    out.info = trailerRef(trailer, "/Info");
    if (out.size < 2 || out.root <= 0 || out.root >= out.size)
        return Error::internal(QStringLiteral("PDF trailer without /Size or /Root"));
    // Entries: "0000000015 00000 n" lines after the "0 N" subsection header.
    const QList<QByteArray> lines = pdf.mid(xref, trailerAt - xref).split('\n');
    std::vector<qsizetype> offsets(size_t(out.size), -1);
    int next = -1;
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        const QList<QByteArray> f = line.split(' ');
        if (line == "xref" || line.isEmpty()) continue;
        if (f.size() == 2) { // subsection: first number, count
            next = f[0].toInt();
            continue;
        }
        if (f.size() == 3 && next >= 0 && next < out.size) {
            if (f[2] == "n") offsets[size_t(next)] = f[0].toLongLong();
            ++next;
        }
    }
    std::vector<std::pair<qsizetype, int>> order;
    for (int k = 1; k < out.size; ++k)
        if (offsets[size_t(k)] > 0) order.emplace_back(offsets[size_t(k)], k);
    if (order.empty()) return Error::internal(QStringLiteral("PDF without objects"));
    std::sort(order.begin(), order.end());
    out.header = pdf.left(order.front().first);
    out.objects.assign(size_t(out.size), QByteArrayView());
    for (size_t i = 0; i < order.size(); ++i) {
        const qsizetype begin = order[i].first, end = i + 1 < order.size() ? order[i + 1].first : xref;
        out.objects[size_t(order[i].second)] = sub(QByteArrayView(pdf), begin, end - begin);
    }
    return out;
}

/// The object's dictionary part (before "stream", the whole object when it has none).
qsizetype dictionaryEnd(QByteArrayView object)
{
    const qsizetype s = object.indexOf(">>\nstream");
    return s < 0 ? object.size() : s + 2;
}

/// Adds \a shift to every "N 0 obj" and "N 0 R" in \a text.
QByteArray renumbered(QByteArrayView text, int shift)
{
    static const QRegularExpression re(QStringLiteral("(\\d+) 0 (R|obj)"));
    const QString s = QString::fromLatin1(text);
    QByteArray out;
    out.reserve(text.size() + 64);
    qsizetype at = 0;
    for (auto it = re.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        out += sub(text, at, m.capturedStart() - at).toByteArray();
        out += QByteArray::number(m.captured(1).toInt() + shift) + " 0 " + m.captured(2).toLatin1();
        at = m.capturedEnd();
    }
    out += sub(text, at).toByteArray();
    return out;
}

/// The number N of "KEY N 0 R" in \a dictionary, 0 if missing.
int refIn(QByteArrayView dictionary, QByteArrayView key)
{
    const qsizetype i = dictionary.indexOf(key);
    if (i < 0) return 0;
    return sub(dictionary, i + key.size(), 16).toByteArray().simplified().split(' ').value(0).toInt();
}

} // namespace

Result<QByteArray> mergeDocuments(const QList<QByteArray> &documents)
{
    if (documents.isEmpty()) return Error::internal(QStringLiteral("no PDF to merge"));
    if (documents.size() == 1) return documents.front();
    std::vector<Parsed> parts;
    for (const QByteArray &d : documents) {
        auto p = parse(d);
        if (!p.ok()) return p.error();
        parts.push_back(std::move(*p));
    }
    int total = 0;
    for (const Parsed &p : parts) total += p.size - 1;
    const int pagesId = total + 1, catalogId = total + 2;

    QByteArray out = parts.front().header;
    std::vector<qsizetype> offsets(size_t(catalogId + 1), -1);
    QByteArray kids;
    int pageCount = 0, shift = 0, infoId = 0;
    QByteArray catalog;
    for (size_t d = 0; d < parts.size(); ++d) {
        const Parsed &p = parts[d];
        const QByteArrayView rootObj = p.objects[size_t(p.root)];
        const int pagesRoot = refIn(sub(rootObj, 0, dictionaryEnd(rootObj)), "/Pages");
        if (pagesRoot <= 0 || pagesRoot >= p.size || p.objects[size_t(pagesRoot)].isEmpty())
            return Error::internal(QStringLiteral("PDF part %1 has no page tree").arg(d + 1));
        // The kids of the (flat) page tree, in order.
        const QByteArrayView pagesObj = p.objects[size_t(pagesRoot)];
        const qsizetype k0 = pagesObj.indexOf("/Kids"), k1 = pagesObj.indexOf(']', k0);
        if (k0 < 0 || k1 < 0) return Error::internal(QStringLiteral("PDF part %1: page tree without /Kids").arg(d + 1));
        QList<int> pageIds;
        const QList<QByteArray> refs = sub(pagesObj, k0 + 5, k1 - k0 - 5).toByteArray().replace('[', ' ').simplified().split(' ');
        for (qsizetype i = 0; i + 2 < refs.size(); i += 3)
            if (refs[i + 2] == "R") pageIds << refs[i].toInt();
        if (d == 0) {
            catalog = renumbered(rootObj, shift);
            infoId = p.info > 0 ? p.info + shift : 0;
        }
        for (int k = 1; k < p.size; ++k) {
            const QByteArrayView obj = p.objects[size_t(k)];
            // Every part's catalog and page tree are replaced by one; later parts' info dictionaries dropped.
            if (obj.isEmpty() || k == p.root || k == pagesRoot || (d > 0 && k == p.info)) continue;
            const qsizetype dict = dictionaryEnd(obj);
            QByteArray head = renumbered(sub(obj, 0, dict), shift);
            if (pageIds.contains(k)) {
                const QByteArray oldParent = "/Parent " + QByteArray::number(pagesRoot + shift) + " 0 R";
                head.replace(oldParent, "/Parent " + QByteArray::number(pagesId) + " 0 R");
            }
            offsets[size_t(k + shift)] = out.size();
            out += head;
            out += sub(obj, dict).toByteArray();
        }
        for (int id : std::as_const(pageIds)) kids += QByteArray::number(id + shift) + " 0 R ";
        pageCount += int(pageIds.size());
        shift += p.size - 1;
    }
    offsets[size_t(pagesId)] = out.size();
    out += QByteArray::number(pagesId) + " 0 obj\n<<\n/Type /Pages\n/Kids [" + kids.trimmed() + "]\n/Count " +
           QByteArray::number(pageCount) + "\n>>\nendobj\n";
    // The first part's catalog, pointing at the new page tree.
    {
        const qsizetype hdrEnd = catalog.indexOf("obj") + 3;
        QByteArray body = catalog.mid(hdrEnd);
        static const QRegularExpression pagesRef(QStringLiteral("/Pages \\d+ 0 R"));
        body = QString::fromLatin1(body)
                   .replace(pagesRef, QStringLiteral("/Pages %1 0 R").arg(pagesId))
                   .toLatin1();
        offsets[size_t(catalogId)] = out.size();
        out += QByteArray::number(catalogId) + " 0 obj" + body;
        if (!out.endsWith('\n')) out += '\n';
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(catalogId + 1) + "\n0000000000 65535 f \n";
    for (int k = 1; k <= catalogId; ++k) {
        if (offsets[size_t(k)] < 0)
            out += "0000000000 65535 f \n";
        else
            out += QByteArray::number(offsets[size_t(k)]).rightJustified(10, '0') + " 00000 n \n";
    }
    out += "trailer\n<<\n/Size " + QByteArray::number(catalogId + 1) + "\n";
    if (infoId > 0) out += "/Info " + QByteArray::number(infoId) + " 0 R\n";
    out += "/Root " + QByteArray::number(catalogId) + " 0 R\n>>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

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
