// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRectF>
#include <QString>

#include <algorithm>
#include <limits>

namespace kw {

/// \brief An axis-aligned bounding box in map units; a default-constructed one is empty (null).
struct Envelope
{
    double xmin = std::numeric_limits<double>::infinity();
    double ymin = std::numeric_limits<double>::infinity();
    double xmax = -std::numeric_limits<double>::infinity();
    double ymax = -std::numeric_limits<double>::infinity();

    Envelope() = default;
    Envelope(double x0, double y0, double x1, double y1)
        : xmin(std::min(x0, x1)), ymin(std::min(y0, y1)), xmax(std::max(x0, x1)), ymax(std::max(y0, y1))
    {
    }

    bool isNull() const { return !(xmin <= xmax && ymin <= ymax); }
    double width() const { return isNull() ? 0.0 : xmax - xmin; }
    double height() const { return isNull() ? 0.0 : ymax - ymin; }
    double centerX() const { return (xmin + xmax) / 2; }
    double centerY() const { return (ymin + ymax) / 2; }

    void include(double x, double y)
    {
        xmin = std::min(xmin, x);
        ymin = std::min(ymin, y);
        xmax = std::max(xmax, x);
        ymax = std::max(ymax, y);
    }
    void include(const Envelope &o)
    {
        if (o.isNull())
            return;
        xmin = std::min(xmin, o.xmin);
        ymin = std::min(ymin, o.ymin);
        xmax = std::max(xmax, o.xmax);
        ymax = std::max(ymax, o.ymax);
    }
    bool intersects(const Envelope &o) const
    {
        return !(o.xmin > xmax || o.xmax < xmin || o.ymin > ymax || o.ymax < ymin);
    }
    bool contains(double x, double y) const { return x >= xmin && x <= xmax && y >= ymin && y <= ymax; }

    /// Grows the box by \a fraction of its size on every side; a degenerate box grows by \a minimum.
    Envelope buffered(double fraction, double minimum = 1.0) const
    {
        if (isNull())
            return *this;
        const double dx = std::max(width() * fraction, width() > 0 ? 0.0 : minimum);
        const double dy = std::max(height() * fraction, height() > 0 ? 0.0 : minimum);
        return {xmin - dx, ymin - dy, xmax + dx, ymax + dy};
    }

    bool operator==(const Envelope &o) const = default;

    /// "xmin,ymin,xmax,ymax" with C locale digits: machine output never carries a decimal comma.
    QString toString(int precision = 6) const
    {
        return QStringLiteral("%1,%2,%3,%4")
            .arg(xmin, 0, 'f', precision)
            .arg(ymin, 0, 'f', precision)
            .arg(xmax, 0, 'f', precision)
            .arg(ymax, 0, 'f', precision);
    }
};

} // namespace kw
