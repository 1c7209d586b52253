// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <string_view>

namespace kw {

/// \brief A CSV file in memory, checked to be text, with its encoding, separator and header found.
///
/// The bytes stay as they are on disk (UTF-8 or Windows-1252; UTF-16 files, as Excel's "Unicode text"
/// writes them, are converted to UTF-8 once) and only cells that become text are decoded.
class CsvFile
{
public:
    /// Reads and checks \a path; errors name the file and the problem.
    static Result<CsvFile> open(const QString &path);

    const QString &path() const { return m_path; }
    /// The text after any byte order mark.
    const char *data() const { return m_bytes.constData() + m_begin; }
    qsizetype size() const { return m_bytes.size() - m_begin; }
    bool isUtf8() const { return m_utf8; }
    char separator() const { return m_separator; }
    /// Column names: trimmed, never empty ("field_3" for a nameless third column), unique.
    const QStringList &header() const { return m_header; }
    /// Which header names were empty in the file (a trailing separator gives one).
    const QList<bool> &unnamed() const { return m_unnamed; }
    /// Offset in data() of the first record after the header.
    qsizetype dataStart() const { return m_dataStart; }
    /// Decodes cell bytes in the file's encoding.
    QString decode(std::string_view bytes) const;

private:
    QString m_path;
    QByteArray m_bytes;
    qsizetype m_begin = 0;
    bool m_utf8 = true;
    char m_separator = ';';
    QStringList m_header;
    QList<bool> m_unnamed;
    qsizetype m_dataStart = 0;
};

} // namespace kw
