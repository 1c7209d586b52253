// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace kw::text {

/// True if \a data is well-formed UTF-8.
bool isValidUtf8(const char *data, qsizetype size);
inline bool isValidUtf8(const QByteArray &b) { return isValidUtf8(b.constData(), b.size()); }

/// Decodes Windows-1252 (the German Windows default, a superset of Latin-1's printable range).
QString fromWindows1252(const char *data, qsizetype size);
inline QString fromWindows1252(const QByteArray &b) { return fromWindows1252(b.constData(), b.size()); }

/// UTF-8 when valid, else Windows-1252: what municipal files in the wild are.
QString decodeGuess(const char *data, qsizetype size);
inline QString decodeGuess(const QByteArray &b) { return decodeGuess(b.constData(), b.size()); }

} // namespace kw::text
