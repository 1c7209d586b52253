// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace kw {

/// \brief A continuous colour ramp: colour stops at positions 0..1, interpolated in RGB.
class ColorRamp
{
public:
    ColorRamp() = default;
    explicit ColorRamp(QList<std::pair<double, QColor>> stops, QString name = {});

    /// A named ramp, case-insensitive; greys if unknown. The built-in "greys" (black to white), "viridis",
    /// "terrain", "spectral", "blues", "reds" and "ylorrd" keep their own stops; every other ColorBrewer scheme
    /// name (see color_brewer.h) gives a ramp through its largest palette, and "brewer:NAME" does so for
    /// every scheme, including Greys, Spectral, Blues, Reds and YlOrRd.
    static ColorRamp named(const QString &name, bool *ok = nullptr);
    /// The built-in names, then the other ColorBrewer names.
    static QStringList names();

    QColor color(double t) const;
    ColorRamp inverted() const;
    QString name() const { return m_name; }
    const QList<std::pair<double, QColor>> &stops() const { return m_stops; }

private:
    QList<std::pair<double, QColor>> m_stops;
    QString m_name;
};

} // namespace kw
