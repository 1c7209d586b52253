// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/statusbar/map_status_bar.h"

#include "app/canvas/map_canvas.h"
#include "app/statusbar/scale_combo_box.h"
#include "core/crs/coordinate_transform.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

#include <cmath>

namespace kw {

MapStatusBar::MapStatusBar(QStatusBar *bar, MapCanvas *canvas)
    : QObject(bar), m_canvas(canvas), m_coords(new QLabel(bar)), m_scale(new ScaleComboBox(bar)),
      m_crs(new QToolButton(bar)), m_progress(new QProgressBar(bar))
{
    m_coords->setAccessibleName(tr("Cursor coordinates"));
    m_coords->setMinimumWidth(m_coords->fontMetrics().horizontalAdvance(QStringLiteral("0000000,0  0000000,0  (00,00000° N  000,00000° E)")));
    m_crs->setAutoRaise(true);
    m_crs->setAccessibleName(tr("Map coordinate reference system"));
    m_crs->setToolTip(tr("Map coordinate reference system: click to change"));
    m_progress->setMaximumWidth(160);
    m_progress->setAccessibleName(tr("Loading progress"));
    m_progress->setTextVisible(true);
    m_progress->hide();
    auto *scaleLabel = new QLabel(tr("Scale"), bar);
    scaleLabel->setBuddy(m_scale);
    bar->addPermanentWidget(m_progress);
    bar->addPermanentWidget(m_coords);
    bar->addPermanentWidget(scaleLabel);
    bar->addPermanentWidget(m_scale);
    bar->addPermanentWidget(m_crs);

    connect(m_crs, &QToolButton::clicked, this, &MapStatusBar::crsChangeRequested);
    connect(m_scale, &ScaleComboBox::scaleChosen, canvas, [canvas](double s) {
        canvas->setScale(s);
        Q_EMIT canvas->userNavigated();
    });
    connect(canvas, &MapCanvas::extentChanged, this, [this] {
        const double s = m_canvas->scale();
        if (std::isfinite(s) && s > 0)
            m_scale->setScale(s);
    });
    connect(canvas, &MapCanvas::cursorMoved, this,
            [this](const QPointF &p) { m_coords->setText(coordinateText(p, m_canvas->crs())); });
}

QString MapStatusBar::coordinateText(const QPointF &p, const Crs &crs)
{
    const QLocale l;
    const QPointF ll = CoordinateTransform(crs, Crs::wgs84()).transform(p);
    const bool geographic = crs.isGeographic();
    const QString map = geographic ? QStringLiteral("%1, %2").arg(l.toString(p.x(), 'f', 6), l.toString(p.y(), 'f', 6))
                                   : QStringLiteral("%1, %2").arg(l.toString(p.x(), 'f', 1), l.toString(p.y(), 'f', 1));
    if (!std::isfinite(ll.x()) || !std::isfinite(ll.y()))
        return map;
    const QString ns = ll.y() >= 0 ? tr("N") : tr("S");
    const QString ew = ll.x() >= 0 ? tr("E") : tr("W");
    return tr("%1  (%2° %3  %4° %5)")
        .arg(map, l.toString(std::abs(ll.y()), 'f', 5), ns, l.toString(std::abs(ll.x()), 'f', 5), ew);
}

void MapStatusBar::setCrs(const Crs &crs)
{
    const QString id = crs.authId().isEmpty() ? crs.name() : crs.authId();
    m_crs->setText(id);
    m_crs->setToolTip(tr("Map coordinate reference system: %1 — click to change").arg(crs.description()));
}

void MapStatusBar::setLoadProgress(int done, int total)
{
    if (total <= 0 || done >= total) {
        m_progress->hide();
        return;
    }
    // One layer has no steps to count: a busy bar says "working" better than "0 %".
    m_progress->setRange(0, total == 1 ? 0 : total);
    m_progress->setValue(done);
    m_progress->setFormat(tr("Loading %1/%2").arg(done).arg(total));
    m_progress->show();
}

} // namespace kw
