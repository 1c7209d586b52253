// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <string>
#include <string_view>
#include <vector>

namespace kw {

/// \brief Splits CSV bytes into records of fields (RFC 4180 quoting) without copying unquoted fields.
///
/// Works on bytes, not characters: the separators, quotes and line ends it looks for are ASCII, which is
/// the same byte in UTF-8 and Windows-1252, so decoding is left to the caller and done only for the cells
/// that end up as text. A quote is special only at the start of a field; `""` inside a quoted field is one
/// quote; quoted fields may span lines. Line ends are LF, CRLF or a lone CR (old Mac Excel).
class CsvReader
{
public:
    /// Reads \a size bytes at \a data, which must outlive the reader.
    CsvReader(const char *data, qsizetype size, char separator);

    /// Reads the next record into \a fields; false at the end of the data. An empty line gives one empty
    /// field. The views point into the data or into the reader and stay valid until the next call.
    bool next(std::vector<std::string_view> &fields);
    /// Byte offset of the next record: progress, and where the data starts after the header.
    qsizetype position() const { return m_pos; }
    void seek(qsizetype pos) { m_pos = pos; }

    /// The separator among ';' ',' TAB '|' that splits the first records into the same number (> 1) of
    /// columns as the header, counted outside quotes; ';' when none does (a one-column file).
    static char detectSeparator(const char *data, qsizetype size);

private:
    struct Span
    {
        size_t offset;
        size_t size;
        bool inScratch;
    };
    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    char m_sep;
    std::string m_scratch; // unescaped quoted fields
    std::vector<Span> m_spans;
};

} // namespace kw
