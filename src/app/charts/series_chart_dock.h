// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QDockWidget>
#include <QList>
#include <QSize>
#include <QStringList>
#include <cstdint>
#include <memory>
#include <optional>

class QChart;
class QChartView;
class QComboBox;
class QLineSeries;
class QListWidget;

namespace kw {

class SensorLayer;

/// \brief Time series of the chosen sites of a sensor layer (Qt Charts), with a cursor at the slider's time.
///
/// Lives in the app only: Qt Charts needs Qt Widgets. Reads the layer's data through the plain accessors
/// (site → series → time and value arrays), draws local time (Europe/Berlin) with the same ticks and the
/// same gap rule as the CLI's chart (TimeSeriesChart), puts the unit on the value axis, and exports the
/// chart as PNG or SVG.
class SeriesChartDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit SeriesChartDock(QWidget *parent = nullptr);

    /// The layers to choose from (the first is shown until the user picks another).
    void setSensorLayers(const QList<std::shared_ptr<SensorLayer>> &layers);
    /// Shows the sites with these ids (of the current layer); others are unchecked.
    void setSelectedSites(const QStringList &ids);
    QStringList selectedSites() const;
    /// Marks \a t with a vertical line (nullopt: none).
    void setCursorTime(std::optional<int64_t> t);
    /// Writes the chart as PNG or SVG (by suffix) of \a size (default: as shown).
    Status exportChart(const QString &path, const QSize &size = QSize()) const;
    QChart *chart() const;

private:
    void rebuild();
    void updateCursor();
    void exportDialog();

    QList<std::shared_ptr<SensorLayer>> m_layers;
    QComboBox *m_layer = nullptr;
    QListWidget *m_sites = nullptr;
    QChartView *m_view = nullptr;
    QLineSeries *m_cursor = nullptr;
    std::optional<int64_t> m_cursorTime;
    double m_ymin = 0, m_ymax = 1;
    bool m_updating = false;
};

} // namespace kw
