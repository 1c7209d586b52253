// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/layers/layer.h"

#include <QLabel>
#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace kw {

class MapCanvas;

/// \brief The main window: wires the map canvas, actions and status bar together; features live elsewhere.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Adds every layer of the given sources; loading runs in the background.
    void addSources(const QStringList &sources);
    MapCanvas *canvas() const { return m_canvas; }
    /// Writes a PNG of the window once the first map render has finished, then calls \a done.
    void snapshotWhenReady(const QString &path, std::function<void(bool)> done);

Q_SIGNALS:
    void layersLoaded();

private:
    void openData();
    void exportMap();
    void updateScale();

    std::unique_ptr<Ui::MainWindow> m_ui;
    MapCanvas *m_canvas = nullptr;
    QLabel *m_coords = nullptr;
    QLabel *m_scale = nullptr;
    QLabel *m_crsLabel = nullptr;
    QList<std::shared_ptr<Layer>> m_layers;
    Crs m_mapCrs;
    int m_pendingLoads = 0;
    bool m_userNavigated = false;
};

} // namespace kw
