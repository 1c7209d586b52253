// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/csv/csv_reader.h"

#include <cstring>

namespace kw {

CsvReader::CsvReader(const char *data, qsizetype size, char separator)
    : m_data(data), m_size(size), m_sep(separator)
{
}

bool CsvReader::next(std::vector<std::string_view> &fields)
{
    fields.clear();
    if (m_pos >= m_size)
        return false;
    m_scratch.clear();
    m_spans.clear();
    const char *d = m_data;
    const qsizetype n = m_size;
    const char sep = m_sep;
    qsizetype i = m_pos;
    for (;;) {
        if (i < n && d[i] == '"') {
            // Copied to the scratch buffer only when it must be: "" escapes or text after the closing quote.
            const qsizetype begin = ++i;
            qsizetype end = n;
            bool copied = false;
            const size_t scratchStart = m_scratch.size();
            for (;;) {
                const auto *q = static_cast<const char *>(std::memchr(d + i, '"', size_t(n - i)));
                if (!q) { // unterminated: the rest of the data is the field, as Excel reads it
                    if (copied)
                        m_scratch.append(d + i, size_t(n - i));
                    i = n;
                    break;
                }
                const qsizetype qi = q - d;
                if (qi + 1 < n && d[qi + 1] == '"') {
                    if (!copied)
                        m_scratch.append(d + begin, size_t(i - begin));
                    copied = true;
                    m_scratch.append(d + i, size_t(qi + 1 - i));
                    i = qi + 2;
                    continue;
                }
                if (copied)
                    m_scratch.append(d + i, size_t(qi - i));
                end = qi;
                i = qi + 1;
                break;
            }
            // `"a" b;` is not RFC 4180, but people write it: keep the text after the quote, not lose it.
            const qsizetype tail = i;
            while (i < n && d[i] != sep && d[i] != '\n' && d[i] != '\r')
                ++i;
            if (i > tail) {
                if (!copied)
                    m_scratch.append(d + begin, size_t(end - begin));
                copied = true;
                m_scratch.append(d + tail, size_t(i - tail));
            }
            if (copied)
                m_spans.push_back({scratchStart, m_scratch.size() - scratchStart, true});
            else
                m_spans.push_back({size_t(begin), size_t(end - begin), false});
        } else {
            const qsizetype begin = i;
            while (i < n) {
                const char c = d[i];
                if (c == sep || c == '\n' || c == '\r')
                    break;
                ++i;
            }
            m_spans.push_back({size_t(begin), size_t(i - begin), false});
        }
        if (i < n && d[i] == sep) {
            ++i;
            continue;
        }
        if (i < n && d[i] == '\r') {
            ++i;
            if (i < n && d[i] == '\n')
                ++i;
        } else if (i < n && d[i] == '\n') {
            ++i;
        }
        break;
    }
    m_pos = i;
    fields.reserve(m_spans.size());
    for (const Span &s : m_spans)
        fields.emplace_back((s.inScratch ? m_scratch.data() : d) + s.offset, s.size);
    return true;
}

char CsvReader::detectSeparator(const char *data, qsizetype size)
{
    // The first records decide; a record cut by the sample's end is not counted.
    constexpr qsizetype sampleBytes = 256 * 1024;
    constexpr int sampleRecords = 200;
    const qsizetype sample = std::min(size, sampleBytes);
    const char candidates[] = {';', '\t', ',', '|'}; // ties go to the earlier: ';' is the German default
    char best = ';';
    double bestScore = -1;
    std::vector<std::string_view> fields;
    for (const char sep : candidates) {
        CsvReader reader(data, sample, sep);
        size_t header = 0;
        int rows = 0, matching = 0;
        while (rows < sampleRecords && reader.next(fields)) {
            if (sample < size && reader.position() >= sample)
                break;
            if (fields.size() == 1 && fields[0].empty())
                continue;
            if (header == 0) {
                header = fields.size();
                if (header < 2)
                    break;
                continue;
            }
            ++rows;
            if (fields.size() == header)
                ++matching;
        }
        if (header < 2)
            continue;
        const double score = rows == 0 ? 1.0 : double(matching) / rows;
        if (score > bestScore) {
            bestScore = score;
            best = sep;
        }
    }
    return best;
}

} // namespace kw
