// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/atlas.h"

#include "core/expression/expression.h"
#include "core/layers/vector_layer.h"

#include <QCollator>
#include <QRegularExpression>
#include <QSet>
#include <numeric>

namespace kw {

QJsonObject AtlasSettings::toJson() const
{
    QJsonObject o{{QStringLiteral("enabled"), enabled}, {QStringLiteral("coverage_layer"), coverageLayer}};
    if (!filter.isEmpty()) o[QStringLiteral("filter")] = filter;
    if (!sortBy.isEmpty()) {
        o[QStringLiteral("sort")] = sortBy;
        o[QStringLiteral("descending")] = sortDescending;
    }
    if (!pageName.isEmpty()) o[QStringLiteral("page_name")] = pageName;
    o[QStringLiteral("others")] = others == LayerHighlight::Others::Show   ? QStringLiteral("show")
                                  : others == LayerHighlight::Others::Hide ? QStringLiteral("hide")
                                                                           : QStringLiteral("dim");
    o[QStringLiteral("dim_opacity")] = dimOpacity;
    return o;
}

Result<AtlasSettings> AtlasSettings::fromJson(const QJsonObject &o)
{
    AtlasSettings a;
    a.enabled = o.value(QLatin1String("enabled")).toBool(true);
    a.coverageLayer = o.value(QLatin1String("coverage_layer")).toString();
    a.filter = o.value(QLatin1String("filter")).toString();
    a.sortBy = o.value(QLatin1String("sort")).toString();
    a.sortDescending = o.value(QLatin1String("descending")).toBool(false);
    a.pageName = o.value(QLatin1String("page_name")).toString();
    const QString others = o.value(QLatin1String("others")).toString(QStringLiteral("dim"));
    if (others == QLatin1String("show"))
        a.others = LayerHighlight::Others::Show;
    else if (others == QLatin1String("dim"))
        a.others = LayerHighlight::Others::Dim;
    else if (others == QLatin1String("hide"))
        a.others = LayerHighlight::Others::Hide;
    else
        return Error::input(QStringLiteral("atlas: 'others' must be show, dim or hide"));
    a.dimOpacity = std::clamp(o.value(QLatin1String("dim_opacity")).toDouble(0.35), 0.0, 1.0);
    if (a.enabled && a.coverageLayer.isEmpty())
        return Error::input(QStringLiteral("atlas: no coverage_layer"));
    for (const QString &e : {a.filter, a.sortBy, a.pageName})
        if (!e.trimmed().isEmpty())
            if (auto parsed = Expression::parse(e); !parsed.ok())
                return Error::input(QStringLiteral("atlas: '%1': %2").arg(e, parsed.error().message));
    return a;
}

Result<AtlasIterator> AtlasIterator::create(const AtlasSettings &settings,
                                            const LayoutProjectSnapshot &project,
                                            const QVariantMap &variables)
{
    const auto layer = project.layer(settings.coverageLayer);
    if (!layer)
        return Error::input(
            QStringLiteral("atlas: no layer '%1' in the project").arg(settings.coverageLayer));
    if (layer->kind() != Layer::Kind::Vector)
        return Error::input(
            QStringLiteral("atlas: coverage layer '%1' is not a vector layer").arg(layer->name()));
    const auto &vector = static_cast<const VectorLayer &>(*layer);
    const auto store = vector.store();
    if (!store)
        return Error::input(QStringLiteral("atlas: coverage layer '%1' is not loaded%2")
                                .arg(layer->name(), layer->error().isEmpty()
                                                        ? QString()
                                                        : QStringLiteral(": ") + layer->error()));
    AtlasIterator it;
    it.m_settings = settings;
    it.m_layerId = layer->id();
    it.m_store = store;
    std::vector<uint32_t> rows(store->featureCount());
    std::iota(rows.begin(), rows.end(), 0u);
    if (const auto mask = vector.filterMask())
        std::erase_if(rows, [&](uint32_t r) { return r >= mask->size() || !(*mask)[r]; });

    ExpressionContext ec(&store->attributes());
    ec.setVariables(variables);
    const auto prepared = [&](const QString &text, const char *what) -> Result<Expression> {
        auto e = Expression::parse(text);
        if (!e.ok())
            return Error::input(
                QStringLiteral("atlas %1 '%2': %3").arg(QLatin1String(what), text, e.error().message));
        if (Status st = e->prepare(store->fields()); !st.ok())
            return Error::input(
                QStringLiteral("atlas %1 '%2': %3").arg(QLatin1String(what), text, st.error().message));
        return e;
    };
    const auto at = [&](uint32_t r) {
        ec.setRow(r);
        ec.setFeatureId(store->fid(r));
    };
    if (!settings.filter.trimmed().isEmpty()) {
        auto filter = prepared(settings.filter, "filter");
        if (!filter.ok()) return filter.error();
        std::erase_if(rows, [&](uint32_t r) {
            at(r);
            return !filter->evaluateBool(ec);
        });
    }
    if (!settings.sortBy.trimmed().isEmpty()) {
        auto sort = prepared(settings.sortBy, "sort");
        if (!sort.ok()) return sort.error();
        std::vector<std::pair<QVariant, uint32_t>> keyed;
        for (uint32_t r : rows) {
            at(r);
            keyed.emplace_back(sort->evaluate(ec), r);
        }
        // German collation: "Ä" sorts with "A", as readers of a council atlas expect.
        QCollator collator{QLocale(QStringLiteral("de"))};
        collator.setNumericMode(true);
        const bool desc = settings.sortDescending;
        std::stable_sort(keyed.begin(), keyed.end(), [&](const auto &a, const auto &b) {
            if (a.first.isNull() != b.first.isNull()) return b.first.isNull();
            const bool numeric =
                a.first.typeId() != QMetaType::QString && b.first.typeId() != QMetaType::QString;
            if (numeric) {
                const double x = a.first.toDouble(), y = b.first.toDouble();
                return desc ? x > y : x < y;
            }
            const int c = collator.compare(a.first.toString(), b.first.toString());
            return desc ? c > 0 : c < 0;
        });
        for (size_t i = 0; i < keyed.size(); ++i)
            rows[i] = keyed[i].second;
    }
    Expression nameExpression;
    if (!settings.pageName.trimmed().isEmpty()) {
        auto name = prepared(settings.pageName, "page name");
        if (!name.ok()) return name.error();
        nameExpression = *name;
    }
    for (size_t i = 0; i < rows.size(); ++i) {
        at(rows[i]);
        ec.setVariable(QStringLiteral("atlas_page"), int(i) + 1);
        QString name = nameExpression.isValid() ? nameExpression.evaluateText(ec).trimmed() : QString();
        if (name.isEmpty()) name = QString::number(store->fid(rows[i]));
        it.m_names.push_back(name);
    }
    it.m_rows = std::move(rows);
    return it;
}

AtlasFeature AtlasIterator::feature(int i) const
{
    AtlasFeature f;
    f.layerId = m_layerId;
    f.store = m_store;
    f.row = m_rows[size_t(i)];
    f.index = i;
    f.count = count();
    f.pageName = m_names[size_t(i)];
    f.others = m_settings.others;
    f.dimOpacity = m_settings.dimOpacity;
    return f;
}

void AtlasIterator::apply(int i, LayoutRenderContext &context) const
{
    context.atlas = feature(i);
    context.variables.insert(QStringLiteral("atlas_page"), i + 1);
    context.variables.insert(QStringLiteral("atlas_total"), count());
    context.variables.insert(QStringLiteral("atlas_pagename"), m_names[size_t(i)]);
    context.variables.insert(QStringLiteral("atlas_featureid"), qlonglong(m_store->fid(m_rows[size_t(i)])));
    context.variables.insert(QStringLiteral("atlas_layerid"), m_layerId);
}

QStringList AtlasIterator::fileNames() const
{
    static const QRegularExpression reserved(QStringLiteral("[/\\\\:*?\"<>|\\x00-\\x1f]"));
    QStringList out;
    QSet<QString> used;
    for (const QString &raw : m_names) {
        QString name = raw;
        name.replace(reserved, QStringLiteral("_"));
        name = name.trimmed();
        if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String(".."))
            name = QStringLiteral("_");
        QString unique = name;
        for (int k = 2; used.contains(unique.toLower()); ++k)
            unique = QStringLiteral("%1_%2").arg(name).arg(k);
        used.insert(unique.toLower());
        out << unique;
    }
    return out;
}

} // namespace kw
