// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace kw::cli {

/// `kartenwerk-cli export PROJECT --layout NAME -o OUT`: one print layout to PDF, SVG, PNG, JPEG or TIFF.
int runExport(const QStringList &args, QTextStream &out, QTextStream &err);
/// `kartenwerk-cli atlas PROJECT --layout NAME -o 'DIR/{name}.pdf' | -o ALL.pdf [--jobs N] [--shard K/N]`.
int runAtlas(const QStringList &args, QTextStream &out, QTextStream &err);
/// `kartenwerk-cli check PROJECT`: what would make an export fail or look different.
int runCheck(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace kw::cli
