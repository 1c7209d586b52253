// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/style/color_button.h"

#include <QColorDialog>
#include <QPainter>
#include <QPixmap>

namespace kw {

ColorButton::ColorButton(QWidget *parent) : QToolButton(parent)
{
    setIconSize(QSize(32, 14));
    setToolButtonStyle(Qt::ToolButtonIconOnly);
    connect(this, &QToolButton::clicked, this, &ColorButton::pick);
    setColor(Qt::black);
}

void ColorButton::setColor(const QColor &c)
{
    m_color = c;
    QPixmap pm(iconSize());
    pm.fill(Qt::white);
    QPainter p(&pm);
    // A checkerboard under transparent colours.
    for (int x = 0; x < pm.width(); x += 4)
        for (int y = 0; y < pm.height(); y += 4)
            if ((x / 4 + y / 4) % 2)
                p.fillRect(x, y, 4, 4, QColor(210, 210, 210));
    p.fillRect(pm.rect(), c);
    p.setPen(QColor(90, 90, 90));
    p.drawRect(pm.rect().adjusted(0, 0, -1, -1));
    p.end();
    setIcon(QIcon(pm));
    setToolTip(c.alpha() < 255 ? QStringLiteral("%1, %2 %").arg(c.name()).arg(qRound(c.alphaF() * 100)) : c.name());
}

void ColorButton::pick()
{
    const QColor c = QColorDialog::getColor(m_color, this, accessibleName(), QColorDialog::ShowAlphaChannel);
    if (!c.isValid() || c == m_color)
        return;
    setColor(c);
    Q_EMIT colorChanged(c);
}

} // namespace kw
