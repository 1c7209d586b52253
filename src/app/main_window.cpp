// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/main_window.h"

#include "ui_main_window.h"

#include "app/canvas/map_canvas.h"
#include "app/layout/layout_designer.h"
#include "core/crs/coordinate_transform.h"
#include "core/data/data_provider.h"
#include "core/layers/layer_factory.h"
#include "core/layers/vector_layer.h"
#include "core/render/map_exporter.h"

#include <QFileDialog>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace kw {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    m_canvas = new MapCanvas(this);
    setCentralWidget(m_canvas);
    delete m_ui->centralWidget;

    m_coords = new QLabel(this);
    m_coords->setAccessibleName(tr("Cursor coordinates"));
    m_scale = new QLabel(this);
    m_scale->setAccessibleName(tr("Map scale"));
    m_crsLabel = new QLabel(this);
    m_crsLabel->setAccessibleName(tr("Map CRS"));
    statusBar()->addWidget(m_coords, 1);
    statusBar()->addPermanentWidget(m_scale);
    statusBar()->addPermanentWidget(m_crsLabel);

    // New maps use the city's CRS until data says otherwise (as QGIS does with its project default).
    m_mapCrs = Crs::etrs89Utm32();
    m_canvas->setCrs(m_mapCrs);
    m_crsLabel->setText(m_mapCrs.authId());

    connect(m_ui->actionOpenData, &QAction::triggered, this, &MainWindow::openData);
    connect(m_ui->actionExportMap, &QAction::triggered, this, &MainWindow::exportMap);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    // The print layout designer is a window of its own (src/app/layout); this is its one hook.
    QAction *layouts = new QAction(tr("Print &Layouts…"), this);
    layouts->setShortcut(QKeySequence(tr("Ctrl+L")));
    m_ui->menuFile->insertAction(m_ui->actionQuit, layouts);
    connect(layouts, &QAction::triggered, this, [this] {
        auto *designer = new LayoutDesigner(this);
        designer->setAttribute(Qt::WA_DeleteOnClose);
        designer->show();
    });
    connect(m_ui->actionZoomFull, &QAction::triggered, m_canvas, &MapCanvas::zoomToFullExtent);
    connect(m_ui->actionZoomIn, &QAction::triggered, this,
            [this] { m_canvas->zoomByFactor(0.5, QPointF(m_canvas->width() / 2.0, m_canvas->height() / 2.0)); });
    connect(m_ui->actionZoomOut, &QAction::triggered, this,
            [this] { m_canvas->zoomByFactor(2.0, QPointF(m_canvas->width() / 2.0, m_canvas->height() / 2.0)); });
    connect(m_ui->actionRefresh, &QAction::triggered, m_canvas, &MapCanvas::refresh);
    connect(m_canvas, &MapCanvas::extentChanged, this, &MainWindow::updateScale);
    connect(m_canvas, &MapCanvas::userNavigated, this, [this] { m_userNavigated = true; });
    connect(m_canvas, &MapCanvas::cursorMoved, this, [this](const QPointF &p) {
        const QPointF ll = CoordinateTransform(m_mapCrs, Crs::wgs84()).transform(p);
        m_coords->setText(tr("%1, %2  (%3° N, %4° E)")
                              .arg(QLocale().toString(p.x(), 'f', 1), QLocale().toString(p.y(), 'f', 1),
                                   QLocale().toString(ll.y(), 'f', 5), QLocale().toString(ll.x(), 'f', 5)));
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::updateScale()
{
    m_scale->setText(QStringLiteral("1:%1").arg(QLocale().toString(qRound64(m_canvas->scale()))));
}

void MainWindow::addSources(const QStringList &sources)
{
    QList<std::shared_ptr<Layer>> created;
    for (const QString &s : sources) {
        auto layers = LayerFactory::fromSource(SourceUri::parse(s));
        if (!layers.ok()) {
            QMessageBox::warning(this, tr("Cannot add data"), layers.error().message);
            continue;
        }
        created << *layers;
    }
    if (created.isEmpty())
        return;
    int index = 0;
    for (const auto &l : m_layers)
        index += l->kind() == Layer::Kind::Vector;
    for (auto &l : created)
        if (l->kind() == Layer::Kind::Vector)
            static_cast<VectorLayer &>(*l).setDefaultStyleIndex(index++);
    statusBar()->showMessage(tr("Loading %n layer(s)…", nullptr, int(created.size())));
    for (const auto &layer : created) {
        ++m_pendingLoads;
        auto *watcher = new QFutureWatcher<void>(this);
        connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, layer] {
            watcher->deleteLater();
            if (!layer->error().isEmpty())
                statusBar()->showMessage(layer->error(), 10000);
            m_layers.append(layer);
            m_canvas->setLayers(m_layers);
            if (--m_pendingLoads == 0) {
                statusBar()->clearMessage();
                // The first data opened defines the view: show all of it, not just the first layer loaded.
                if (!m_userNavigated)
                    m_canvas->zoomToFullExtent();
                Q_EMIT layersLoaded();
            }
        });
        const Crs crs = m_mapCrs;
        watcher->setFuture(QtConcurrent::run([layer, crs] { layer->load(crs); }));
    }
}

void MainWindow::openData()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add Data"), QString(),
        tr("All GIS data (*.gpkg *.shp *.geojson *.json *.csv *.tif *.tiff *.mbtiles *.gml *.kml *.osm *.pbf *.fgb "
           "*.sqlite);;All files (*)"));
    if (!files.isEmpty())
        addSources(files);
}

void MainWindow::exportMap()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Map"), QString(),
                                                      tr("PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)"));
    if (path.isEmpty())
        return;
    MapSettings settings = m_canvas->settings();
    settings.setExtent(m_canvas->extent());
    auto result = MapExporter::exportMap(settings, path);
    if (!result.ok())
        QMessageBox::warning(this, tr("Export failed"), result.error().message);
    else
        statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
}

void MainWindow::snapshotWhenReady(const QString &path, std::function<void(bool)> done)
{
    auto tryNow = std::make_shared<std::function<void()>>();
    *tryNow = [this, path, done, tryNow] {
        if (m_pendingLoads > 0 || m_canvas->isRendering() || m_canvas->lastImage().isNull()) {
            QTimer::singleShot(100, this, *tryNow);
            return;
        }
        done(grab().save(path));
    };
    QTimer::singleShot(200, this, *tryNow);
}

} // namespace kw
