// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/time_stamp_overlay.h"

#include <QFontMetricsF>

namespace kw {

namespace {

QFont stampFont(double dpi)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(8, int(11.0 * dpi / 72.0 + 0.5))); // 11 pt
    font.setBold(true);
    return font;
}

double margin(double dpi)
{
    return 6.0 * dpi / 72.0;
}

} // namespace

QRectF TimeStampOverlay::box(const QRectF &rect, const QString &text, double dpi)
{
    const QFontMetricsF metrics(stampFont(dpi));
    const double m = margin(dpi);
    const QSizeF size(metrics.horizontalAdvance(text) + 2 * m, metrics.height() + m);
    return QRectF(rect.left() + m, rect.bottom() - m - size.height(), size.width(), size.height());
}

void TimeStampOverlay::draw(QPainter &painter, const QRectF &rect, const QString &text, double dpi)
{
    if (text.isEmpty()) return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const QRectF b = box(rect, text, dpi);
    painter.setPen(QPen(QColor(60, 60, 60), std::max(1.0, dpi / 96.0)));
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawRoundedRect(b, 3 * dpi / 72.0, 3 * dpi / 72.0);
    painter.setFont(stampFont(dpi));
    painter.setPen(QColor(20, 20, 20));
    painter.drawText(b, Qt::AlignCenter, text);
    painter.restore();
}

} // namespace kw
