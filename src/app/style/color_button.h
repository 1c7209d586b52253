// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QToolButton>

namespace kw {

/// \brief A button showing a colour swatch; clicking opens QColorDialog (with transparency).
class ColorButton : public QToolButton
{
    Q_OBJECT
public:
    explicit ColorButton(QWidget *parent = nullptr);
    QColor color() const { return m_color; }
    /// Sets the colour without emitting colorChanged().
    void setColor(const QColor &c);

Q_SIGNALS:
    void colorChanged(const QColor &color);

private:
    void pick();
    QColor m_color = Qt::black;
};

} // namespace kw
