// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/render/label_settings.h"
#include "core/style/feature_renderer.h"
#include "core/style/rule_based_renderer.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QSpinBox;
class QStandardItemModel;
class QTableView;
class QTreeView;

namespace kw {

class ColorButton;
class Layer;
class LayerTreeModel;
class RuleListModel;
class VectorLayer;

/// \brief The style dock: renderer type, field, classification, colour ramp, symbol and labels of the
/// current vector layer. Every change is an undo step that re-renders the map at once (live preview).
class StylePanel : public QWidget
{
    Q_OBJECT
public:
    explicit StylePanel(LayerTreeModel *model, QWidget *parent = nullptr);

    void setLayer(const std::shared_ptr<Layer> &layer);
    std::shared_ptr<VectorLayer> layer() const { return m_layer.lock(); }

    // For tests and keyboard users: the same as choosing in the widgets.
    QComboBox *typeCombo() const { return m_type; }
    QComboBox *fieldCombo() const { return m_field; }
    QComboBox *methodCombo() const { return m_method; }
    QSpinBox *classesSpin() const { return m_classes; }
    QComboBox *rampCombo() const { return m_ramp; }
    QCheckBox *labelsCheck() const { return m_labelsOn; }
    QComboBox *labelTextCombo() const { return m_labelText; }

    /// Builds the renderer the widgets describe (an error when, e.g., the field is not numeric).
    Result<std::unique_ptr<FeatureRenderer>> buildRenderer() const;
    /// Layers up to this size are restyled at once; bigger ones are classified in a worker.
    static constexpr size_t asyncThreshold = 100000;
    LabelSettings buildLabels() const;

private:
    /// What the widgets ask for, as values a worker thread may use.
    struct Request
    {
        std::shared_ptr<const FeatureStore> store;
        FeatureRenderer::Type type = FeatureRenderer::Type::Single;
        QString field, ramp, method;
        int classes = 5;
        bool invert = false;
        double size = 0;
        Symbol base;
        QList<Rule> rules;
    };
    Request request() const;
    static Result<std::unique_ptr<FeatureRenderer>> build(const Request &request);

    void loadFromLayer();
    void updateRows();
    void fillRamps(FeatureRenderer::Type type);
    void fillFields(FeatureRenderer::Type type);
    void applyRenderer(const QString &mergeKey = {});
    void applyLabels(const QString &mergeKey = {});
    void editClassColor(const QModelIndex &index);
    void showClasses(const FeatureRenderer &renderer);
    Symbol baseSymbol() const;
    FeatureRenderer::Type currentType() const;

    LayerTreeModel *m_model;
    std::weak_ptr<VectorLayer> m_layer;
    bool m_loading = false;
    bool m_applying = false;
    int m_buildGeneration = 0;

    QLabel *m_title;
    QFormLayout *m_form;
    QComboBox *m_type;
    QComboBox *m_field;
    QComboBox *m_method;
    QSpinBox *m_classes;
    QComboBox *m_ramp;
    QCheckBox *m_invert;
    ColorButton *m_fill;
    ColorButton *m_stroke;
    QDoubleSpinBox *m_strokeWidth;
    QComboBox *m_shape;
    QDoubleSpinBox *m_size;
    QTreeView *m_classView;
    QStandardItemModel *m_classModel;
    QTableView *m_ruleView;
    RuleListModel *m_rules;
    QWidget *m_ruleButtons;
    QLabel *m_error;

    QGroupBox *m_labelsBox;
    QCheckBox *m_labelsOn;
    QComboBox *m_labelText;
    QDoubleSpinBox *m_labelSize;
    ColorButton *m_labelColor;
    QDoubleSpinBox *m_haloWidth;
    ColorButton *m_haloColor;
    QComboBox *m_placement;
    QSpinBox *m_priority;
};

} // namespace kw
