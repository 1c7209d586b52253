// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layers/layer_factory.h"
#include "core/layers/raster_layer.h"
#include "core/layers/vector_layer.h"
#include "core/style/feature_renderer.h"
#include "core/render/map_settings.h"
#include "core/render/render_job.h"
#include "core/style/color_ramp.h"
#include "support/render_checker.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace kw;
using kw::test::ImageTolerance;
using kw::test::RenderChecker;

namespace {

/// A pixel probe of a case: the colour the map must show at a point, whatever expected.png says. Probes
/// keep a wrong render from being approved by the update mode.
struct Probe
{
    QPointF pixel;
    QColor color;
    int tolerance = 0;
    QString note;
};

/// \brief One render case read from its case.json: map settings with loaded layers, tolerance, probes.
struct RenderCase
{
    QString id;
    MapSettings settings;
    ImageTolerance tolerance;
    QList<Probe> probes;
};

/// Keys a JSON object may have; anything else is reported (typos must not silently drop a setting).
bool onlyKeys(const QJsonObject &o, const QStringList &allowed, const QString &where, QString *error)
{
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!allowed.contains(it.key())) {
            *error = QStringLiteral("%1: unknown key '%2' (known: %3)").arg(where, it.key(), allowed.join(QStringLiteral(", ")));
            return false;
        }
    return true;
}

QColor parseColor(const QJsonValue &v, bool *ok)
{
    const QString s = v.toString();
    if (s == QLatin1String("none") || s == QLatin1String("transparent")) {
        *ok = true;
        return Qt::transparent;
    }
    const QColor c = QColor::fromString(s);
    *ok = c.isValid();
    return c;
}

/// "shared:x" is ../shared/data/x, "test:x" is tests/data/x, anything else is relative to the case folder.
/// A '|layername=…' suffix is kept.
QString resolveSource(const QString &source, const QString &caseDir)
{
    const int bar = source.indexOf(QLatin1Char('|'));
    const QString path = bar < 0 ? source : source.left(bar);
    const QString rest = bar < 0 ? QString() : source.mid(bar);
    QString resolved;
    if (path.startsWith(QLatin1String("shared:")))
        resolved = kw::test::sharedData(path.mid(7));
    else if (path.startsWith(QLatin1String("test:")))
        resolved = kw::test::testData(path.mid(5));
    else
        resolved = QDir(caseDir).absoluteFilePath(path);
    return QDir::cleanPath(resolved) + rest;
}

bool applySymbol(const QJsonObject &o, Symbol &s, QString *error)
{
    if (!onlyKeys(o,
                  {QStringLiteral("fill"), QStringLiteral("stroke"), QStringLiteral("width"), QStringLiteral("width_unit"),
                   QStringLiteral("dash"), QStringLiteral("marker"), QStringLiteral("marker_size"),
                   QStringLiteral("marker_unit"), QStringLiteral("opacity")},
                  QStringLiteral("symbol"), error))
        return false;
    bool ok = true;
    if (o.contains(QLatin1String("fill")))
        s.fillColor = parseColor(o[QLatin1String("fill")], &ok);
    if (ok && o.contains(QLatin1String("stroke"))) {
        s.strokeColor = parseColor(o[QLatin1String("stroke")], &ok);
        if (s.strokeColor.alpha() == 0)
            s.strokeStyle = Qt::NoPen;
    }
    if (!ok) {
        *error = QStringLiteral("symbol: invalid colour");
        return false;
    }
    if (o.contains(QLatin1String("width")))
        s.strokeWidth = o[QLatin1String("width")].toDouble(-1);
    if (o.contains(QLatin1String("width_unit")))
        s.strokeUnit = Symbol::unitFromName(o[QLatin1String("width_unit")].toString(), &ok);
    if (ok && o.contains(QLatin1String("marker")))
        s.markerShape = Symbol::shapeFromName(o[QLatin1String("marker")].toString(), &ok);
    if (ok && o.contains(QLatin1String("marker_unit")))
        s.markerUnit = Symbol::unitFromName(o[QLatin1String("marker_unit")].toString(), &ok);
    if (o.contains(QLatin1String("marker_size")))
        s.markerSize = o[QLatin1String("marker_size")].toDouble(-1);
    if (o.contains(QLatin1String("opacity")))
        s.opacity = o[QLatin1String("opacity")].toDouble(-1);
    if (o.contains(QLatin1String("dash"))) {
        s.dashPattern.clear();
        for (const QJsonValue &v : o[QLatin1String("dash")].toArray())
            s.dashPattern << v.toDouble(-1);
        if (s.dashPattern.size() % 2 || std::any_of(s.dashPattern.begin(), s.dashPattern.end(), [](qreal d) { return d <= 0; }))
            ok = false;
    }
    if (!ok || s.strokeWidth < 0 || s.markerSize < 0 || s.opacity < 0 || s.opacity > 1) {
        *error = QStringLiteral("symbol: invalid unit, marker, dash pattern or number");
        return false;
    }
    return true;
}

bool applyRasterStyle(const QJsonObject &o, RasterStyle &s, QString *error)
{
    if (!onlyKeys(o, {QStringLiteral("ramp"), QStringLiteral("invert"), QStringLiteral("min"), QStringLiteral("max"),
                      QStringLiteral("nearest")},
                  QStringLiteral("raster"), error))
        return false;
    if (o.contains(QLatin1String("ramp"))) {
        bool known = false;
        s.ramp = o[QLatin1String("ramp")].toString();
        ColorRamp::named(s.ramp, &known);
        if (!known) {
            *error = QStringLiteral("raster: unknown ramp '%1'").arg(s.ramp);
            return false;
        }
    }
    s.invertRamp = o[QLatin1String("invert")].toBool(s.invertRamp);
    s.nearest = o[QLatin1String("nearest")].toBool(s.nearest);
    if (o.contains(QLatin1String("min")))
        s.min = o[QLatin1String("min")].toDouble();
    if (o.contains(QLatin1String("max")))
        s.max = o[QLatin1String("max")].toDouble();
    return true;
}

/// Reads a case folder's case.json and loads its layers; on failure returns false with \a error.
bool loadCase(const QString &id, const QString &dir, RenderCase &c, QString *error)
{
    QFile file(dir + QStringLiteral("/case.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(file.fileName());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("%1: %2 at offset %3").arg(file.fileName(), parseError.errorString()).arg(parseError.offset);
        return false;
    }
    const QJsonObject root = doc.object();
    if (!onlyKeys(root,
                  {QStringLiteral("description"), QStringLiteral("crs"), QStringLiteral("extent"), QStringLiteral("size"),
                   QStringLiteral("dpi"), QStringLiteral("background"), QStringLiteral("layers"),
                   QStringLiteral("tolerance"), QStringLiteral("probes")},
                  QStringLiteral("case.json"), error))
        return false;
    c.id = id;

    auto crs = Crs::fromUserInput(root[QLatin1String("crs")].toString());
    if (!crs.ok()) {
        *error = QStringLiteral("crs: ") + crs.error().message;
        return false;
    }
    c.settings.setCrs(*crs);
    const QJsonArray extent = root[QLatin1String("extent")].toArray();
    if (extent.size() != 4) {
        *error = QStringLiteral("extent: expected [xmin, ymin, xmax, ymax]");
        return false;
    }
    c.settings.setExtent(Envelope(extent[0].toDouble(), extent[1].toDouble(), extent[2].toDouble(), extent[3].toDouble()));
    const QJsonArray size = root[QLatin1String("size")].toArray({400, 300});
    c.settings.setOutputSize(QSize(size[0].toInt(), size[1].toInt()));
    c.settings.setDpi(root[QLatin1String("dpi")].toDouble(96));
    bool colorOk = true;
    c.settings.setBackground(root.contains(QLatin1String("background"))
                                 ? parseColor(root[QLatin1String("background")], &colorOk)
                                 : QColor(Qt::white));
    if (!colorOk || !c.settings.isValid()) {
        *error = QStringLiteral("invalid background, size or extent");
        return false;
    }

    QString toleranceError;
    c.tolerance = ImageTolerance::fromJson(root[QLatin1String("tolerance")].toObject(), &toleranceError);
    if (!toleranceError.isEmpty()) {
        *error = toleranceError;
        return false;
    }

    QList<std::shared_ptr<Layer>> layers;
    int index = 0;
    for (const QJsonValue &lv : root[QLatin1String("layers")].toArray()) {
        const QJsonObject lo = lv.toObject();
        if (!onlyKeys(lo, {QStringLiteral("source"), QStringLiteral("layer"), QStringLiteral("opacity"),
                           QStringLiteral("symbol"), QStringLiteral("raster"), QStringLiteral("style"),
                           QStringLiteral("labels"), QStringLiteral("filter")},
                      QStringLiteral("layers[%1]").arg(index), error))
            return false;
        const SourceUri uri = SourceUri::parse(resolveSource(lo[QLatin1String("source")].toString(), dir));
        const QString layerName = lo[QLatin1String("layer")].toString();
        auto created = LayerFactory::fromSource(uri, layerName.isEmpty() ? QStringList() : QStringList{layerName});
        if (!created.ok()) {
            *error = created.error().message;
            return false;
        }
        if (created->size() != 1) {
            *error = QStringLiteral("%1 holds %2 layers: name one with \"layer\"").arg(uri.path).arg(created->size());
            return false;
        }
        std::shared_ptr<Layer> layer = created->first();
        if (layer->kind() == Layer::Kind::Vector)
            static_cast<VectorLayer &>(*layer).setDefaultStyleIndex(index);
        if (Status st = layer->load(c.settings.crs()); !st.ok()) {
            *error = st.error().message;
            return false;
        }
        layer->setOpacity(lo[QLatin1String("opacity")].toDouble(1.0));
        if (layer->kind() == Layer::Kind::Vector) {
            auto &vector = static_cast<VectorLayer &>(*layer);
            // Overrides start from the default symbol the layer chose for its geometry type.
            Symbol symbol = vector.symbol();
            if (!applySymbol(lo[QLatin1String("symbol")].toObject(), symbol, error))
                return false;
            vector.setSymbol(symbol);
            // "style", "labels" and "filter" take the project file's format (resources/schema).
            if (lo.contains(QLatin1String("style"))) {
                auto renderer = FeatureRenderer::fromJson(lo[QLatin1String("style")].toObject());
                if (!renderer.ok()) {
                    *error = QStringLiteral("style: ") + renderer.error().message;
                    return false;
                }
                vector.setRenderer(std::move(*renderer));
            }
            if (lo.contains(QLatin1String("labels"))) {
                auto labels = LabelSettings::fromJson(lo[QLatin1String("labels")].toObject());
                if (!labels.ok()) {
                    *error = QStringLiteral("labels: ") + labels.error().message;
                    return false;
                }
                vector.setLabels(*labels);
            }
            if (lo.contains(QLatin1String("filter"))) {
                if (Status st = vector.setFilter(lo[QLatin1String("filter")].toString()); !st.ok()) {
                    *error = st.error().message;
                    return false;
                }
            }
        } else {
            auto &raster = static_cast<RasterLayer &>(*layer);
            RasterStyle style = raster.style();
            if (!applyRasterStyle(lo[QLatin1String("raster")].toObject(), style, error))
                return false;
            raster.setStyle(style);
        }
        layers << layer;
        ++index;
    }
    if (layers.isEmpty()) {
        *error = QStringLiteral("no layers");
        return false;
    }
    c.settings.setLayers(layers);

    for (const QJsonValue &pv : root[QLatin1String("probes")].toArray()) {
        const QJsonObject po = pv.toObject();
        if (!onlyKeys(po, {QStringLiteral("map"), QStringLiteral("pixel"), QStringLiteral("color"),
                           QStringLiteral("tolerance"), QStringLiteral("note")},
                      QStringLiteral("probes"), error))
            return false;
        Probe p;
        if (po.contains(QLatin1String("map"))) {
            const QJsonArray m = po[QLatin1String("map")].toArray();
            p.pixel = c.settings.toPixel(m[0].toDouble(), m[1].toDouble());
        } else {
            const QJsonArray px = po[QLatin1String("pixel")].toArray();
            p.pixel = QPointF(px[0].toDouble() + 0.5, px[1].toDouble() + 0.5);
        }
        bool ok = false;
        p.color = parseColor(po[QLatin1String("color")], &ok);
        p.tolerance = po[QLatin1String("tolerance")].toInt(0);
        p.note = po[QLatin1String("note")].toString();
        if (!ok) {
            *error = QStringLiteral("probe '%1': invalid colour").arg(p.note);
            return false;
        }
        c.probes << p;
    }
    return true;
}

QString colorName(const QColor &c)
{
    return c.alpha() == 255 ? c.name(QColor::HexRgb) : c.name(QColor::HexArgb);
}

} // namespace

/// \brief Renders every case folder under tests/render/cases and compares it with its expected.png.
///
/// A case folder <area>/<case>/ holds case.json (sources, map CRS, extent, size, dpi, background, symbol
/// and raster style overrides, tolerance and pixel probes; see tests/render/README.md) and expected.png.
class TestRenderCases : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Without cases the data-driven test would pass vacuously.
        QVERIFY2(!caseIds().isEmpty(), qPrintable(RenderChecker().casesDir()));
    }

    void renderCase_data()
    {
        QTest::addColumn<QString>("caseId");
        for (const QString &id : caseIds())
            QTest::newRow(qPrintable(id)) << id;
    }
    void renderCase()
    {
        QFETCH(QString, caseId);
        const RenderChecker checker;
        RenderCase c;
        QString error;
        QVERIFY2(loadCase(caseId, checker.caseDir(caseId), c, &error), qPrintable(caseId + QStringLiteral(": ") + error));

        QStringList layerErrors;
        const QImage image = ParallelRenderJob::renderImage(c.settings, &layerErrors);
        QVERIFY2(layerErrors.isEmpty(), qPrintable(layerErrors.join(QStringLiteral("; "))));
        QCOMPARE(image.size(), c.settings.outputSize());

        // Probes first: they state what the map must show, independently of the approved image.
        const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
        QStringList failed;
        for (const Probe &p : std::as_const(c.probes)) {
            const QPoint at(int(std::floor(p.pixel.x())), int(std::floor(p.pixel.y())));
            if (!argb.rect().contains(at)) {
                failed << QStringLiteral("probe '%1' at %2,%3 lies outside the image").arg(p.note).arg(at.x()).arg(at.y());
                continue;
            }
            const QColor got = argb.pixelColor(at);
            const int diff = std::max({std::abs(got.red() - p.color.red()), std::abs(got.green() - p.color.green()),
                                       std::abs(got.blue() - p.color.blue()), std::abs(got.alpha() - p.color.alpha())});
            if (diff > p.tolerance)
                failed << QStringLiteral("probe '%1' at pixel %2,%3: got %4, expected %5 (+-%6)")
                              .arg(p.note)
                              .arg(at.x())
                              .arg(at.y())
                              .arg(colorName(got), colorName(p.color))
                              .arg(p.tolerance);
        }
        if (!failed.isEmpty()) {
            // Keep the render for inspection, as the image comparison does.
            const QString out = checker.outputDir(caseId);
            QDir().mkpath(out);
            image.save(out + QStringLiteral("/actual.png"));
            QFAIL(qPrintable(caseId + QStringLiteral(": ") + failed.join(QStringLiteral("; ")) +
                             QStringLiteral("; wrote ") + out + QStringLiteral("/actual.png")));
        }

        const RenderChecker::Outcome outcome = checker.check(caseId, image, c.tolerance);
        if (outcome.updated)
            qInfo("%s", qPrintable(outcome.message));
        QVERIFY2(outcome.passed, qPrintable(outcome.message));
    }

private:
    static QStringList caseIds()
    {
        QStringList ids;
        const QDir root(RenderChecker().casesDir());
        for (const QString &area : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            for (const QString &name : QDir(root.filePath(area)).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
                if (QFile::exists(root.filePath(area + QLatin1Char('/') + name + QStringLiteral("/case.json"))))
                    ids << area + QLatin1Char('/') + name;
        return ids;
    }
};

QTEST_MAIN(TestRenderCases)
#include "test_render_cases.moc"
