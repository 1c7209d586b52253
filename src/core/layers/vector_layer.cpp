// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layers/vector_layer.h"

#include "core/data/data_provider.h"
#include "core/expression/expression.h"
#include "core/render/vector_layer_renderer.h"
#include "core/style/rule_based_renderer.h"
#include "core/temporal/time_format.h"

#include <QDateTime>
#include <QJsonDocument>

#include <limits>
#include <typeinfo>

namespace kw {

VectorLayer::VectorLayer(SourceUri source, QString layerName, QString name)
    : Layer(std::move(source), std::move(name)), m_layerName(std::move(layerName)),
      m_renderer(std::make_unique<SingleSymbolRenderer>())
{
}

VectorLayer::VectorLayer(const VectorLayer &o)
    : Layer(o), m_layerName(o.m_layerName), m_renderer(o.m_renderer->clone()), m_customStyle(o.m_customStyle),
      m_styleIndex(o.m_styleIndex), m_labels(o.m_labels), m_filter(o.m_filter), m_filterMask(o.m_filterMask),
      m_filterError(o.m_filterError), m_sourceCrs(o.m_sourceCrs), m_store(o.m_store)
{
}

void VectorLayer::setRenderer(std::unique_ptr<FeatureRenderer> renderer)
{
    if (!renderer)
        return;
    m_renderer = std::move(renderer);
    m_customStyle = true;
}

void VectorLayer::setSymbol(const Symbol &s)
{
    setRenderer(std::make_unique<SingleSymbolRenderer>(s));
}

Symbol VectorLayer::symbol() const
{
    return m_renderer->symbols().isEmpty() ? Symbol() : m_renderer->symbols().front();
}

Status VectorLayer::load(const Crs &mapCrs, const std::function<bool(double)> &progress)
{
    LoadOptions options;
    options.targetCrs = mapCrs;
    options.progress = progress;
    if (!m_loadAllAttributes) {
        options.allFields = false;
        options.fields = usedFields();
    }
    auto loaded = DataProviders::loadVector(m_source, m_layerName, options);
    if (!loaded.ok()) {
        m_error = loaded.error().message;
        return loaded.error();
    }
    m_error.clear();
    setStore(*loaded);
    // A bad filter does not make the data unreadable: the layer loads and its renderer reports the filter.
    return {};
}

QByteArray VectorLayer::renderKey() const
{
    // Subclasses (sensor layers) draw from more state than this sees; labels are placed over all layers.
    if (typeid(*this) != typeid(VectorLayer) || !m_store || m_labels.enabled)
        return {};
    QByteArray key = QByteArray::number(qulonglong(m_store->serial()));
    key += '|' + QJsonDocument(m_renderer->toJson()).toJson(QJsonDocument::Compact);
    key += '|' + m_filter.toUtf8() + '|' + m_temporalFilter.startField.toUtf8() + '|' +
           m_temporalFilter.endField.toUtf8();
    if (m_window)
        key += '|' + QByteArray::number(qint64(m_window->begin)) + ',' + QByteArray::number(qint64(m_window->end)) +
               ',' + QByteArray::number(int(m_window->instant)) + ',' + QByteArray::number(qint64(m_window->tolerance)) +
               ',' + QByteArray::number(int(m_window->aggregation));
    return key;
}

bool VectorLayer::canStream() const
{
    return typeid(*this) == typeid(VectorLayer) && !m_labels.enabled && !m_renderer->hasDrawOrder() &&
           m_renderer->type() != FeatureRenderer::Type::Heatmap && m_filterError.isEmpty();
}

Status VectorLayer::stream(const Crs &mapCrs, const Envelope &visible,
                           const std::function<bool(std::shared_ptr<VectorLayer>)> &sink, size_t batchFeatures) const
{
    LoadOptions options;
    options.batchFeatures = std::max<size_t>(1, batchFeatures);
    options.targetCrs = mapCrs;
    options.spatialFilter = visible;
    if (!m_loadAllAttributes) {
        options.allFields = false;
        options.fields = usedFields();
    }
    const auto handOver = [this, &sink](std::shared_ptr<const FeatureStore> batch) {
        auto part = std::make_shared<VectorLayer>(*this);
        part->setStore(std::move(batch));
        return sink(std::move(part));
    };
    options.batchSink = handOver;
    auto rest = DataProviders::loadVector(m_source, m_layerName, options);
    if (!rest.ok())
        return rest.error();
    // Providers that cannot stream return everything at the end.
    if ((*rest)->featureCount() > 0 && !handOver(*rest))
        return Error::cancelled();
    return {};
}

Result<std::optional<Envelope>> VectorLayer::sourceExtent(const Crs &mapCrs) const
{
    return DataProviders::layerExtent(m_source, m_layerName, mapCrs);
}

std::unique_ptr<Layer> VectorLayer::cloneForLoading() const
{
    return std::make_unique<VectorLayer>(m_source, m_layerName, m_name);
}

void VectorLayer::adoptLoaded(Layer &loaded)
{
    auto &other = static_cast<VectorLayer &>(loaded);
    m_error = other.m_error;
    if (other.m_store)
        setStore(other.m_store);
    else
        m_store.reset(); // data of another CRS or source would be drawn in the wrong place
}

void VectorLayer::setStore(std::shared_ptr<const FeatureStore> store)
{
    m_store = std::move(store);
    if (!m_store)
        return;
    m_sourceCrs = m_store->sourceCrs();
    if (!m_customStyle)
        m_renderer = std::make_unique<SingleSymbolRenderer>(Symbol::defaultFor(m_store->family(), m_styleIndex));
    const Status st = updateFilterMask();
    m_filterError = st.ok() ? QString() : st.error().message;
}

QStringList VectorLayer::usedFields() const
{
    QStringList fields = m_renderer->usedFields();
    const auto add = [&fields](const QString &expressionText) {
        if (expressionText.trimmed().isEmpty())
            return;
        auto e = Expression::parse(expressionText);
        if (!e.ok()) {
            fields << expressionText; // a plain field name that is no valid identifier
            return;
        }
        for (const QString &f : e->referencedFields())
            if (!fields.contains(f))
                fields << f;
    };
    if (m_labels.enabled)
        add(m_labels.text);
    add(m_filter);
    for (const QString &f : {m_temporalFilter.startField, m_temporalFilter.endField})
        if (!f.isEmpty() && !fields.contains(f))
            fields << f;
    return fields;
}

void VectorLayer::replaceStore(std::shared_ptr<const FeatureStore> store)
{
    m_store = std::move(store);
    const Status st = updateFilterMask();
    m_filterError = st.ok() ? QString() : st.error().message;
}

Status VectorLayer::setTemporalFilter(const TemporalFilter &filter)
{
    m_temporalFilter = filter;
    const Status st = updateFilterMask();
    m_filterError = st.ok() ? QString() : st.error().message;
    return st;
}

void VectorLayer::setTimeWindow(const std::optional<TimeWindow> &window)
{
    m_window = window;
    if (!m_temporalFilter.isEnabled())
        return;
    const Status st = updateFilterMask();
    m_filterError = st.ok() ? QString() : st.error().message;
}

std::pair<int64_t, int64_t> VectorLayer::activeInterval(size_t f) const
{
    constexpr int64_t lo = std::numeric_limits<int64_t>::min(), hi = std::numeric_limits<int64_t>::max();
    const AttributeTable &t = m_store->attributes();
    const auto bound = [&](const QString &field, bool end) -> int64_t {
        const int col = field.isEmpty() ? -1 : t.fieldIndex(field);
        if (col < 0 || t.isNull(f, col))
            return end ? hi : lo;
        if (t.type(col) == FieldType::Date) {
            // A date is a whole local day: from its midnight to the next (the end date is included).
            QDate day = QDateTime::fromMSecsSinceEpoch(t.intData(col)[f], QTimeZone::utc()).date();
            if (end)
                day = day.addDays(1);
            return QDateTime(day, QTime(0, 0), TimeFormat::displayZone()).toMSecsSinceEpoch();
        }
        return t.intData(col)[f];
    };
    return {bound(m_temporalFilter.startField, false), bound(m_temporalFilter.endField, true)};
}

std::optional<std::pair<int64_t, int64_t>> VectorLayer::timeExtent() const
{
    if (!m_temporalFilter.isEnabled() || !m_store)
        return std::nullopt;
    int64_t lo = std::numeric_limits<int64_t>::max(), hi = std::numeric_limits<int64_t>::min();
    for (size_t f = 0; f < m_store->featureCount(); ++f) {
        const auto [a, b] = activeInterval(f);
        if (a != std::numeric_limits<int64_t>::min())
            lo = std::min(lo, a);
        if (b != std::numeric_limits<int64_t>::max())
            hi = std::max(hi, b);
    }
    if (lo > hi)
        return std::nullopt;
    return std::pair{lo, hi};
}

Status VectorLayer::setFilter(const QString &expression)
{
    m_filter = expression.trimmed();
    const Status st = updateFilterMask();
    m_filterError = st.ok() ? QString() : st.error().message;
    return st;
}

std::unique_ptr<LayerRenderer> VectorLayer::createRenderer(const RenderContext &context) const
{
    if (!m_store)
        return nullptr;
    if (!m_filterError.isEmpty()) {
        auto failed = std::make_unique<VectorLayerRenderer>(m_store, nullptr, LabelSettings(), nullptr, nullptr);
        failed->setError(m_filterError);
        return failed;
    }
    auto renderer = m_renderer->clone();
    if (renderer->type() == FeatureRenderer::Type::RuleBased) {
        static_cast<RuleBasedRenderer &>(*renderer).setScale(context.settings().scale());
        static_cast<RuleBasedRenderer &>(*renderer).setVariables(context.settings().variables());
    }
    if (Status st = renderer->prepare(m_store->fields()); !st.ok()) {
        auto failed = std::make_unique<VectorLayerRenderer>(m_store, nullptr, LabelSettings(), nullptr, m_filterMask);
        failed->setError(QStringLiteral("%1: %2").arg(m_name, st.error().message));
        return failed;
    }
    LabelSettings labels = m_labels;
    if (labels.enabled && !labels.visibleAtScale(context.settings().scale()))
        labels.enabled = false;
    auto layerRenderer = std::make_unique<VectorLayerRenderer>(m_store, std::move(renderer), labels,
                                                               labelTextFunction(labels, m_store->fields()), m_filterMask);
    if (const LayerHighlight *highlight = context.settings().layerHighlight(m_id))
        layerRenderer->setHighlight(*highlight);
    return layerRenderer;
}

} // namespace kw

namespace kw {

LabelTextFunction labelTextFunction(const LabelSettings &labels, const Fields &fields)
{
    if (!labels.enabled || labels.text.trimmed().isEmpty())
        return nullptr;
    auto e = Expression::parse(labels.text);
    if (!e.ok() || !e->prepare(fields).ok()) {
        // Not an expression: maybe a field name that is no valid identifier ("Straße Nr").
        int col = -1;
        for (int i = 0; i < fields.size(); ++i)
            if (fields[i].name == labels.text)
                col = i;
        if (col < 0)
            return nullptr;
        return [col](const FeatureStore &store, size_t f) { return store.attributes().text(f, col); };
    }
    return [expr = *e](const FeatureStore &store, size_t f) {
        ExpressionContext context(&store.attributes(), f);
        context.setFeatureId(store.fid(f));
        return expr.evaluateText(context);
    };
}

Status VectorLayer::updateFilterMask()
{
    m_filterMask.reset();
    std::optional<Expression> expression;
    if (!m_filter.isEmpty()) {
        auto e = Expression::parse(m_filter);
        if (!e.ok())
            return Error::usage(QStringLiteral("%1: filter: %2").arg(m_name, e.error().message));
        expression = std::move(*e);
    }
    if (!m_store)
        return {};
    if (expression)
        if (Status st = expression->prepare(m_store->fields()); !st.ok())
            return Error::usage(QStringLiteral("%1: filter: %2").arg(m_name, st.error().message));
    const bool temporal = m_temporalFilter.isEnabled() && m_window;
    if (temporal) {
        for (const QString &field : {m_temporalFilter.startField, m_temporalFilter.endField}) {
            if (field.isEmpty())
                continue;
            const int col = m_store->attributes().fieldIndex(field);
            if (col < 0)
                return Error::usage(QStringLiteral("%1: time filter: no field '%2'").arg(m_name, field));
            const FieldType t = m_store->fields()[col].type;
            if (t != FieldType::Date && t != FieldType::DateTime)
                return Error::usage(
                    QStringLiteral("%1: time filter: field '%2' is no date").arg(m_name, field));
        }
    }
    if (!expression && !temporal)
        return {};
    auto mask = std::make_shared<std::vector<uint8_t>>(m_store->featureCount(), uint8_t(1));
    if (expression) {
        ExpressionContext context(&m_store->attributes());
        for (size_t f = 0; f < mask->size(); ++f) {
            context.setRow(f);
            context.setFeatureId(m_store->fid(f));
            (*mask)[f] = expression->evaluateBool(context) ? 1 : 0;
        }
    }
    if (temporal) {
        for (size_t f = 0; f < mask->size(); ++f) {
            if (!(*mask)[f])
                continue;
            const auto [start, end] = activeInterval(f);
            (*mask)[f] = m_window->overlaps(start, end) ? 1 : 0;
        }
    }
    m_filterMask = std::move(mask);
    return {};
}

} // namespace kw
