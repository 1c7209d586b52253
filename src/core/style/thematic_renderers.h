// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/style/feature_renderer.h"

#include <QHash>
#include <QVariant>

#include <cmath>
#include <limits>

namespace kw {

/// \brief One class of a categorized style: a value, its legend label and symbol.
struct Category
{
    QVariant value;
    QString label;
    Symbol symbol;
    bool visible = true;
    bool operator==(const Category &) const = default;
};

/// \brief A symbol per distinct value of a field, plus an optional symbol for all other values.
class CategorizedRenderer final : public FeatureRenderer
{
public:
    CategorizedRenderer() = default;
    CategorizedRenderer(QString field, QList<Category> categories, std::optional<Symbol> other = {});

    /// One category per distinct value of \a field (sorted; numbers numerically), coloured from the
    /// qualitative palette \a scheme, plus an "other values" class. At most \a maxCategories.
    static CategorizedRenderer fromData(const FeatureStore &store, const QString &field, const Symbol &base,
                                        const QString &scheme = QStringLiteral("Set2"), int maxCategories = 100);

    Type type() const override { return Type::Categorized; }
    std::unique_ptr<FeatureRenderer> clone() const override { return std::make_unique<CategorizedRenderer>(*this); }
    QStringList usedFields() const override { return {m_field}; }
    Status prepare(const Fields &fields) override;
    void choose(const FeatureStore &store, size_t f, std::vector<int> &symbols, double &) const override;
    const QList<Symbol> &symbols() const override { return m_symbols; }
    QList<LegendEntry> legend(GeometryFamily family) const override;
    QJsonObject toJson() const override;
    static Result<std::unique_ptr<FeatureRenderer>> read(const QJsonObject &json);

    QString field() const { return m_field; }
    const QList<Category> &categories() const { return m_categories; }
    std::optional<Symbol> otherSymbol() const { return m_other; }
    QString otherLabel() const { return m_otherLabel; }

    /// The lookup key of a value: numbers in canonical form, so 3 and 3.0 match.
    static QString keyOf(const QVariant &v);

private:
    void rebuild();

    QString m_field;
    QList<Category> m_categories;
    std::optional<Symbol> m_other;
    QString m_otherLabel = QStringLiteral("other values");
    QList<Symbol> m_symbols; // categories, then "other"
    QHash<QString, int> m_index;
    int m_column = -1;
};

/// \brief One class of a graduated style: a value range, its label and symbol.
struct Range
{
    double lower = 0;
    double upper = 0;
    QString label;
    Symbol symbol;
    bool visible = true;
    bool operator==(const Range &) const = default;
};

/// \brief A symbol per class of a numeric field (choropleths); classes cover (lower, upper], the first
/// one includes its lower bound.
class GraduatedRenderer final : public FeatureRenderer
{
public:
    GraduatedRenderer() = default;
    GraduatedRenderer(QString field, QList<Range> ranges);

    /// Classifies \a field of \a store with \a method ("equal", "quantile", "jenks", "pretty", "stddev") into
    /// about \a classes classes coloured along \a ramp; an error when the field is missing or not numeric.
    static Result<GraduatedRenderer> fromData(const FeatureStore &store, const QString &field, const QString &method,
                                              int classes, const Symbol &base,
                                              const QString &ramp = QStringLiteral("YlOrRd"), bool invert = false);
    /// Ranges from class bounds (n+1 ascending values) coloured along the ramp \a ramp.
    static GraduatedRenderer fromBreaks(const QString &field, const std::vector<double> &bounds, const Symbol &base,
                                        const QString &ramp = QStringLiteral("YlOrRd"), bool invert = false);

    Type type() const override { return Type::Graduated; }
    std::unique_ptr<FeatureRenderer> clone() const override { return std::make_unique<GraduatedRenderer>(*this); }
    QStringList usedFields() const override { return {m_field}; }
    Status prepare(const Fields &fields) override;
    void choose(const FeatureStore &store, size_t f, std::vector<int> &symbols, double &) const override;
    const QList<Symbol> &symbols() const override { return m_symbols; }
    QList<LegendEntry> legend(GeometryFamily family) const override;
    QJsonObject toJson() const override;
    static Result<std::unique_ptr<FeatureRenderer>> read(const QJsonObject &json);

    QString field() const { return m_field; }
    const QList<Range> &ranges() const { return m_ranges; }
    /// How the classes were made (kept so the style panel can re-classify): method, classes, ramp.
    QString method() const { return m_method; }
    int classCount() const { return int(m_ranges.size()); }
    QString ramp() const { return m_ramp; }
    void setMethod(const QString &method) { m_method = method; }
    void setRamp(const QString &ramp) { m_ramp = ramp; }

    /// Index of the range holding \a v, or -1.
    int rangeIndex(double v) const;

private:
    void rebuild();

    QString m_field;
    QList<Range> m_ranges;
    QString m_method = QStringLiteral("manual");
    QString m_ramp;
    QList<Symbol> m_symbols;
    int m_column = -1;
};

/// \brief Markers whose area is proportional to a field's value (area-true), with legend sizes.
class ProportionalRenderer final : public FeatureRenderer
{
public:
    ProportionalRenderer() = default;
    /// \a maxValue gets \a maxSize (marker diameter in the symbol's unit); 0 gets nothing.
    ProportionalRenderer(QString field, double maxValue, double maxSize, const Symbol &symbol);
    static ProportionalRenderer fromData(const FeatureStore &store, const QString &field, double maxSize,
                                         const Symbol &symbol);

    Type type() const override { return Type::Proportional; }
    std::unique_ptr<FeatureRenderer> clone() const override { return std::make_unique<ProportionalRenderer>(*this); }
    QStringList usedFields() const override { return {m_field}; }
    Status prepare(const Fields &fields) override;
    void choose(const FeatureStore &store, size_t f, std::vector<int> &symbols, double &size) const override;
    const QList<Symbol> &symbols() const override { return m_symbols; }
    bool drawsMarkersOnly() const override { return true; }
    bool hasDrawOrder() const override { return true; }
    double drawOrderKey(const FeatureStore &store, size_t f) const override;
    QList<LegendEntry> legend(GeometryFamily family) const override;
    QJsonObject toJson() const override;
    static Result<std::unique_ptr<FeatureRenderer>> read(const QJsonObject &json);

    /// Diameter for \a value: maxSize * sqrt(value / maxValue), so areas compare like values.
    double sizeFor(double value) const;
    /// Round values for the legend (largest first), e.g. 5,000,000 / 2,000,000 / 500,000.
    QList<double> legendValues() const;
    QString field() const { return m_field; }
    double maxValue() const { return m_maxValue; }
    double maxSize() const { return m_maxSize; }

private:
    QString m_field;
    double m_maxValue = 1;
    double m_maxSize = 10;
    QList<Symbol> m_symbols{Symbol()};
    int m_column = -1;
};

/// \brief A kernel density surface of point features (quartic kernel, as QGIS), coloured by a ramp.
class HeatmapRenderer final : public FeatureRenderer
{
public:
    HeatmapRenderer() = default;
    Type type() const override { return Type::Heatmap; }
    std::unique_ptr<FeatureRenderer> clone() const override { return std::make_unique<HeatmapRenderer>(*this); }
    QStringList usedFields() const override { return m_weightField.isEmpty() ? QStringList() : QStringList{m_weightField}; }
    Status prepare(const Fields &fields) override;
    void choose(const FeatureStore &, size_t, std::vector<int> &symbols, double &) const override { symbols.clear(); }
    const QList<Symbol> &symbols() const override { return m_none; }
    QList<LegendEntry> legend(GeometryFamily family) const override;
    QJsonObject toJson() const override;
    static Result<std::unique_ptr<FeatureRenderer>> read(const QJsonObject &json);

    double radius() const { return m_radius; }
    SizeUnit radiusUnit() const { return m_radiusUnit; }
    void setRadius(double r, SizeUnit unit)
    {
        m_radius = r;
        m_radiusUnit = unit;
    }
    QString weightField() const { return m_weightField; }
    void setWeightField(const QString &f) { m_weightField = f; }
    QString ramp() const { return m_ramp; }
    void setRamp(const QString &r) { m_ramp = r; }
    /// Density shown with the ramp's end colour; 0 = the maximum in view.
    double maxDensity() const { return m_maxDensity; }
    void setMaxDensity(double d) { m_maxDensity = d; }
    double opacity() const { return m_opacity; }
    void setOpacity(double o) { m_opacity = o; }

    /// Weight of feature f (1 without a weight field; NaN/negative count as 0).
    double weight(const FeatureStore &store, size_t f) const;

private:
    double m_radius = 10;
    SizeUnit m_radiusUnit = SizeUnit::Millimeters;
    QString m_weightField;
    QString m_ramp = QStringLiteral("heat");
    double m_maxDensity = 0;
    double m_opacity = 0.85;
    int m_column = -1;
    QList<Symbol> m_none;
};

} // namespace kw
