// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/style/thematic_renderers.h"

#include "core/style/classification.h"
#include "core/style/color_ramp.h"
#include "core/style/symbol_json.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <map>

namespace kw {

namespace {

Status fieldColumn(const Fields &fields, const QString &name, int &column)
{
    column = -1;
    for (int i = 0; i < fields.size(); ++i)
        if (fields[i].name == name)
            column = i;
    if (column < 0)
        for (int i = 0; i < fields.size(); ++i)
            if (fields[i].name.compare(name, Qt::CaseInsensitive) == 0)
                column = i;
    if (column < 0)
        return Error::input(QStringLiteral("unknown field '%1'").arg(name));
    return {};
}

QJsonValue variantToJson(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::Double:
        return v.toDouble();
    case QMetaType::Bool:
        return v.toBool();
    default:
        return v.isValid() ? QJsonValue(v.toString()) : QJsonValue();
    }
}

/// A human label for a number: German-style grouping is left to the UI; legends in files use few digits.
QString numberLabel(double v)
{
    if (std::abs(v) >= 1e6 || (std::abs(v) < 1e-3 && v != 0))
        return QString::number(v, 'g', 4);
    const double rounded = std::round(v * 100) / 100;
    return QString::number(rounded, 'f', rounded == std::round(rounded) ? 0 : 2);
}

} // namespace

// ---- CategorizedRenderer --------------------------------------------------------------------------

CategorizedRenderer::CategorizedRenderer(QString field, QList<Category> categories, std::optional<Symbol> other)
    : m_field(std::move(field)), m_categories(std::move(categories)), m_other(std::move(other))
{
    rebuild();
}

QString CategorizedRenderer::keyOf(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return QStringLiteral("\x01NULL");
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Double:
    case QMetaType::Float:
        return QString::number(v.toDouble(), 'g', 17);
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    default:
        return v.toString();
    }
}

void CategorizedRenderer::rebuild()
{
    m_symbols.clear();
    m_index.clear();
    for (const Category &c : std::as_const(m_categories)) {
        m_symbols.append(c.symbol);
        if (c.visible)
            m_index.insert(keyOf(c.value), int(m_symbols.size() - 1));
    }
    if (m_other)
        m_symbols.append(*m_other);
}

CategorizedRenderer CategorizedRenderer::fromData(const FeatureStore &store, const QString &field, const Symbol &base,
                                                  const QString &scheme, int maxCategories)
{
    const int col = store.attributes().fieldIndex(field);
    std::map<double, QVariant> numeric;
    std::map<QString, QVariant> text;
    const bool isNumeric = col >= 0 && store.fields()[col].type != FieldType::String;
    for (size_t f = 0; col >= 0 && f < store.featureCount(); ++f) {
        const QVariant v = store.attributes().value(f, col);
        if (!v.isValid())
            continue;
        if (isNumeric)
            numeric.emplace(v.toDouble(), v);
        else
            text.emplace(v.toString(), v);
        if (int(numeric.size() + text.size()) > maxCategories)
            break;
    }
    QList<QVariant> values;
    for (const auto &[k, v] : numeric)
        values.append(v);
    for (const auto &[k, v] : text)
        values.append(v);
    QList<Category> categories;
    const ColorRamp ramp = ColorRamp::named(scheme);
    const int n = int(values.size());
    for (int i = 0; i < n; ++i) {
        Category c;
        c.value = values[i];
        c.label = values[i].toString();
        c.symbol = base;
        // Qualitative schemes are sampled at their stops, so neighbouring classes get distinct colours.
        const QColor color = ramp.stops().size() >= 2 ? ramp.stops()[i % ramp.stops().size()].second
                                                      : ramp.color(n > 1 ? double(i) / (n - 1) : 0.0);
        c.symbol.fillColor = color;
        if (c.symbol.strokeColor.alpha() > 0 && base.fillColor.alpha() == 0)
            c.symbol.strokeColor = color;
        categories.append(c);
    }
    Symbol other = base;
    other.fillColor = QColor(200, 200, 200);
    CategorizedRenderer r(field, categories, other);
    return r;
}

Status CategorizedRenderer::prepare(const Fields &fields)
{
    return fieldColumn(fields, m_field, m_column);
}

void CategorizedRenderer::choose(const FeatureStore &store, size_t f, std::vector<int> &symbols, double &) const
{
    symbols.clear();
    if (m_column < 0)
        return;
    const AttributeTable &t = store.attributes();
    QString key;
    if (t.isNull(f, m_column))
        key = QStringLiteral("\x01NULL");
    else if (t.type(m_column) == FieldType::String)
        key = t.stringAt(f, m_column);
    else
        key = keyOf(t.value(f, m_column));
    const auto it = m_index.constFind(key);
    if (it != m_index.constEnd())
        symbols.push_back(*it);
    else if (m_other)
        symbols.push_back(int(m_symbols.size() - 1));
}

QList<LegendEntry> CategorizedRenderer::legend(GeometryFamily family) const
{
    QList<LegendEntry> entries;
    for (const Category &c : m_categories) {
        if (!c.visible)
            continue;
        LegendEntry e;
        e.label = c.label.isEmpty() ? c.value.toString() : c.label;
        e.symbol = c.symbol;
        e.family = family;
        entries.append(e);
    }
    if (m_other) {
        LegendEntry e;
        e.label = m_otherLabel;
        e.symbol = *m_other;
        e.family = family;
        entries.append(e);
    }
    return entries;
}

QJsonObject CategorizedRenderer::toJson() const
{
    QJsonArray cats;
    for (const Category &c : m_categories) {
        QJsonObject o{{QStringLiteral("value"), variantToJson(c.value)},
                      {QStringLiteral("label"), c.label},
                      {QStringLiteral("symbol"), symbolToJson(c.symbol)}};
        if (!c.visible)
            o[QStringLiteral("visible")] = false;
        cats.append(o);
    }
    QJsonObject o{{QStringLiteral("type"), typeName(Type::Categorized)},
                  {QStringLiteral("field"), m_field},
                  {QStringLiteral("categories"), cats}};
    if (m_other)
        o[QStringLiteral("other")] = QJsonObject{{QStringLiteral("label"), m_otherLabel},
                                                 {QStringLiteral("symbol"), symbolToJson(*m_other)}};
    return o;
}

Result<std::unique_ptr<FeatureRenderer>> CategorizedRenderer::read(const QJsonObject &json)
{
    QList<Category> cats;
    for (const QJsonValue &v : json.value(QLatin1String("categories")).toArray()) {
        const QJsonObject o = v.toObject();
        auto symbol = symbolFromJson(o.value(QLatin1String("symbol")).toObject());
        if (!symbol.ok())
            return symbol.error();
        Category c;
        c.value = o.value(QLatin1String("value")).toVariant();
        c.label = o.value(QLatin1String("label")).toString();
        c.symbol = *symbol;
        c.visible = o.value(QLatin1String("visible")).toBool(true);
        cats.append(c);
    }
    std::optional<Symbol> other;
    QString otherLabel = QStringLiteral("other values");
    if (json.contains(QLatin1String("other"))) {
        const QJsonObject o = json.value(QLatin1String("other")).toObject();
        auto symbol = symbolFromJson(o.value(QLatin1String("symbol")).toObject());
        if (!symbol.ok())
            return symbol.error();
        other = *symbol;
        otherLabel = o.value(QLatin1String("label")).toString(otherLabel);
    }
    auto r = std::make_unique<CategorizedRenderer>(json.value(QLatin1String("field")).toString(), cats, other);
    r->m_otherLabel = otherLabel;
    return std::unique_ptr<FeatureRenderer>(std::move(r));
}

// ---- GraduatedRenderer ----------------------------------------------------------------------------

GraduatedRenderer::GraduatedRenderer(QString field, QList<Range> ranges)
    : m_field(std::move(field)), m_ranges(std::move(ranges))
{
    rebuild();
}

void GraduatedRenderer::rebuild()
{
    m_symbols.clear();
    for (const Range &r : std::as_const(m_ranges))
        m_symbols.append(r.symbol);
}

GraduatedRenderer GraduatedRenderer::fromBreaks(const QString &field, const std::vector<double> &bounds,
                                                const Symbol &base, const QString &rampName, bool invert)
{
    QList<Range> ranges;
    ColorRamp ramp = ColorRamp::named(rampName);
    if (invert)
        ramp = ramp.inverted();
    const int n = int(bounds.size()) - 1;
    for (int i = 0; i < n; ++i) {
        Range r;
        r.lower = bounds[size_t(i)];
        r.upper = bounds[size_t(i) + 1];
        r.label = numberLabel(r.lower) + QStringLiteral(" – ") + numberLabel(r.upper);
        r.symbol = base;
        r.symbol.fillColor = ramp.color(n > 1 ? double(i) / (n - 1) : 1.0);
        ranges.append(r);
    }
    GraduatedRenderer g(field, ranges);
    g.m_ramp = rampName;
    return g;
}

Result<GraduatedRenderer> GraduatedRenderer::fromData(const FeatureStore &store, const QString &field,
                                                     const QString &method, int classes, const Symbol &base,
                                                     const QString &ramp, bool invert)
{
    const int col = store.attributes().fieldIndex(field);
    if (col < 0)
        return Error::input(QStringLiteral("unknown field '%1'").arg(field));
    if (store.fields()[col].type == FieldType::String)
        return Error::input(QStringLiteral("field '%1' is not numeric").arg(field));
    const auto m = classificationMethodFromName(method);
    if (!m)
        return Error::usage(QStringLiteral("unknown classification method '%1'").arg(method));
    std::vector<double> values(store.featureCount());
    for (size_t f = 0; f < values.size(); ++f)
        values[f] = store.attributes().number(f, col);
    auto c = classify(values, *m, classes);
    if (!c.ok())
        return c.error();
    GraduatedRenderer g = fromBreaks(field, c->breaks, base, ramp, invert);
    g.m_method = classificationMethodName(*m);
    return g;
}

Status GraduatedRenderer::prepare(const Fields &fields)
{
    return fieldColumn(fields, m_field, m_column);
}

int GraduatedRenderer::rangeIndex(double v) const
{
    if (std::isnan(v) || m_ranges.isEmpty())
        return -1;
    for (int i = 0; i < m_ranges.size(); ++i) {
        const Range &r = m_ranges[i];
        const bool aboveLower = i == 0 ? v >= r.lower : v > r.lower;
        if (aboveLower && v <= r.upper)
            return i;
    }
    return -1;
}

void GraduatedRenderer::choose(const FeatureStore &store, size_t f, std::vector<int> &symbols, double &) const
{
    symbols.clear();
    if (m_column < 0)
        return;
    const int i = rangeIndex(store.attributes().number(f, m_column));
    if (i >= 0 && m_ranges[i].visible)
        symbols.push_back(i);
}

QList<LegendEntry> GraduatedRenderer::legend(GeometryFamily family) const
{
    QList<LegendEntry> entries;
    for (const Range &r : m_ranges) {
        if (!r.visible)
            continue;
        LegendEntry e;
        e.label = r.label;
        e.symbol = r.symbol;
        e.family = family;
        entries.append(e);
    }
    return entries;
}

QJsonObject GraduatedRenderer::toJson() const
{
    QJsonArray ranges;
    for (const Range &r : m_ranges) {
        QJsonObject o{{QStringLiteral("lower"), r.lower},
                      {QStringLiteral("upper"), r.upper},
                      {QStringLiteral("label"), r.label},
                      {QStringLiteral("symbol"), symbolToJson(r.symbol)}};
        if (!r.visible)
            o[QStringLiteral("visible")] = false;
        ranges.append(o);
    }
    QJsonObject o{{QStringLiteral("type"), typeName(Type::Graduated)},
                  {QStringLiteral("field"), m_field},
                  {QStringLiteral("method"), m_method},
                  {QStringLiteral("ranges"), ranges}};
    if (!m_ramp.isEmpty())
        o[QStringLiteral("ramp")] = m_ramp;
    return o;
}

Result<std::unique_ptr<FeatureRenderer>> GraduatedRenderer::read(const QJsonObject &json)
{
    QList<Range> ranges;
    for (const QJsonValue &v : json.value(QLatin1String("ranges")).toArray()) {
        const QJsonObject o = v.toObject();
        auto symbol = symbolFromJson(o.value(QLatin1String("symbol")).toObject());
        if (!symbol.ok())
            return symbol.error();
        Range r;
        r.lower = o.value(QLatin1String("lower")).toDouble();
        r.upper = o.value(QLatin1String("upper")).toDouble();
        if (r.upper < r.lower)
            return Error::input(QStringLiteral("graduated range with upper < lower (%1 < %2)").arg(r.upper).arg(r.lower));
        r.label = o.value(QLatin1String("label")).toString();
        r.symbol = *symbol;
        r.visible = o.value(QLatin1String("visible")).toBool(true);
        ranges.append(r);
    }
    auto g = std::make_unique<GraduatedRenderer>(json.value(QLatin1String("field")).toString(), ranges);
    g->m_method = json.value(QLatin1String("method")).toString(QStringLiteral("manual"));
    g->m_ramp = json.value(QLatin1String("ramp")).toString();
    return std::unique_ptr<FeatureRenderer>(std::move(g));
}

// ---- ProportionalRenderer -------------------------------------------------------------------------

ProportionalRenderer::ProportionalRenderer(QString field, double maxValue, double maxSize, const Symbol &symbol)
    : m_field(std::move(field)), m_maxValue(maxValue > 0 ? maxValue : 1), m_maxSize(maxSize), m_symbols{symbol}
{
}

ProportionalRenderer ProportionalRenderer::fromData(const FeatureStore &store, const QString &field, double maxSize,
                                                    const Symbol &symbol)
{
    const int col = store.attributes().fieldIndex(field);
    double maxValue = 0;
    for (size_t f = 0; col >= 0 && f < store.featureCount(); ++f) {
        const double v = std::abs(store.attributes().number(f, col));
        if (std::isfinite(v))
            maxValue = std::max(maxValue, v);
    }
    return ProportionalRenderer(field, maxValue, maxSize, symbol);
}

Status ProportionalRenderer::prepare(const Fields &fields)
{
    return fieldColumn(fields, m_field, m_column);
}

double ProportionalRenderer::sizeFor(double value) const
{
    if (!std::isfinite(value) || value <= 0)
        return 0;
    return m_maxSize * std::sqrt(value / m_maxValue);
}

void ProportionalRenderer::choose(const FeatureStore &store, size_t f, std::vector<int> &symbols, double &size) const
{
    symbols.clear();
    if (m_column < 0)
        return;
    const double s = sizeFor(std::abs(store.attributes().number(f, m_column)));
    if (s <= 0)
        return;
    size = s;
    symbols.push_back(0);
}

double ProportionalRenderer::drawOrderKey(const FeatureStore &store, size_t f) const
{
    const double v = m_column < 0 ? 0.0 : std::abs(store.attributes().number(f, m_column));
    return std::isfinite(v) ? v : 0.0;
}

QList<double> ProportionalRenderer::legendValues() const
{
    // Round numbers (1, 2, 5 × 10^k) below the maximum, about a factor 2.5–4 apart.
    const auto niceBelow = [](double v) {
        if (v <= 0)
            return 0.0;
        const double p = std::pow(10.0, std::floor(std::log10(v)));
        for (double m : {5.0, 2.0, 1.0})
            if (m * p <= v)
                return m * p;
        return p;
    };
    QList<double> values;
    double v = niceBelow(m_maxValue);
    while (values.size() < 3 && v > 0) {
        values.append(v);
        v = niceBelow(v / 3.0);
    }
    return values;
}

QList<LegendEntry> ProportionalRenderer::legend(GeometryFamily) const
{
    QList<LegendEntry> entries;
    for (double v : legendValues()) {
        LegendEntry e;
        e.label = QLocale().toString(v, 'f', v == std::round(v) ? 0 : 2);
        e.symbol = m_symbols.front();
        e.symbol.markerSize = sizeFor(v);
        e.family = GeometryFamily::Point;
        entries.append(e);
    }
    return entries;
}

QJsonObject ProportionalRenderer::toJson() const
{
    return {{QStringLiteral("type"), typeName(Type::Proportional)},
            {QStringLiteral("field"), m_field},
            {QStringLiteral("max_value"), m_maxValue},
            {QStringLiteral("max_size"), m_maxSize},
            {QStringLiteral("symbol"), symbolToJson(m_symbols.front())}};
}

Result<std::unique_ptr<FeatureRenderer>> ProportionalRenderer::read(const QJsonObject &json)
{
    auto symbol = symbolFromJson(json.value(QLatin1String("symbol")).toObject());
    if (!symbol.ok())
        return symbol.error();
    return std::unique_ptr<FeatureRenderer>(std::make_unique<ProportionalRenderer>(
        json.value(QLatin1String("field")).toString(), json.value(QLatin1String("max_value")).toDouble(1),
        json.value(QLatin1String("max_size")).toDouble(10), *symbol));
}

// ---- HeatmapRenderer ------------------------------------------------------------------------------

Status HeatmapRenderer::prepare(const Fields &fields)
{
    if (m_weightField.isEmpty()) {
        m_column = -1;
        return {};
    }
    return fieldColumn(fields, m_weightField, m_column);
}

double HeatmapRenderer::weight(const FeatureStore &store, size_t f) const
{
    if (m_column < 0)
        return 1.0;
    const double w = store.attributes().number(f, m_column);
    return std::isfinite(w) && w > 0 ? w : 0.0;
}

QList<LegendEntry> HeatmapRenderer::legend(GeometryFamily) const
{
    LegendEntry e;
    e.kind = LegendEntry::Kind::Ramp;
    e.label = QStringLiteral("density");
    const ColorRamp ramp = ColorRamp::named(m_ramp);
    for (int i = 0; i <= 4; ++i)
        e.rampColors.append(ramp.color(i / 4.0));
    return {e};
}

QJsonObject HeatmapRenderer::toJson() const
{
    QJsonObject o{{QStringLiteral("type"), typeName(Type::Heatmap)},
                  {QStringLiteral("radius"), m_radius},
                  {QStringLiteral("radius_unit"), Symbol::unitName(m_radiusUnit)},
                  {QStringLiteral("ramp"), m_ramp},
                  {QStringLiteral("max_density"), m_maxDensity},
                  {QStringLiteral("opacity"), m_opacity}};
    if (!m_weightField.isEmpty())
        o[QStringLiteral("weight_field")] = m_weightField;
    return o;
}

Result<std::unique_ptr<FeatureRenderer>> HeatmapRenderer::read(const QJsonObject &json)
{
    auto h = std::make_unique<HeatmapRenderer>();
    bool ok = true;
    const SizeUnit unit = Symbol::unitFromName(json.value(QLatin1String("radius_unit")).toString(QStringLiteral("mm")), &ok);
    if (!ok)
        return Error::input(QStringLiteral("invalid heatmap 'radius_unit'"));
    h->setRadius(json.value(QLatin1String("radius")).toDouble(10), unit);
    h->setRamp(json.value(QLatin1String("ramp")).toString(QStringLiteral("heat")));
    h->setMaxDensity(json.value(QLatin1String("max_density")).toDouble(0));
    h->setOpacity(json.value(QLatin1String("opacity")).toDouble(0.85));
    h->setWeightField(json.value(QLatin1String("weight_field")).toString());
    return std::unique_ptr<FeatureRenderer>(std::move(h));
}

} // namespace kw
