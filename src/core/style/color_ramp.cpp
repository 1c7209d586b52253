// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/style/color_ramp.h"

#include "core/style/color_brewer.h"

#include <algorithm>

namespace kw {

ColorRamp::ColorRamp(QList<std::pair<double, QColor>> stops, QString name)
    : m_stops(std::move(stops)), m_name(std::move(name))
{
    std::sort(m_stops.begin(), m_stops.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
}

namespace {
QList<std::pair<double, QColor>> even(std::initializer_list<const char *> colors)
{
    QList<std::pair<double, QColor>> stops;
    const int n = int(colors.size());
    int i = 0;
    for (const char *c : colors)
        stops.append({n > 1 ? double(i++) / (n - 1) : 0.0, QColor(QLatin1String(c))});
    return stops;
}
} // namespace

QStringList ColorRamp::names()
{
    QStringList names{QStringLiteral("greys"),    QStringLiteral("viridis"), QStringLiteral("heat"), QStringLiteral("terrain"),
                      QStringLiteral("spectral"), QStringLiteral("blues"),   QStringLiteral("reds"),
                      QStringLiteral("ylorrd")};
    for (const BrewerScheme &s : colorBrewerSchemes())
        if (!names.contains(s.name.toLower()))
            names << s.name;
    return names;
}

namespace {
/// A continuous ramp through the largest palette of a ColorBrewer scheme.
ColorRamp brewerRamp(const BrewerScheme &scheme)
{
    const QList<QColor> &colors = scheme.palettes.last();
    QList<std::pair<double, QColor>> stops;
    for (int i = 0; i < colors.size(); ++i)
        stops.append({double(i) / (colors.size() - 1), colors[i]});
    return ColorRamp(stops, scheme.name);
}
} // namespace

ColorRamp ColorRamp::named(const QString &name, bool *ok)
{
    const QString n = name.toLower();
    if (ok)
        *ok = true;
    if (n.startsWith(QLatin1String("brewer:"))) {
        if (const auto scheme = colorBrewerScheme(name.mid(7)))
            return brewerRamp(*scheme);
    }
    if (n == QLatin1String("viridis"))
        return ColorRamp(even({"#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779",
                               "#6ece58", "#b5de2b", "#fde725"}),
                         n);
    if (n == QLatin1String("terrain"))
        return ColorRamp({{0.0, QColor("#333399")}, {0.15, QColor("#0294fa")}, {0.25, QColor("#20c864")},
                          {0.5, QColor("#fefe98")}, {0.75, QColor("#82614d")}, {1.0, QColor("#ffffff")}},
                         n);
    if (n == QLatin1String("heat"))
        return ColorRamp({{0.0, QColor(0, 0, 255, 0)}, {0.2, QColor(0, 90, 255, 150)}, {0.45, QColor(0, 220, 120, 200)},
                          {0.7, QColor(255, 230, 0, 230)}, {1.0, QColor(230, 20, 20, 255)}},
                         n);
    if (n == QLatin1String("spectral"))
        return ColorRamp(even({"#d7191c", "#fdae61", "#ffffbf", "#abdda4", "#2b83ba"}), n);
    if (n == QLatin1String("blues"))
        return ColorRamp(even({"#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"}), n);
    if (n == QLatin1String("reds"))
        return ColorRamp(even({"#fff5f0", "#fcbba1", "#fb6a4a", "#cb181d", "#67000d"}), n);
    if (n == QLatin1String("ylorrd"))
        return ColorRamp(even({"#ffffcc", "#fed976", "#fd8d3c", "#e31a1c", "#800026"}), n);
    if (n != QLatin1String("greys") && !n.startsWith(QLatin1String("brewer:"))) {
        // The names above predate ColorBrewer support and keep their ramps (saved styles must not change
        // colour); every other ColorBrewer name is its largest palette as a continuous ramp.
        if (const auto scheme = colorBrewerScheme(name))
            return brewerRamp(*scheme);
    }
    if (ok && n != QLatin1String("greys"))
        *ok = false;
    return ColorRamp(even({"#000000", "#ffffff"}), QStringLiteral("greys"));
}

QColor ColorRamp::color(double t) const
{
    if (m_stops.isEmpty())
        return Qt::black;
    t = std::clamp(t, 0.0, 1.0);
    if (t <= m_stops.front().first)
        return m_stops.front().second;
    for (int i = 1; i < m_stops.size(); ++i) {
        if (t <= m_stops[i].first) {
            const auto &[p0, c0] = m_stops[i - 1];
            const auto &[p1, c1] = m_stops[i];
            const double f = p1 > p0 ? (t - p0) / (p1 - p0) : 0.0;
            return QColor::fromRgbF(float(c0.redF() + f * (c1.redF() - c0.redF())),
                                    float(c0.greenF() + f * (c1.greenF() - c0.greenF())),
                                    float(c0.blueF() + f * (c1.blueF() - c0.blueF())),
                                    float(c0.alphaF() + f * (c1.alphaF() - c0.alphaF())));
        }
    }
    return m_stops.back().second;
}

ColorRamp ColorRamp::inverted() const
{
    QList<std::pair<double, QColor>> stops;
    for (const auto &[p, c] : m_stops)
        stops.append({1.0 - p, c});
    return ColorRamp(stops, m_name);
}

} // namespace kw
