// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/layout_scale_bar_item.h"

#include "core/layout/layout.h"
#include "core/layout/layout_map_item.h"
#include "core/style/symbol_json.h"

#include <QFontMetricsF>
#include <QLocale>
#include <cmath>

namespace kw {

namespace {
// Metres per degree on the GRS80 mean radius, as MapSettings::scale() uses.
constexpr double kMetersPerDegree = 6371008.8 * M_PI / 180.0;
} // namespace

double LayoutScaleBarItem::niceLength(double value)
{
    if (!(value > 0) || !std::isfinite(value)) return 0;
    const double p = std::pow(10.0, std::floor(std::log10(value) + 1e-12));
    for (double m : {5.0, 2.0, 1.0})
        if (m * p <= value * (1 + 1e-12)) return m * p;
    return p;
}

double LayoutScaleBarItem::groundMetersPerPixel(const MapSettings &settings)
{
    double mpp = settings.mapUnitsPerPixel();
    if (settings.crs().isGeographic())
        mpp *= kMetersPerDegree * std::cos(settings.visibleExtent().centerY() * M_PI / 180.0);
    return mpp;
}

LayoutScaleBarItem::Bar LayoutScaleBarItem::computeBar(const LayoutRenderContext &context,
                                                       double maxWidthPx) const
{
    Bar bar;
    const auto *map =
        context.layout ? dynamic_cast<const LayoutMapItem *>(context.layout->item(m_mapId)) : nullptr;
    if (!map) return bar;
    const MapSettings settings = map->mapSettings(context);
    if (!settings.isValid()) return bar;
    const double metersPerPixel = groundMetersPerPixel(settings);
    if (!(metersPerPixel > 0)) return bar;
    const double maxMeters = maxWidthPx * metersPerPixel / m_segments;
    double segmentMeters = niceLength(maxMeters);
    bool km = m_units == Units::Kilometers;
    if (m_units == Units::Auto) km = segmentMeters * m_segments >= 1000;
    bar.metersPerUnit = km ? 1000.0 : 1.0;
    bar.unit = km ? QStringLiteral("km") : QStringLiteral("m");
    bar.segmentLength = segmentMeters / bar.metersPerUnit;
    bar.segments = m_segments;
    bar.segmentPx = segmentMeters / metersPerPixel;
    return bar;
}

void LayoutScaleBarItem::drawContent(QPainter &painter, const LayoutRenderContext &context,
                                     const QSizeF &size) const
{
    const QFont font = context.font(m_font.family, m_font.size, m_font.bold, m_font.italic);
    const QFontMetricsF fm(font);
    const QLocale locale(QStringLiteral("de"));
    // Labels are centred on the ticks: the last one and the unit stick out to the right of the bar.
    const QString unitSample = QStringLiteral(" km");
    const double reserve =
        fm.horizontalAdvance(QStringLiteral("00000")) / 2 + fm.horizontalAdvance(unitSample);
    const double firstHalf = fm.horizontalAdvance(QStringLiteral("0")) / 2;
    const Bar bar = computeBar(context, size.width() - reserve - firstHalf);
    if (!bar.valid()) {
        context.warn(QStringLiteral("scale bar '%1': no map item '%2'").arg(id(), m_mapId));
        return;
    }
    const double x0 = firstHalf;
    const double barHeight = context.px(m_barHeight);
    const double lineWidth = context.px(m_lineWidth);
    const double labelBaseline = fm.ascent();
    const double barTop = fm.height() + context.px(0.8);
    const double barBottom = barTop + barHeight;
    painter.setRenderHint(QPainter::Antialiasing, true);
    QPen pen(m_color, lineWidth, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin);
    if (m_style == Style::Boxes) {
        for (int i = 0; i < bar.segments; ++i) {
            const QRectF box(x0 + i * bar.segmentPx, barTop, bar.segmentPx, barHeight);
            painter.setPen(pen);
            painter.setBrush(i % 2 == 0 ? m_color : QColor(Qt::white));
            painter.drawRect(box);
        }
    } else {
        painter.setPen(pen);
        painter.drawLine(QPointF(x0, barBottom), QPointF(x0 + bar.segments * bar.segmentPx, barBottom));
        for (int i = 0; i <= bar.segments; ++i) {
            const double x = x0 + i * bar.segmentPx;
            // Ends and the middle get full ticks, the others half ones: easier to read at a glance.
            const bool major = i == 0 || i == bar.segments || 2 * i == bar.segments;
            painter.drawLine(QPointF(x, barBottom), QPointF(x, major ? barTop : barTop + barHeight / 2));
        }
    }
    painter.setFont(font);
    painter.setPen(m_font.color);
    for (int i = 0; i <= bar.segments; ++i) {
        const double value = i * bar.segmentLength;
        // As few decimals as the value needs: "0  0,5  1  1,5  2 km", not "0,0  0,5  1,0".
        int decimals = 0;
        while (decimals < 3 && std::abs(value * std::pow(10.0, decimals) -
                                        std::round(value * std::pow(10.0, decimals))) > 1e-6)
            ++decimals;
        QString text = locale.toString(value, 'f', decimals);
        text.remove(locale.groupSeparator());
        const double x = x0 + i * bar.segmentPx;
        const double w = fm.horizontalAdvance(text);
        painter.drawText(QPointF(x - w / 2, labelBaseline), text);
        if (i == bar.segments)
            painter.drawText(QPointF(x + w / 2 + fm.horizontalAdvance(QLatin1Char(' ')), labelBaseline),
                             bar.unit);
    }
}

void LayoutScaleBarItem::writeProperties(QJsonObject &o) const
{
    o[QStringLiteral("map")] = m_mapId;
    o[QStringLiteral("style")] =
        m_style == Style::Boxes ? QStringLiteral("boxes") : QStringLiteral("line_ticks");
    o[QStringLiteral("units")] = m_units == Units::Auto     ? QStringLiteral("auto")
                                 : m_units == Units::Meters ? QStringLiteral("m")
                                                            : QStringLiteral("km");
    o[QStringLiteral("segments")] = m_segments;
    o[QStringLiteral("bar_height")] = m_barHeight;
    o[QStringLiteral("line_width")] = m_lineWidth;
    o[QStringLiteral("color")] = colorToString(m_color);
    o[QStringLiteral("font")] = m_font.toJson();
}

QStringList LayoutScaleBarItem::propertyKeys() const
{
    return {QStringLiteral("map"),      QStringLiteral("style"),      QStringLiteral("units"),
            QStringLiteral("segments"), QStringLiteral("bar_height"), QStringLiteral("line_width"),
            QStringLiteral("color"),    QStringLiteral("font")};
}

Status LayoutScaleBarItem::readProperties(const QJsonObject &o)
{
    m_mapId = o.value(QLatin1String("map")).toString();
    const QString style = o.value(QLatin1String("style")).toString(QStringLiteral("line_ticks"));
    if (style == QLatin1String("boxes"))
        m_style = Style::Boxes;
    else if (style == QLatin1String("line_ticks"))
        m_style = Style::LineTicks;
    else
        return Error::input(QStringLiteral("unknown scale bar style '%1' (line_ticks, boxes)").arg(style));
    const QString units = o.value(QLatin1String("units")).toString(QStringLiteral("auto"));
    if (units == QLatin1String("auto"))
        m_units = Units::Auto;
    else if (units == QLatin1String("m"))
        m_units = Units::Meters;
    else if (units == QLatin1String("km"))
        m_units = Units::Kilometers;
    else
        return Error::input(QStringLiteral("unknown scale bar units '%1' (auto, m, km)").arg(units));
    m_segments = o.value(QLatin1String("segments")).toInt(m_segments);
    if (m_segments < 1 || m_segments > 10) return Error::input(QStringLiteral("segments must be 1 to 10"));
    m_barHeight = o.value(QLatin1String("bar_height")).toDouble(m_barHeight);
    m_lineWidth = o.value(QLatin1String("line_width")).toDouble(m_lineWidth);
    if (!readColor(o, "color", m_color)) return Error::input(QStringLiteral("invalid colour"));
    auto font = LayoutFont::fromJson(o.value(QLatin1String("font")).toObject(), m_font);
    if (!font.ok()) return font.error();
    m_font = *font;
    return {};
}

} // namespace kw
