// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/layout/layout_designer.h"

#include "app/layout/layout_commands.h"
#include "app/layout/layout_document.h"
#include "app/layout/layout_export_dialog.h"
#include "app/layout/layout_properties_panel.h"
#include "app/layout/layout_scene.h"
#include "app/layout/presentation_view.h"
#include "core/layout/layout_exporter.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QGraphicsView>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QWheelEvent>

namespace kw {

namespace {

/// \brief The page view: zooms with the wheel (Ctrl not needed: a layout has no map to pan here).
class PageView : public QGraphicsView
{
public:
    using QGraphicsView::QGraphicsView;

protected:
    void wheelEvent(QWheelEvent *event) override
    {
        const double factor = event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15;
        setTransformationAnchor(AnchorUnderMouse);
        scale(factor, factor);
    }
};

/// The JSON of a new item of \a type on page 0 at \a at (mm), with sensible sizes and links to the first map.
QJsonObject newItemJson(LayoutItem::Type type, const QPointF &at, const QString &mapId)
{
    auto item = LayoutItem::create(type);
    QJsonObject o = item->toJson();
    QSizeF size(60, 40);
    switch (type) {
    case LayoutItem::Type::Map:
        size = QSizeF(120, 90);
        o[QStringLiteral("frame")] = true;
        break;
    case LayoutItem::Type::Legend:
        size = QSizeF(50, 70);
        break;
    case LayoutItem::Type::ScaleBar:
        size = QSizeF(60, 9);
        break;
    case LayoutItem::Type::NorthArrow:
        size = QSizeF(10, 16);
        break;
    case LayoutItem::Type::Label:
        size = QSizeF(80, 10);
        o[QStringLiteral("text")] = QObject::tr("New text");
        break;
    case LayoutItem::Type::Picture:
        size = QSizeF(40, 16);
        break;
    case LayoutItem::Type::AttributeTable:
        size = QSizeF(90, 40);
        break;
    case LayoutItem::Type::Chart:
        size = QSizeF(100, 60);
        break;
    case LayoutItem::Type::Sources:
        size = QSizeF(90, 10);
        break;
    case LayoutItem::Type::Shape:
        size = QSizeF(40, 20);
        break;
    }
    o[QStringLiteral("x")] = at.x() - size.width() / 2;
    o[QStringLiteral("y")] = at.y() - size.height() / 2;
    o[QStringLiteral("width")] = size.width();
    o[QStringLiteral("height")] = size.height();
    if (!mapId.isEmpty() && (type == LayoutItem::Type::Legend || type == LayoutItem::Type::ScaleBar ||
                             type == LayoutItem::Type::NorthArrow || type == LayoutItem::Type::Sources))
        o[QStringLiteral("map")] = mapId;
    o.remove(QStringLiteral("id"));
    return o;
}

} // namespace

LayoutDesigner::LayoutDesigner(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Layout Designer"));
    resize(1280, 860);
    m_view = new PageView(this);
    m_view->setRenderHint(QPainter::Antialiasing, true);
    m_view->setDragMode(QGraphicsView::RubberBandDrag);
    setCentralWidget(m_view);
    m_layouts = new QComboBox(this);
    m_layouts->setMinimumWidth(220);
    buildActions();
    connect(m_layouts, &QComboBox::textActivated, this, [this](const QString &name) { showLayout(name); });
    statusBar()->showMessage(tr("Open a project (File ▸ Open Project…)"));
}

LayoutDesigner::~LayoutDesigner()
{
    // The scene and panel observe the document: remove them first.
    delete m_scene;
    m_scene = nullptr;
}

void LayoutDesigner::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Project…"), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(),
                                                          tr("Kartenwerk projects (*.kwproj)"));
        if (!path.isEmpty()) openProject(path);
    });
    QAction *save = file->addAction(tr("&Save Project"), QKeySequence::Save, this, [this] { saveProject(); });
    QMenu *templates = file->addMenu(tr("&New Layout from Template"));
    for (const QString &t : Layout::builtinTemplates())
        templates->addAction(t, this, [this, t] { newFromTemplate(t); });
    file->addSeparator();
    QAction *preview =
        file->addAction(tr("Print Pre&view…"), QKeySequence::Print, this, &LayoutDesigner::printPreview);
    QAction *exportAction =
        file->addAction(tr("&Export…"), QKeySequence(tr("Ctrl+E")), this, &LayoutDesigner::exportLayout);
    file->addSeparator();
    QAction *presentation =
        file->addAction(tr("&Presentation Mode"), QKeySequence(Qt::Key_F5), this, &LayoutDesigner::present);
    file->addSeparator();
    file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    QMenu *add = menuBar()->addMenu(tr("&Add Item"));
    QToolBar *tools = addToolBar(tr("Layout"));
    tools->addWidget(m_layouts);
    tools->addSeparator();
    const std::pair<LayoutItem::Type, QString> types[] = {{LayoutItem::Type::Map, tr("Map")},
                                                          {LayoutItem::Type::Legend, tr("Legend")},
                                                          {LayoutItem::Type::ScaleBar, tr("Scale Bar")},
                                                          {LayoutItem::Type::NorthArrow, tr("North Arrow")},
                                                          {LayoutItem::Type::Label, tr("Text")},
                                                          {LayoutItem::Type::Picture, tr("Picture")},
                                                          {LayoutItem::Type::AttributeTable, tr("Table")},
                                                          {LayoutItem::Type::Chart, tr("Chart")},
                                                          {LayoutItem::Type::Sources, tr("Sources")},
                                                          {LayoutItem::Type::Shape, tr("Shape")}};
    for (const auto &[type, name] : types) {
        QAction *a = add->addAction(name, this, [this, t = type] { addItem(t); });
        tools->addAction(a);
        m_documentActions << a;
    }
    QAction *remove =
        m_editMenu->addAction(tr("&Delete"), QKeySequence::Delete, this, &LayoutDesigner::deleteSelected);
    m_editMenu->addSeparator();
    QMenu *align = m_editMenu->addMenu(tr("&Align"));
    const std::pair<Qt::Alignment, QString> edges[] = {{Qt::AlignLeft, tr("Left Edges")},
                                                       {Qt::AlignRight, tr("Right Edges")},
                                                       {Qt::AlignTop, tr("Top Edges")},
                                                       {Qt::AlignBottom, tr("Bottom Edges")},
                                                       {Qt::AlignHCenter, tr("Horizontal Centres")},
                                                       {Qt::AlignVCenter, tr("Vertical Centres")}};
    for (const auto &[edge, name] : edges)
        m_documentActions << align->addAction(name, this, [this, e = edge] { alignSelected(e); });
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom to &Pages"), QKeySequence(tr("Ctrl+0")), this, &LayoutDesigner::zoomToPages);
    view->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, this, [this] { m_view->scale(1.25, 1.25); });
    view->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, this, [this] { m_view->scale(0.8, 0.8); });
    m_documentActions << save << preview << exportAction << remove;
    tools->addSeparator();
    tools->addAction(preview);
    tools->addAction(exportAction);
    tools->addAction(presentation);
    for (QAction *a : std::as_const(m_documentActions))
        a->setEnabled(false);
}

bool LayoutDesigner::openProject(const QString &path, bool quiet)
{
    QStringList warnings;
    auto project = Project::read(path, &warnings);
    if (!project.ok()) {
        if (!quiet) QMessageBox::warning(this, tr("Cannot open project"), project.error().message);
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QStringList failed = (*project)->loadLayers();
    QApplication::restoreOverrideCursor();
    if (!failed.isEmpty() && !quiet)
        QMessageBox::warning(this, tr("Some layers could not be loaded"), failed.join(QLatin1Char('\n')));
    delete m_scene;
    m_scene = nullptr;
    m_document.reset();
    m_project = std::move(*project);
    setWindowTitle(tr("Layout Designer – %1").arg(m_project->title()));
    m_layouts->clear();
    for (const Layout &l : m_project->layouts())
        m_layouts->addItem(l.name());
    if (!m_project->layouts().empty())
        showLayout(m_project->layouts().front().name());
    else
        newFromTemplate(Layout::builtinTemplates().front());
    return true;
}

void LayoutDesigner::commitDocument()
{
    // The edited copy goes back into the project before another layout is shown or the project saved.
    if (!m_document || !m_project) return;
    if (Layout *target = m_project->layout(m_document->layout().name())) *target = m_document->layout();
}

bool LayoutDesigner::showLayout(const QString &name)
{
    if (!m_project || !m_project->layout(name)) return false;
    commitDocument();
    delete m_scene;
    m_scene = nullptr;
    m_document = std::make_unique<LayoutDocument>(*m_project->layout(name),
                                                  LayoutProjectSnapshot::fromProject(*m_project));
    m_scene = new LayoutScene(m_document.get(), this);
    m_view->setScene(m_scene);
    if (!m_properties) {
        auto *dock = new QDockWidget(tr("Item Properties"), this);
        dock->setObjectName(QStringLiteral("layoutProperties"));
        addDockWidget(Qt::RightDockWidgetArea, dock);
        m_properties = new LayoutPropertiesPanel(m_document.get(), dock);
        dock->setWidget(m_properties);
    } else {
        auto *dock = qobject_cast<QDockWidget *>(m_properties->parentWidget());
        delete m_properties;
        m_properties = new LayoutPropertiesPanel(m_document.get(), dock);
        dock->setWidget(m_properties);
    }
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        const QStringList ids = m_scene->selectedIds();
        m_properties->setItem(ids.size() == 1 ? ids.first() : QString());
    });
    // Undo and redo follow the document shown.
    for (QAction *a : m_editMenu->actions())
        if (a->property("undoRedo").toBool()) {
            m_editMenu->removeAction(a);
            a->deleteLater();
        }
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setProperty("undoRedo", true);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setProperty("undoRedo", true);
    const QList<QAction *> existing = m_editMenu->actions();
    m_editMenu->insertActions(existing.isEmpty() ? nullptr : existing.first(), {undo, redo});
    m_layouts->setCurrentText(name);
    for (QAction *a : std::as_const(m_documentActions))
        a->setEnabled(true);
    statusBar()->showMessage(
        tr("Layout “%1”: %n item(s)", nullptr, int(m_document->layout().items().size())).arg(name));
    zoomToPages();
    return true;
}

void LayoutDesigner::newFromTemplate(const QString &templateName)
{
    if (!m_project) return;
    auto layout = Layout::builtinTemplate(templateName);
    if (!layout.ok()) return;
    QString name = layout->name();
    for (int k = 2; m_project->layout(name); ++k)
        name = QStringLiteral("%1 (%2)").arg(layout->name()).arg(k);
    layout->setName(name);
    m_project->layouts().push_back(*layout);
    m_layouts->addItem(name);
    showLayout(name);
}

bool LayoutDesigner::saveProject()
{
    if (!m_project) return false;
    commitDocument();
    const Status st = m_project->write(m_project->filePath());
    if (!st.ok()) {
        QMessageBox::warning(this, tr("Cannot save"), st.error().message);
        return false;
    }
    if (m_document) m_document->undoStack()->setClean();
    statusBar()->showMessage(tr("Saved %1").arg(m_project->filePath()), 5000);
    return true;
}

QString LayoutDesigner::addItem(LayoutItem::Type type)
{
    if (!m_document) return {};
    const LayoutItem *map = m_document->layout().firstItem(LayoutItem::Type::Map);
    const QPointF centre = m_scene->pageRect(0).center();
    auto *command =
        new AddItemCommand(m_document.get(), newItemJson(type, centre, map ? map->id() : QString()));
    m_document->undoStack()->push(command);
    m_scene->selectItem(command->itemId());
    return command->itemId();
}

void LayoutDesigner::alignSelected(Qt::Alignment edge)
{
    if (!m_document) return;
    const QStringList ids = m_scene->selectedIds();
    if (ids.size() < 2) return;
    // Align to the first selected item in drawing order (as QGIS aligns to the selection's bounds).
    QRectF bounds;
    for (const QString &id : ids)
        bounds = bounds.isNull() ? m_document->layout().item(id)->rect()
                                 : bounds.united(m_document->layout().item(id)->rect());
    m_document->undoStack()->beginMacro(tr("Align items"));
    for (const QString &id : ids) {
        const QJsonObject before = m_document->itemJson(id);
        QRectF r = m_document->layout().item(id)->rect();
        if (edge & Qt::AlignLeft)
            r.moveLeft(bounds.left());
        else if (edge & Qt::AlignRight)
            r.moveRight(bounds.right());
        else if (edge & Qt::AlignHCenter)
            r.moveCenter(QPointF(bounds.center().x(), r.center().y()));
        else if (edge & Qt::AlignTop)
            r.moveTop(bounds.top());
        else if (edge & Qt::AlignBottom)
            r.moveBottom(bounds.bottom());
        else if (edge & Qt::AlignVCenter)
            r.moveCenter(QPointF(r.center().x(), bounds.center().y()));
        QJsonObject after = before;
        after[QStringLiteral("x")] = r.x();
        after[QStringLiteral("y")] = r.y();
        if (after != before)
            m_document->undoStack()->push(
                new SetItemCommand(m_document.get(), id, before, after, tr("Align %1").arg(id)));
    }
    m_document->undoStack()->endMacro();
}

void LayoutDesigner::deleteSelected()
{
    if (!m_document) return;
    const QStringList ids = m_scene->selectedIds();
    if (ids.isEmpty()) return;
    m_document->undoStack()->beginMacro(tr("Delete %n item(s)", nullptr, int(ids.size())));
    for (const QString &id : ids)
        m_document->undoStack()->push(new RemoveItemCommand(m_document.get(), id));
    m_document->undoStack()->endMacro();
}

void LayoutDesigner::printPages(QPrinter *printer)
{
    // The printer gets the same vector drawing as a PDF export, page by page at the printer's resolution.
    const LayoutExporter exporter(m_document->layout(), m_document->project());
    QPainter painter;
    for (int p = 0; p < m_document->layout().pages().size(); ++p) {
        const LayoutPage &page = m_document->layout().pages()[p];
        printer->setPageLayout(
            QPageLayout(QPageSize(page.size, QPageSize::Millimeter, QString(), QPageSize::ExactMatch),
                        QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        if (p == 0) {
            if (!painter.begin(printer)) return;
        } else {
            printer->newPage();
        }
        painter.setRenderHint(QPainter::Antialiasing, true);
        exporter.renderPage(painter, p, printer->resolution(), true);
    }
    painter.end();
}

void LayoutDesigner::printPreview()
{
    if (!m_document) return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setFullPage(true);
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print Preview – %1").arg(m_document->layout().name()));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, &LayoutDesigner::printPages);
    dialog.exec();
}

void LayoutDesigner::exportLayout()
{
    if (!m_document) return;
    LayoutExportDialog dialog(m_document->layout(), m_document->project(), this);
    dialog.exec();
}

void LayoutDesigner::present()
{
    if (!m_project) return;
    auto *view = new PresentationView(*m_project);
    connect(this, &QObject::destroyed, view, &QWidget::close);
    view->showFullScreen();
}

void LayoutDesigner::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // Fitting before the window has its size would fit the pages into a tiny view.
    QTimer::singleShot(0, this, &LayoutDesigner::zoomToPages);
}

void LayoutDesigner::zoomToPages()
{
    if (!m_scene) return;
    QRectF all;
    for (int p = 0; p < m_document->layout().pages().size(); ++p)
        all = all.united(m_scene->pageRect(p));
    m_view->fitInView(all.adjusted(-8, -8, 8, 8), Qt::KeepAspectRatio);
}

} // namespace kw
