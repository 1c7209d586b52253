// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/charts/series_chart_dock.h"

#include "core/layers/sensor_layer.h"
#include "core/style/color_brewer.h"
#include "core/temporal/time_format.h"
#include "core/temporal/time_series_chart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QSvgGenerator>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>
#include <limits>

namespace kw {

SeriesChartDock::SeriesChartDock(QWidget *parent) : QDockWidget(tr("Time series"), parent)
{
    setObjectName(QStringLiteral("seriesChartDock"));
    auto *body = new QWidget(this);
    auto *layout = new QHBoxLayout(body);
    auto *side = new QVBoxLayout;
    m_layer = new QComboBox(body);
    m_layer->setAccessibleName(tr("Sensor layer"));
    m_sites = new QListWidget(body);
    m_sites->setAccessibleName(tr("Sites"));
    m_sites->setMinimumWidth(180);
    m_layer->setMinimumWidth(180);
    auto *exportButton = new QPushButton(tr("Export…"), body);
    exportButton->setToolTip(tr("Save the chart as PNG or SVG"));
    side->addWidget(m_layer);
    side->addWidget(m_sites, 1);
    side->addWidget(exportButton);
    m_view = new QChartView(new QChart(), body);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(420, 260);
    layout->addLayout(side);
    layout->addWidget(m_view, 1);
    setWidget(body);
    connect(m_layer, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating) return;
        // A new layer: its first sites are shown.
        m_updating = true;
        m_sites->clear();
        const int index = m_layer->currentIndex();
        if (index >= 0 && index < m_layers.size() && m_layers[index]->features()) {
            const SensorLayer &layer = *m_layers[index];
            const auto &series = layer.features()->series();
            for (size_t f = 0; f < series.size(); ++f) {
                const SensorSite &site =
                    layer.data()->sites()[size_t(layer.data()->series()[size_t(series[f])].site)];
                auto *item = new QListWidgetItem(site.name.isEmpty() ? site.id : site.name, m_sites);
                item->setData(Qt::UserRole, site.id);
                item->setData(Qt::UserRole + 1, int(f));
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
                item->setCheckState(f < 3 ? Qt::Checked : Qt::Unchecked);
            }
        }
        m_updating = false;
        rebuild();
    });
    connect(m_sites, &QListWidget::itemChanged, this, [this] {
        if (!m_updating) rebuild();
    });
    connect(exportButton, &QPushButton::clicked, this, &SeriesChartDock::exportDialog);
}

QChart *SeriesChartDock::chart() const
{
    return m_view->chart();
}

void SeriesChartDock::setSensorLayers(const QList<std::shared_ptr<SensorLayer>> &layers)
{
    const QString previous = m_layer->currentText();
    const QStringList selected = selectedSites();
    m_layers.clear();
    for (const auto &l : layers)
        if (l && l->features()) m_layers << l;
    m_updating = true;
    m_layer->clear();
    for (const auto &l : std::as_const(m_layers))
        m_layer->addItem(l->name());
    m_updating = false;
    const int keep = m_layer->findText(previous);
    m_layer->setCurrentIndex(-1);
    m_layer->setCurrentIndex(keep >= 0 ? keep : (m_layers.isEmpty() ? -1 : 0));
    if (keep >= 0 && !selected.isEmpty()) setSelectedSites(selected);
    setVisible(isVisible() || !m_layers.isEmpty());
}

void SeriesChartDock::setSelectedSites(const QStringList &ids)
{
    m_updating = true;
    for (int i = 0; i < m_sites->count(); ++i)
        m_sites->item(i)->setCheckState(
            ids.contains(m_sites->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    m_updating = false;
    rebuild();
}

QStringList SeriesChartDock::selectedSites() const
{
    QStringList ids;
    for (int i = 0; i < m_sites->count(); ++i)
        if (m_sites->item(i)->checkState() == Qt::Checked)
            ids << m_sites->item(i)->data(Qt::UserRole).toString();
    return ids;
}

void SeriesChartDock::rebuild()
{
    QChart *chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    m_cursor = nullptr;
    const int index = m_layer->currentIndex();
    if (index < 0 || index >= m_layers.size()) return;
    const SensorLayer &layer = *m_layers[index];
    const SensorData &data = *layer.data();
    const QTimeZone zone = TimeFormat::displayZone();
    chart->setTitle(layer.unit().isEmpty() ? layer.property()
                                           : QStringLiteral("%1 [%2]").arg(layer.property(), layer.unit()));

    auto *timeAxis = new QCategoryAxis;
    timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    auto *valueAxis = new QValueAxis;
    valueAxis->setTitleText(layer.unit());
    valueAxis->setLabelFormat(QStringLiteral("%g"));
    chart->addAxis(timeAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);

    int64_t tmin = std::numeric_limits<int64_t>::max(), tmax = std::numeric_limits<int64_t>::min();
    double vmin = std::numeric_limits<double>::infinity(), vmax = -vmin;
    const QList<QColor> palette = colorsFor(QStringLiteral("Dark2"), 8);
    int colour = 0;
    for (int i = 0; i < m_sites->count(); ++i) {
        const QListWidgetItem *item = m_sites->item(i);
        if (item->checkState() != Qt::Checked) continue;
        const SensorSeries &series =
            data.series()[size_t(layer.features()->series()[size_t(item->data(Qt::UserRole + 1).toInt())])];
        const auto times = series.data.times();
        const auto values = series.data.values();
        const QColor color = palette.value(colour++ % std::max<int>(1, int(palette.size())), Qt::black);
        bool first = true;
        // One QLineSeries per connected stretch: gaps in the data stay gaps in the chart.
        for (const auto &[a, b] : TimeSeriesChart::segments(times)) {
            auto *line = new QLineSeries;
            line->setName(item->text());
            line->setColor(color);
            for (size_t k = a; k < b; ++k) {
                line->append(double(times[k]), values[k]);
                vmin = std::min(vmin, values[k]);
                vmax = std::max(vmax, values[k]);
            }
            tmin = std::min(tmin, times[a]);
            tmax = std::max(tmax, times[b - 1]);
            chart->addSeries(line);
            line->attachAxis(timeAxis);
            line->attachAxis(valueAxis);
            if (!first) // one legend entry per site
                for (QLegendMarker *marker : chart->legend()->markers(line))
                    marker->setVisible(false);
            first = false;
        }
    }
    if (tmin > tmax) return;
    if (vmin > 0 && vmin < 0.5 * vmax) vmin = 0;
    if (vmax <= vmin) vmax = vmin + 1;
    valueAxis->setRange(vmin, vmax);
    valueAxis->applyNiceNumbers();
    m_ymin = valueAxis->min();
    m_ymax = valueAxis->max();
    timeAxis->setRange(double(tmin), double(std::max(tmax, tmin + 1)));
    for (const TimeSeriesChart::Tick &tick : TimeSeriesChart::timeTicks(tmin, tmax, zone, 8))
        timeAxis->append(tick.label, double(tick.time));
    m_cursor = new QLineSeries;
    m_cursor->setPen(QPen(QColor(200, 30, 30), 1.5, Qt::DashLine));
    chart->addSeries(m_cursor);
    m_cursor->attachAxis(timeAxis);
    m_cursor->attachAxis(valueAxis);
    for (QLegendMarker *marker : chart->legend()->markers(m_cursor))
        marker->setVisible(false);
    updateCursor();
}

void SeriesChartDock::setCursorTime(std::optional<int64_t> t)
{
    m_cursorTime = t;
    updateCursor();
}

void SeriesChartDock::updateCursor()
{
    if (!m_cursor) return;
    if (m_cursorTime)
        m_cursor->replace(
            QList<QPointF>{QPointF(double(*m_cursorTime), m_ymin), QPointF(double(*m_cursorTime), m_ymax)});
    else
        m_cursor->clear();
}

Status SeriesChartDock::exportChart(const QString &path, const QSize &requested) const
{
    const QSize size = requested.isValid() ? requested : m_view->size();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return Error::usage(QStringLiteral("%1: unsupported chart format (use .png or .svg)").arg(path));
    // Rendered at the requested size from the scene, not grabbed from the screen.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::output(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    const QRectF target(QPointF(0, 0), QSizeF(size));
    QChart *c = m_view->chart();
    const QSizeF oldSize = c->size();
    c->resize(QSizeF(size));
    if (suffix == QLatin1String("png")) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        m_view->scene()->render(&painter, target, c->sceneBoundingRect());
        painter.end();
        if (!image.save(&file, "PNG")) {
            file.cancelWriting();
            c->resize(oldSize);
            return Error::output(QStringLiteral("%1: cannot write the image").arg(path));
        }
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(c->title());
        QPainter painter(&svg);
        m_view->scene()->render(&painter, target, c->sceneBoundingRect());
        painter.end();
    }
    c->resize(oldSize);
    if (!file.commit())
        return Error::output(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    return {};
}

void SeriesChartDock::exportDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), QString(),
                                                      tr("PNG image (*.png);;SVG (*.svg)"));
    if (path.isEmpty()) return;
    if (Status st = exportChart(path); !st.ok())
        QMessageBox::warning(this, tr("Export failed"), st.error().message);
}

} // namespace kw
