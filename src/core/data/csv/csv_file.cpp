// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/csv/csv_file.h"

#include "core/data/csv/csv_cell.h"
#include "core/data/csv/csv_reader.h"
#include "core/util/text_codec.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringDecoder>

#include <cstring>
#include <vector>

namespace kw {

QString CsvFile::decode(std::string_view bytes) const
{
    return m_utf8 ? QString::fromUtf8(bytes.data(), qsizetype(bytes.size()))
                  : text::fromWindows1252(bytes.data(), qsizetype(bytes.size()));
}

Result<CsvFile> CsvFile::open(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error::input(QStringLiteral("%1: no such file or directory").arg(path));
    if (info.isDir())
        return Error::input(QStringLiteral("%1: is a directory, not a CSV file").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::input(QStringLiteral("%1: cannot be read (%2)").arg(path, file.errorString()));
    CsvFile f;
    f.m_path = path;
    f.m_bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error::input(QStringLiteral("%1: cannot be read (%2)").arg(path, file.errorString()));

    if (f.m_bytes.startsWith("\xEF\xBB\xBF")) {
        f.m_begin = 3;
    } else if (f.m_bytes.startsWith("\xFF\xFE") || f.m_bytes.startsWith("\xFE\xFF")) {
        // Excel's "Unicode text" export: converted once, so the reader only sees ASCII-compatible text.
        QStringDecoder decoder(f.m_bytes.startsWith("\xFF\xFE") ? QStringConverter::Utf16LE
                                                                : QStringConverter::Utf16BE);
        const QString text = decoder.decode(QByteArrayView(f.m_bytes).sliced(2));
        if (decoder.hasError())
            return Error::input(QStringLiteral("%1: broken UTF-16 text").arg(path));
        f.m_bytes = text.toUtf8();
    }
    if (f.size() == 0)
        return Error::input(QStringLiteral("%1: empty file (a CSV file needs a header row)").arg(path));
    if (const void *nul = std::memchr(f.data(), 0, size_t(f.size())))
        return Error::input(QStringLiteral("%1: binary data, not CSV text (NUL byte at offset %2)")
                                .arg(path)
                                .arg(static_cast<const char *>(nul) - f.data() + f.m_begin));
    f.m_utf8 = text::isValidUtf8(f.data(), f.size());

    qsizetype start = 0;
    const std::string_view text(f.data(), size_t(f.size()));
    // Excel reads and writes a first line "sep=;" naming the separator.
    if (text.size() >= 5 && text.substr(0, 4) == "sep=" &&
        (text.size() == 5 || text[5] == '\n' || text[5] == '\r')) {
        f.m_separator = text[4];
        start = text.size() > 5 && text[5] == '\r' && text.size() > 6 && text[6] == '\n' ? 7 : 6;
        start = std::min(start, f.size());
    } else {
        f.m_separator = CsvReader::detectSeparator(f.data(), f.size());
    }

    CsvReader reader(f.data() + start, f.size() - start, f.m_separator);
    std::vector<std::string_view> fields;
    bool found = false;
    while (reader.next(fields))
        if (!csv::trimRecord(fields)) {
            found = true;
            break;
        }
    if (!found)
        return Error::input(QStringLiteral("%1: empty file (no header row)").arg(path));
    QSet<QString> seen;
    for (size_t i = 0; i < fields.size(); ++i) {
        QString name = f.decode(fields[i]).trimmed();
        f.m_unnamed << name.isEmpty();
        if (name.isEmpty())
            name = QStringLiteral("field_%1").arg(i + 1);
        const QString base = name;
        for (int k = 2; seen.contains(name.toLower()); ++k)
            name = QStringLiteral("%1_%2").arg(base).arg(k);
        seen.insert(name.toLower());
        f.m_header << name;
    }
    f.m_dataStart = start + reader.position();
    return f;
}

} // namespace kw
