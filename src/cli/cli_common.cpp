// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli_common.h"

#include "core/data/data_provider.h"
#include "core/temporal/time_format.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <cmath>
#include <QFile>
#include <unistd.h>

namespace kw::cli {

int exitCodeFor(const Error &e)
{
    switch (e.kind) {
    case ErrorKind::Usage:
        return Usage;
    case ErrorKind::Output:
        return Output;
    case ErrorKind::Input:
    case ErrorKind::Cancelled:
    case ErrorKind::Internal:
        break;
    }
    return Input;
}

int parseCommand(QCommandLineParser &parser, const QStringList &args, const QString &command,
                 QTextStream &out, QTextStream &err)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(QStringList{QStringLiteral("kartenwerk-cli ") + command} + args)) {
        err << "kartenwerk-cli " << command << ": " << parser.errorText() << "\n";
        return Usage;
    }
    if (parser.isSet(help)) {
        out << parser.helpText();
        return Ok;
    }
    return -1;
}

SourceUri sourceWithLayer(const QString &text)
{
    SourceUri uri = SourceUri::parse(text);
    if (!uri.layerName.isEmpty() || QFileInfo::exists(uri.path)) return uri;
    const qsizetype colon = uri.path.lastIndexOf(QLatin1Char(':'));
    if (colon > 0 && QFileInfo(uri.path.left(colon)).isFile()) {
        uri.layerName = uri.path.mid(colon + 1);
        uri.path = uri.path.left(colon);
    }
    return uri;
}

Result<LoadedLayer> loadLayer(const QString &text, const Crs &targetCrs)
{
    LoadedLayer layer;
    layer.uri = sourceWithLayer(text);
    auto info = DataProviders::inspect(layer.uri);
    if (!info.ok()) return info.error();
    QStringList vectors;
    for (const LayerInfo &l : info->layers)
        if (!l.isRaster) vectors << l.name;
    layer.name = layer.uri.layerName;
    if (layer.name.isEmpty()) {
        if (vectors.isEmpty())
            return Error::input(QStringLiteral("%1 contains no vector layer").arg(layer.uri.path));
        if (vectors.size() > 1)
            return Error::usage(QStringLiteral("%1 has %2 vector layers; name one as %1:LAYER (%3)")
                                    .arg(layer.uri.path)
                                    .arg(vectors.size())
                                    .arg(vectors.join(QStringLiteral(", "))));
        layer.name = vectors.first();
    } else if (!vectors.contains(layer.name)) {
        return Error::input(QStringLiteral("no vector layer named '%1' in %2 (layers: %3)")
                                .arg(layer.name, layer.uri.path, vectors.join(QStringLiteral(", "))));
    }
    LoadOptions options;
    options.targetCrs = targetCrs;
    auto store = DataProviders::loadVector(layer.uri, layer.name, options);
    if (!store.ok()) return store.error();
    layer.store = *store;
    return layer;
}

std::optional<int64_t> parseTime(const QString &text)
{
    return TimeFormat::parseInstant(text, TimeFormat::displayZone());
}

std::optional<QSize> parseSize(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)[xX](\\d+)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch()) return std::nullopt;
    const int w = m.captured(1).toInt(), h = m.captured(2).toInt();
    if (w < 1 || h < 1 || w > 30000 || h > 30000) return std::nullopt;
    return QSize(w, h);
}

QString number(double v)
{
    if (std::isnan(v)) return QStringLiteral("null");
    QString s = QString::number(v, 'f', 6);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.'))) s.chop(1);
    }
    return s == QLatin1String("-0") ? QStringLiteral("0") : s;
}

bool isTerminal(QTextStream &stream)
{
    // main() builds its streams on stdout/stderr (a QFile on descriptor 1 or 2); tests use strings.
    const auto *file = qobject_cast<QFile *>(stream.device());
    return file && file->handle() >= 0 && ::isatty(file->handle()) == 1;
}

} // namespace kw::cli
