// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli_common.h"

#include "core/layers/vector_layer.h"
#include "core/project/project.h"
#include "core/style/sld.h"

#include <QFile>
#include <QSaveFile>

namespace kw::cli {

namespace {

std::shared_ptr<VectorLayer> findLayer(const Project &project, const QString &name)
{
    for (const auto &l : project.layers())
        if ((l->name() == name || l->id() == name) && l->kind() == Layer::Kind::Vector)
            return std::static_pointer_cast<VectorLayer>(l);
    return nullptr;
}

QString vectorLayerNames(const Project &project)
{
    QStringList names;
    for (const auto &l : project.layers())
        if (l->kind() == Layer::Kind::Vector)
            names << l->name();
    return names.join(QStringLiteral(", "));
}

} // namespace

int runSld(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Exchange a layer's style with GeoServer, QGIS and other OGC software.\n"
        "  sld export PROJECT --layer NAME -o OUT.sld [--sld-version 1.0|1.1]\n"
        "  sld import PROJECT --layer NAME STYLE.sld [-o OUT.kwproj]   (default: update PROJECT in place)\n"
        "What SLD cannot express (or Kartenwerk cannot read) is listed on stderr."));
    parser.addPositionalArgument(QStringLiteral("export|import"), QStringLiteral("Direction."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("A .kwproj project."));
    const QCommandLineOption layer(QStringLiteral("layer"), QStringLiteral("Layer name or id."), QStringLiteral("NAME"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Output file."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption version(QStringLiteral("sld-version"),
                                     QStringLiteral("1.0 (SLD 1.0) or 1.1 (SLD 1.1 with SE 1.1, default)."),
                                     QStringLiteral("V"), QStringLiteral("1.1"));
    parser.addOptions({layer, output, version});
    if (int code = parse(parser, args, QStringLiteral("sld"), out, err); code >= 0)
        return code;
    const auto fail = [&](int code, const QString &message) {
        err << "kartenwerk-cli sld: " << message << "\n";
        return code;
    };
    const QStringList pos = parser.positionalArguments();
    if (pos.size() < 2 || (pos[0] != QLatin1String("export") && pos[0] != QLatin1String("import")))
        return fail(Usage, QStringLiteral("expected 'export PROJECT' or 'import PROJECT STYLE.sld' (see --help)"));
    if (!parser.isSet(layer))
        return fail(Usage, QStringLiteral("--layer is required"));
    const QString projectPath = pos[1];
    auto project = Project::read(projectPath);
    if (!project.ok())
        return fail(Input, project.error().message);
    auto target = findLayer(**project, parser.value(layer));
    if (!target)
        return fail(Input, QStringLiteral("%1: no vector layer '%2' (layers: %3)")
                               .arg(projectPath, parser.value(layer), vectorLayerNames(**project)));
    QStringList report;

    if (pos[0] == QLatin1String("export")) {
        if (pos.size() != 2)
            return fail(Usage, QStringLiteral("export takes no further arguments"));
        if (!parser.isSet(output))
            return fail(Usage, QStringLiteral("no output file given (-o OUT.sld)"));
        const QString v = parser.value(version);
        if (v != QLatin1String("1.0") && v != QLatin1String("1.1"))
            return fail(Usage, QStringLiteral("invalid --sld-version '%1' (1.0 or 1.1)").arg(v));
        // The geometry type decides the symbolizer: load the layer (a broken layer cannot be exported).
        if (Status st = target->load((*project)->crs()); !st.ok())
            return fail(Input, st.error().message);
        const QByteArray xml = Sld::write(target->name(), target->renderer(), target->labels(),
                                          target->store()->family(), v == QLatin1String("1.0") ? Sld::Version::Sld10
                                                                                                : Sld::Version::Se11,
                                          &report);
        QSaveFile file(parser.value(output));
        if (!file.open(QIODevice::WriteOnly) || file.write(xml) != xml.size() || !file.commit())
            return fail(Output, QStringLiteral("%1: cannot write: %2").arg(parser.value(output), file.errorString()));
        for (const QString &r : report)
            err << "not converted: " << r << "\n";
        out << "wrote " << parser.value(output) << "\n";
        return Ok;
    }

    if (pos.size() != 3)
        return fail(Usage, QStringLiteral("import needs the SLD file: sld import PROJECT STYLE.sld --layer NAME"));
    QFile file(pos[2]);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Input, QStringLiteral("%1: cannot read: %2").arg(pos[2], file.errorString()));
    auto style = Sld::read(file.readAll(), &report);
    if (!style.ok())
        return fail(Input, QStringLiteral("%1: %2").arg(pos[2], style.error().message));
    target->setRenderer(std::move(style->renderer));
    if (style->labels.enabled)
        target->setLabels(style->labels);
    const QString destination = parser.isSet(output) ? parser.value(output) : projectPath;
    if (Status st = (*project)->write(destination); !st.ok())
        return fail(Output, st.error().message);
    for (const QString &r : report)
        err << "not converted: " << r << "\n";
    out << "wrote " << destination << "\n";
    return Ok;
}

} // namespace kw::cli
