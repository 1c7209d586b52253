// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/cli_runner.h"
#include "core/data/feature_store.h"
#include "core/data/source_uri.h"
#include "core/util/result.h"

#include <QCommandLineParser>
#include <QSize>
#include <QString>
#include <QTextStream>
#include <cstdint>
#include <optional>

/// Helpers shared by the kartenwerk-cli commands (internal to src/cli).
namespace kw::cli {

/// The exit code for an error of kind \a e.
int exitCodeFor(const Error &e);

/// Parses the options of a sub-command and handles --help; returns -1 when the caller should continue,
/// else the exit code to return.
int parseCommand(QCommandLineParser &parser, const QStringList &args, const QString &command,
                 QTextStream &out, QTextStream &err);

/// The same as parseCommand() (older name, used by some commands).
inline int parse(QCommandLineParser &parser, const QStringList &args, const QString &command, QTextStream &out,
                 QTextStream &err)
{
    return parseCommand(parser, args, command, out, err);
}

/// `sld export|import`: style interchange (sld_command.cpp).
int runSld(const QStringList &args, QTextStream &out, QTextStream &err);

/// A SOURCE with an optional layer, written "SRC[:LAYER]" or "SRC|layername=LAYER": the part after the last
/// ':' is a layer name when what precedes it is an existing file.
SourceUri sourceWithLayer(const QString &text);

/// \brief A vector layer read for a command, with the name it has in its source.
struct LoadedLayer
{
    std::shared_ptr<FeatureStore> store;
    QString name;
    SourceUri uri;
};
/// Loads the vector layer \a text names ("SRC[:LAYER]"); a source with several vector layers needs the
/// layer named (a Usage error lists them). \a targetCrs: invalid keeps the layer's own CRS.
Result<LoadedLayer> loadLayer(const QString &text, const Crs &targetCrs = Crs());

/// An ISO 8601 time for --from/--to; text without an offset is local time in Europe/Berlin.
std::optional<int64_t> parseTime(const QString &text);

/// "WxH" with 1..30000 each.
std::optional<QSize> parseSize(const QString &text);

/// Machine-readable number: C digits, up to 6 decimals, no trailing zeros.
QString number(double v);

/// True when \a stream writes to a terminal (progress bars only there: never into logs or pipes).
bool isTerminal(QTextStream &stream);

} // namespace kw::cli
