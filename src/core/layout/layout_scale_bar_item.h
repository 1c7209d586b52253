// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layout/layout_item.h"

namespace kw {

/// \brief A scale bar for a map item: a few segments of a round length (1, 2 or 5 × 10^k metres or
/// kilometres), drawn as a line with ticks or as alternating boxes, labelled above.
///
/// The length on paper comes from the map's own MapSettings, so it is right for that map's scale on every
/// page; in a geographic CRS it is measured east–west at the map's centre latitude (approximate, as any
/// scale bar on a geographic map).
class LayoutScaleBarItem final : public LayoutItem
{
public:
    enum class Style { LineTicks, Boxes };
    enum class Units { Auto, Meters, Kilometers };

    /// \brief The computed bar: segment length in its unit, the unit's label and sizes in pixels.
    struct Bar
    {
        double segmentLength = 0; ///< in unit
        QString unit;             ///< "m" or "km"
        double metersPerUnit = 1;
        int segments = 0;
        double segmentPx = 0; ///< length of one segment on the page
        bool valid() const { return segments > 0 && segmentPx > 0; }
    };

    Type type() const override { return Type::ScaleBar; }
    std::unique_ptr<LayoutItem> clone() const override { return std::make_unique<LayoutScaleBarItem>(*this); }
    bool supportsRotation() const override { return false; }
    void drawContent(QPainter &painter, const LayoutRenderContext &context,
                     const QSizeF &size) const override;

    QString mapId() const { return m_mapId; }
    void setMapId(const QString &id) { m_mapId = id; }
    Style style() const { return m_style; }
    void setStyle(Style s) { m_style = s; }
    Units units() const { return m_units; }
    void setUnits(Units u) { m_units = u; }
    int segments() const { return m_segments; }
    void setSegments(int n) { m_segments = std::clamp(n, 1, 10); }

    /// The bar that fits \a maxWidthPx for the linked map on a page rendered with \a context.
    Bar computeBar(const LayoutRenderContext &context, double maxWidthPx) const;
    /// The largest round length (1, 2, 5 × 10^k) not above \a value.
    static double niceLength(double value);
    /// Metres on the ground per pixel of the map on the page (east–west at the centre for geographic CRSs).
    static double groundMetersPerPixel(const class MapSettings &settings);

protected:
    void writeProperties(QJsonObject &json) const override;
    Status readProperties(const QJsonObject &json) override;
    QStringList propertyKeys() const override;

private:
    QString m_mapId;
    Style m_style = Style::LineTicks;
    Units m_units = Units::Auto;
    int m_segments = 4;
    double m_barHeight = 1.6;  ///< mm
    double m_lineWidth = 0.25; ///< mm
    QColor m_color = QColor(40, 40, 40);
    LayoutFont m_font{QStringLiteral("DejaVu Sans"), 7, false, false, QColor(40, 40, 40)};
};

} // namespace kw
