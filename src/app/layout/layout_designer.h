// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/project/project.h"

#include <QMainWindow>
#include <memory>

class QComboBox;
class QGraphicsView;
class QPrinter;

namespace kw {

class LayoutDocument;
class LayoutPropertiesPanel;
class LayoutScene;

/// \brief The print layout designer: a page view where items are added, moved, resized and aligned, a
/// properties panel, undo/redo, print preview and the export dialog — over the core layout model.
///
/// Works on a project file: open one, pick or create a layout (from the built-in templates), edit, save
/// back into the project. The presentation mode (the project's views as slides) starts from here too.
class LayoutDesigner : public QMainWindow
{
    Q_OBJECT
public:
    explicit LayoutDesigner(QWidget *parent = nullptr);
    ~LayoutDesigner() override;

    /// Opens a project (its layers are loaded); false with a message box on failure.
    bool openProject(const QString &path, bool quiet = false);
    /// Shows layout \a name of the project; false when there is none.
    bool showLayout(const QString &name);
    /// A new layout from a built-in template, added to the project and shown.
    void newFromTemplate(const QString &templateName);

    LayoutDocument *document() const { return m_document.get(); }
    LayoutScene *scene() const { return m_scene; }
    Project *project() const { return m_project.get(); }
    /// Writes the edited layout back into the project and saves the project file.
    bool saveProject();
    /// Adds an item of \a type in the middle of the first page (undoable); returns its id.
    QString addItem(LayoutItem::Type type);
    /// Aligns the selected items' left, right, top or bottom edges or centres (Qt::AlignLeft, …).
    void alignSelected(Qt::Alignment edge);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildActions();
    void printPreview();
    void printPages(QPrinter *printer);
    void exportLayout();
    void deleteSelected();
    void present();
    void zoomToPages();
    void commitDocument();

    std::unique_ptr<Project> m_project;
    std::unique_ptr<LayoutDocument> m_document;
    LayoutScene *m_scene = nullptr;
    QGraphicsView *m_view;
    LayoutPropertiesPanel *m_properties = nullptr;
    QComboBox *m_layouts;
    QMenu *m_editMenu = nullptr;
    QList<QAction *> m_documentActions;
};

} // namespace kw
