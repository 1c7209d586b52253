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

    /// A named ramp ("greys", "viridis", "terrain", "spectral", "blues", "reds", "ylorrd"); greys if unknown.
    static ColorRamp named(const QString &name, bool *ok = nullptr);
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
