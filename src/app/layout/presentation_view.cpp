// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/layout/presentation_view.h"

#include "app/canvas/map_canvas.h"
#include "core/layers/vector_layer.h"
#include "core/layout/layout_legend_item.h"
#include "core/style/legend_symbol.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace kw {

PresentationView::PresentationView(const Project &project, QWidget *parent) : QWidget(parent)
{
    setWindowTitle(tr("Presentation – %1").arg(project.title()));
    setAttribute(Qt::WA_DeleteOnClose);
    setStyleSheet(QStringLiteral("background: white;"));
    m_projectTitle = project.title();
    m_views = project.bookmarks();
    if (m_views.isEmpty()) // a project without views still presents: its whole extent
        m_views << Bookmark{project.title(),
                            project.extent().isNull() ? project.fullExtent() : project.extent()};

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(28, 18, 28, 18);
    auto *header = new QHBoxLayout;
    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    m_title->setFont(big);
    m_counter = new QLabel(this);
    QFont small = m_counter->font();
    small.setPointSizeF(small.pointSizeF() * 1.3);
    m_counter->setFont(small);
    m_counter->setStyleSheet(QStringLiteral("color: #5a6570;"));
    header->addWidget(m_title, 1);
    header->addWidget(m_counter);
    outer->addLayout(header);
    auto *body = new QHBoxLayout;
    m_canvas = new MapCanvas(this);
    m_canvas->setCrs(project.crs());
    m_canvas->setLayers(project.renderLayers());
    body->addWidget(m_canvas, 4);
    auto *legend = new LegendWidget(this);
    QList<std::shared_ptr<Layer>> top = project.renderLayers();
    std::reverse(top.begin(), top.end());
    legend->setLayers(top);
    legend->setMinimumWidth(280);
    body->addWidget(legend, 1);
    outer->addLayout(body, 1);
    connect(m_canvas, &MapCanvas::extentChanged, legend,
            [legend, this, top] { legend->setLayers(top, m_canvas->scale()); });
    showSlide(0);
}

void PresentationView::showSlide(int index)
{
    if (m_views.isEmpty()) return;
    m_current = std::clamp(index, 0, int(m_views.size()) - 1);
    const Bookmark &b = m_views[m_current];
    m_title->setText(b.name);
    m_counter->setText(
        QStringLiteral("%1  ·  %2 / %3").arg(m_projectTitle).arg(m_current + 1).arg(m_views.size()));
    m_canvas->setExtent(b.extent);
}

void PresentationView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_Space:
    case Qt::Key_PageDown:
        showSlide(m_current + 1);
        return;
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_Backspace:
    case Qt::Key_PageUp:
        showSlide(m_current - 1);
        return;
    case Qt::Key_Home:
        showSlide(0);
        return;
    case Qt::Key_End:
        showSlide(int(m_views.size()) - 1);
        return;
    case Qt::Key_Escape:
        close();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

LegendWidget::LegendWidget(QWidget *parent) : QWidget(parent) {}

void LegendWidget::setLayers(const QList<std::shared_ptr<Layer>> &layers, double scale)
{
    m_layers = layers;
    m_scale = scale;
    update();
}

void LegendWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const double dpi = logicalDpiX();
    QFont heading = font();
    heading.setBold(true);
    heading.setPointSizeF(font().pointSizeF() * 1.25);
    QFont item = font();
    item.setPointSizeF(font().pointSizeF() * 1.15);
    const QFontMetricsF hm(heading), im(item);
    const QSizeF swatch(8 * dpi / 25.4, 5 * dpi / 25.4);
    double y = 8;
    for (const auto &layer : m_layers) {
        if (layer->kind() != Layer::Kind::Vector || !layer->isVisible() ||
            (m_scale > 0 && !layer->isVisibleAtScale(m_scale)))
            continue;
        const QList<LegendEntry> entries = LayoutLegendItem::layerEntries(*layer, m_scale);
        p.setFont(heading);
        p.setPen(QColor(29, 43, 58));
        p.drawText(QPointF(6, y + hm.ascent()), layer->name());
        y += hm.height() + 4;
        p.setFont(item);
        for (const LegendEntry &e : entries) {
            const QSizeF size = legendSymbolSize(e, swatch, dpi);
            drawLegendSymbol(p, e, QRectF(QPointF(10, y), size), dpi);
            p.setPen(QColor(51, 51, 51));
            p.drawText(QPointF(18 + std::max(size.width(), swatch.width()),
                               y + size.height() / 2 + (im.ascent() - im.descent()) / 2),
                       e.label.isEmpty() ? layer->name() : e.label);
            y += std::max(size.height(), im.height()) + 5;
        }
        y += 8;
    }
}

} // namespace kw
