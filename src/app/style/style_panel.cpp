// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/style/style_panel.h"

#include "app/style/color_button.h"
#include "app/style/rule_list_model.h"
#include "core/layers/vector_layer.h"
#include "core/project/layer_tree_model.h"
#include "core/project/project_commands.h"
#include "core/style/color_brewer.h"
#include "core/style/color_ramp.h"
#include "core/style/rule_based_renderer.h"
#include "core/style/thematic_renderers.h"
#include "core/util/thread_pools.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace kw {

namespace {

QIcon rampIcon(const QList<QColor> &colors)
{
    QPixmap pm(48, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    const double w = 48.0 / std::max<qsizetype>(1, colors.size());
    for (int i = 0; i < colors.size(); ++i)
        p.fillRect(QRectF(i * w, 0, w + 0.5, 12), colors[i]);
    return QIcon(pm);
}

bool isNumeric(FieldType t)
{
    return t == FieldType::Int || t == FieldType::Double;
}

QString quoted(const QString &field)
{
    return QStringLiteral("\"%1\"").arg(QString(field).replace(QLatin1Char('"'), QStringLiteral("\"\"")));
}

QString literal(const QVariant &v)
{
    if (v.typeId() == QMetaType::QString)
        return QStringLiteral("'%1'").arg(v.toString().replace(QLatin1Char('\''), QStringLiteral("''")));
    return v.toString();
}

/// Rules equivalent to a classified style, so switching to rule-based keeps the map as it was.
QList<Rule> rulesFrom(const FeatureRenderer &r)
{
    QList<Rule> rules;
    if (r.type() == FeatureRenderer::Type::Categorized) {
        const auto &c = static_cast<const CategorizedRenderer &>(r);
        for (const Category &cat : c.categories())
            rules.append(Rule{cat.label, QStringLiteral("%1 = %2").arg(quoted(c.field()), literal(cat.value)), false,
                              cat.symbol});
        if (c.otherSymbol())
            rules.append(Rule{c.otherLabel(), QString(), true, *c.otherSymbol()});
    } else if (r.type() == FeatureRenderer::Type::Graduated) {
        const auto &g = static_cast<const GraduatedRenderer &>(r);
        for (int i = 0; i < g.ranges().size(); ++i) {
            const Range &range = g.ranges()[i];
            const QString f = quoted(g.field());
            rules.append(Rule{range.label,
                              QStringLiteral("%1 %2 %3 AND %1 <= %4")
                                  .arg(f, i == 0 ? QStringLiteral(">=") : QStringLiteral(">"))
                                  .arg(range.lower, 0, 'g', 15)
                                  .arg(range.upper, 0, 'g', 15),
                              false, range.symbol});
        }
    } else if (!r.symbols().isEmpty()) {
        rules.append(Rule{QObject::tr("All features"), QString(), false, r.symbols().front()});
    }
    return rules;
}

} // namespace

StylePanel::StylePanel(LayerTreeModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_title(new QLabel(this)), m_type(new QComboBox), m_field(new QComboBox),
      m_method(new QComboBox), m_classes(new QSpinBox), m_ramp(new QComboBox), m_invert(new QCheckBox(tr("In&vert"))),
      m_fill(new ColorButton), m_stroke(new ColorButton), m_strokeWidth(new QDoubleSpinBox), m_shape(new QComboBox),
      m_size(new QDoubleSpinBox), m_classView(new QTreeView), m_classModel(new QStandardItemModel(this)),
      m_ruleView(new QTableView), m_rules(new RuleListModel(this)), m_ruleButtons(new QWidget), m_error(new QLabel),
      m_labelsBox(new QGroupBox(tr("Labels"))), m_labelsOn(new QCheckBox(tr("Show &labels"))), m_labelText(new QComboBox),
      m_labelSize(new QDoubleSpinBox), m_labelColor(new ColorButton), m_haloWidth(new QDoubleSpinBox),
      m_haloColor(new ColorButton), m_placement(new QComboBox), m_priority(new QSpinBox)
{
    using T = FeatureRenderer::Type;
    m_type->addItem(tr("Single symbol"), int(T::Single));
    m_type->addItem(tr("Categorized"), int(T::Categorized));
    m_type->addItem(tr("Graduated"), int(T::Graduated));
    m_type->addItem(tr("Proportional symbols"), int(T::Proportional));
    m_type->addItem(tr("Heatmap"), int(T::Heatmap));
    m_type->addItem(tr("Rule-based"), int(T::RuleBased));
    m_method->addItem(tr("Equal interval"), QStringLiteral("equal"));
    m_method->addItem(tr("Quantile (equal count)"), QStringLiteral("quantile"));
    m_method->addItem(tr("Natural breaks (Jenks)"), QStringLiteral("jenks"));
    m_method->addItem(tr("Pretty breaks"), QStringLiteral("pretty"));
    m_method->addItem(tr("Standard deviation"), QStringLiteral("stddev"));
    m_classes->setRange(2, 12);
    m_classes->setValue(5);
    m_strokeWidth->setRange(0, 20);
    m_strokeWidth->setSingleStep(0.1);
    m_strokeWidth->setDecimals(2);
    m_strokeWidth->setSuffix(tr(" mm"));
    m_size->setRange(0.1, 200);
    m_size->setSingleStep(0.5);
    m_size->setDecimals(1);
    m_size->setSuffix(tr(" mm"));
    const std::pair<MarkerShape, QString> shapes[] = {
        {MarkerShape::Circle, tr("Circle")},   {MarkerShape::Square, tr("Square")}, {MarkerShape::Triangle, tr("Triangle")},
        {MarkerShape::Diamond, tr("Diamond")}, {MarkerShape::Cross, tr("Cross")},   {MarkerShape::Star, tr("Star")}};
    for (const auto &[shape, name] : shapes)
        m_shape->addItem(name, int(shape));

    m_classView->setModel(m_classModel);
    m_classView->setRootIsDecorated(false);
    m_classView->setHeaderHidden(true);
    m_classView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_classView->setToolTip(tr("Double-click a class to change its colour"));
    m_classView->setMinimumHeight(110);
    m_ruleView->setModel(m_rules);
    m_ruleView->horizontalHeader()->setStretchLastSection(true);
    m_ruleView->verticalHeader()->hide();
    m_ruleView->setMinimumHeight(110);
    m_ruleView->setToolTip(tr("Edit labels and filters in place; double-click the colour to change it"));
    auto *addRule = new QPushButton(tr("&Add Rule"));
    auto *removeRule = new QPushButton(tr("Remove R&ule"));
    auto *ruleRow = new QHBoxLayout(m_ruleButtons);
    ruleRow->setContentsMargins(0, 0, 0, 0);
    ruleRow->addWidget(addRule);
    ruleRow->addWidget(removeRule);
    ruleRow->addStretch();
    m_error->setStyleSheet(QStringLiteral("color: #b00000"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *rampRow = new QWidget;
    auto *rampLayout = new QHBoxLayout(rampRow);
    rampLayout->setContentsMargins(0, 0, 0, 0);
    rampLayout->addWidget(m_ramp, 1);
    auto *colorRow = new QWidget;
    auto *colorLayout = new QHBoxLayout(colorRow);
    colorLayout->setContentsMargins(0, 0, 0, 0);
    auto *fillLabel = new QLabel(tr("&Fill"));
    fillLabel->setBuddy(m_fill);
    auto *strokeLabel = new QLabel(tr("&Outline"));
    strokeLabel->setBuddy(m_stroke);
    colorLayout->addWidget(fillLabel);
    colorLayout->addWidget(m_fill);
    colorLayout->addSpacing(8);
    colorLayout->addWidget(strokeLabel);
    colorLayout->addWidget(m_stroke);
    colorLayout->addStretch();

    auto *styleBox = new QGroupBox(tr("Symbology"));
    m_form = new QFormLayout(styleBox);
    m_form->addRow(tr("&Type:"), m_type);
    m_form->addRow(tr("F&ield:"), m_field);
    m_form->addRow(tr("&Method:"), m_method);
    m_form->addRow(tr("&Classes:"), m_classes);
    m_form->addRow(tr("Colour &ramp:"), rampRow);
    m_form->addRow(QString(), m_invert);
    m_form->addRow(tr("Colours:"), colorRow);
    m_form->addRow(tr("Outline &width:"), m_strokeWidth);
    m_form->addRow(tr("Mar&ker:"), m_shape);
    m_form->addRow(tr("Si&ze:"), m_size);
    m_form->addRow(m_classView);
    m_form->addRow(m_ruleView);
    m_form->addRow(m_ruleButtons);
    m_form->addRow(m_error);

    m_labelText->setEditable(true);
    m_labelText->setInsertPolicy(QComboBox::NoInsert);
    m_labelText->setToolTip(tr("A field or an expression, e.g. \"NAME\" || ' (' || \"BIR74\" || ')'"));
    m_labelSize->setRange(4, 72);
    m_labelSize->setSuffix(tr(" pt"));
    m_labelSize->setDecimals(1);
    m_haloWidth->setRange(0, 5);
    m_haloWidth->setSingleStep(0.1);
    m_haloWidth->setSuffix(tr(" mm"));
    m_placement->addItem(tr("Automatic"), int(LabelSettings::Placement::Auto));
    m_placement->addItem(tr("Around point"), int(LabelSettings::Placement::AroundPoint));
    m_placement->addItem(tr("Over point"), int(LabelSettings::Placement::OverPoint));
    m_placement->addItem(tr("Along line"), int(LabelSettings::Placement::AlongLine));
    m_placement->addItem(tr("Inside polygon"), int(LabelSettings::Placement::InsidePolygon));
    m_priority->setRange(0, 10);
    m_priority->setToolTip(tr("Where labels would overlap, the higher priority wins"));
    auto *haloRow = new QWidget;
    auto *haloLayout = new QHBoxLayout(haloRow);
    haloLayout->setContentsMargins(0, 0, 0, 0);
    haloLayout->addWidget(m_haloWidth, 1);
    haloLayout->addWidget(m_haloColor);
    auto *labelForm = new QFormLayout(m_labelsBox);
    labelForm->addRow(m_labelsOn);
    labelForm->addRow(tr("Te&xt:"), m_labelText);
    labelForm->addRow(tr("Font si&ze:"), m_labelSize);
    labelForm->addRow(tr("Colo&ur:"), m_labelColor);
    labelForm->addRow(tr("&Halo:"), haloRow);
    labelForm->addRow(tr("&Placement:"), m_placement);
    labelForm->addRow(tr("Pri&ority:"), m_priority);

    // Accessible names for the widgets a screen reader would otherwise only call "combo box".
    m_type->setAccessibleName(tr("Renderer type"));
    m_field->setAccessibleName(tr("Classification field"));
    m_method->setAccessibleName(tr("Classification method"));
    m_classes->setAccessibleName(tr("Number of classes"));
    m_ramp->setAccessibleName(tr("Colour ramp"));
    m_invert->setAccessibleName(tr("Invert colour ramp"));
    m_fill->setAccessibleName(tr("Fill colour"));
    m_stroke->setAccessibleName(tr("Outline colour"));
    m_strokeWidth->setAccessibleName(tr("Outline width"));
    m_shape->setAccessibleName(tr("Marker shape"));
    m_size->setAccessibleName(tr("Marker size"));
    m_classView->setAccessibleName(tr("Classes"));
    m_ruleView->setAccessibleName(tr("Rules"));
    m_labelsOn->setAccessibleName(tr("Show labels"));
    m_labelText->setAccessibleName(tr("Label text"));
    m_labelSize->setAccessibleName(tr("Label font size"));
    m_labelColor->setAccessibleName(tr("Label colour"));
    m_haloWidth->setAccessibleName(tr("Halo width"));
    m_haloColor->setAccessibleName(tr("Halo colour"));
    m_placement->setAccessibleName(tr("Label placement"));
    m_priority->setAccessibleName(tr("Label priority"));

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(styleBox);
    contentLayout->addWidget(m_labelsBox);
    contentLayout->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_title);
    layout->addWidget(scroll, 1);
    setFocusProxy(m_type);

    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        const T type = currentType();
        m_loading = true;
        fillFields(type);
        fillRamps(type);
        if (type == T::RuleBased)
            if (auto l = layer())
                m_rules->setRules(rulesFrom(l->renderer()));
        m_loading = false;
        updateRows();
        applyRenderer();
    });
    for (QComboBox *c : {m_field, m_method, m_ramp, m_shape})
        connect(c, &QComboBox::currentIndexChanged, this, [this] { applyRenderer(); });
    connect(m_invert, &QCheckBox::toggled, this, [this] { applyRenderer(); });
    connect(m_fill, &ColorButton::colorChanged, this, [this] { applyRenderer(); });
    connect(m_stroke, &ColorButton::colorChanged, this, [this] { applyRenderer(); });
    connect(m_classes, &QSpinBox::valueChanged, this, [this] { applyRenderer(QStringLiteral("classes")); });
    connect(m_strokeWidth, &QDoubleSpinBox::valueChanged, this, [this] { applyRenderer(QStringLiteral("width")); });
    connect(m_size, &QDoubleSpinBox::valueChanged, this, [this] { applyRenderer(QStringLiteral("size")); });
    connect(m_rules, &RuleListModel::rulesEdited, this, [this] { applyRenderer(); });
    connect(m_classView, &QTreeView::doubleClicked, this, &StylePanel::editClassColor);
    connect(m_ruleView, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        if (i.column() != RuleListModel::ColorColumn)
            return;
        const QColor c = QColorDialog::getColor(m_rules->rules()[i.row()].symbol.fillColor, this, tr("Rule Colour"));
        if (c.isValid())
            m_rules->setRuleColor(i.row(), c);
    });
    connect(addRule, &QPushButton::clicked, this, [this] { m_rules->appendRule(baseSymbol()); });
    connect(removeRule, &QPushButton::clicked, this, [this] {
        if (m_ruleView->currentIndex().isValid())
            m_rules->removeRows(m_ruleView->currentIndex().row(), 1);
    });

    connect(m_labelsOn, &QCheckBox::toggled, this, [this](bool on) {
        if (on && m_labelText->currentText().isEmpty() && m_labelText->count() > 0)
            m_labelText->setCurrentIndex(0);
        applyLabels();
    });
    connect(m_labelText, &QComboBox::currentTextChanged, this, [this] { applyLabels(QStringLiteral("text")); });
    connect(m_labelSize, &QDoubleSpinBox::valueChanged, this, [this] { applyLabels(QStringLiteral("size")); });
    connect(m_haloWidth, &QDoubleSpinBox::valueChanged, this, [this] { applyLabels(QStringLiteral("halo")); });
    connect(m_priority, &QSpinBox::valueChanged, this, [this] { applyLabels(QStringLiteral("priority")); });
    connect(m_labelColor, &ColorButton::colorChanged, this, [this] { applyLabels(); });
    connect(m_haloColor, &ColorButton::colorChanged, this, [this] { applyLabels(); });
    connect(m_placement, &QComboBox::currentIndexChanged, this, [this] { applyLabels(); });

    // Undo and redo change the layer behind the panel's back: show what the layer now has.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        auto l = layer();
        if (!m_applying && l && m_model->layer(topLeft) == l)
            loadFromLayer();
    });
    setLayer(nullptr);
}

FeatureRenderer::Type StylePanel::currentType() const
{
    return FeatureRenderer::Type(m_type->currentData().toInt());
}

void StylePanel::setLayer(const std::shared_ptr<Layer> &l)
{
    auto vector = l && l->kind() == Layer::Kind::Vector ? std::static_pointer_cast<VectorLayer>(l) : nullptr;
    m_layer = vector;
    loadFromLayer();
}

void StylePanel::fillFields(FeatureRenderer::Type type)
{
    using T = FeatureRenderer::Type;
    const QString previous = m_field->currentData().toString();
    m_field->clear();
    auto l = layer();
    if (!l || !l->store())
        return;
    if (type == T::Heatmap)
        m_field->addItem(tr("(no weight)"), QString());
    for (const Field &f : l->store()->fields()) {
        const bool numericOnly = type == T::Graduated || type == T::Proportional || type == T::Heatmap;
        if (!numericOnly || isNumeric(f.type))
            m_field->addItem(f.name, f.name);
    }
    const int i = m_field->findData(previous);
    if (i >= 0)
        m_field->setCurrentIndex(i);
}

void StylePanel::fillRamps(FeatureRenderer::Type type)
{
    using T = FeatureRenderer::Type;
    const QString previous = m_ramp->currentData().toString();
    m_ramp->clear();
    if (type == T::Heatmap) {
        for (const QString &name : ColorRamp::names()) {
            const ColorRamp ramp = ColorRamp::named(name);
            QList<QColor> colors;
            for (int i = 0; i < 7; ++i)
                colors << ramp.color(i / 6.0);
            m_ramp->addItem(rampIcon(colors), name, name);
        }
    } else {
        for (const BrewerScheme &s : colorBrewerSchemes()) {
            const bool qualitative = s.type == BrewerScheme::Type::Qualitative;
            if ((type == T::Categorized) != qualitative)
                continue;
            // Colour-blind-safe schemes say so: planners choose them for public maps.
            const QString text = s.colorBlindSafe ? tr("%1 (colour-blind safe)").arg(s.name) : s.name;
            m_ramp->addItem(rampIcon(s.colors(std::min(7, s.maxClasses))), text, s.name);
        }
    }
    int i = m_ramp->findData(previous);
    if (i < 0)
        i = m_ramp->findData(type == T::Categorized ? QStringLiteral("Set2")
                                                     : type == T::Heatmap ? QStringLiteral("heat") : QStringLiteral("YlOrRd"));
    m_ramp->setCurrentIndex(std::max(0, i));
}

void StylePanel::updateRows()
{
    using T = FeatureRenderer::Type;
    const T type = currentType();
    auto l = layer();
    const GeometryFamily family = l && l->store() ? l->store()->family() : GeometryFamily::Polygon;
    const bool points = family == GeometryFamily::Point;
    const bool classified = type == T::Categorized || type == T::Graduated;
    m_form->setRowVisible(m_field, type != T::Single && type != T::RuleBased);
    m_form->setRowVisible(m_method, type == T::Graduated);
    m_form->setRowVisible(m_classes, type == T::Graduated);
    m_form->setRowVisible(m_ramp->parentWidget(), classified || type == T::Heatmap);
    m_form->setRowVisible(m_invert, type == T::Graduated);
    m_form->setRowVisible(m_fill->parentWidget(), type != T::Heatmap && type != T::RuleBased);
    m_fill->setVisible(family != GeometryFamily::Line || type == T::Proportional);
    m_form->setRowVisible(m_strokeWidth, type != T::Heatmap);
    m_form->setRowVisible(m_shape, points || type == T::Proportional);
    m_form->setRowVisible(m_size, points || type == T::Proportional || type == T::Heatmap);
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_size)))
        label->setText(type == T::Heatmap ? tr("Radi&us:") : type == T::Proportional ? tr("Max. si&ze:") : tr("Si&ze:"));
    m_form->setRowVisible(m_classView, classified);
    m_form->setRowVisible(m_ruleView, type == T::RuleBased);
    m_form->setRowVisible(m_ruleButtons, type == T::RuleBased);
}

void StylePanel::loadFromLayer()
{
    using T = FeatureRenderer::Type;
    m_loading = true;
    auto l = layer();
    const bool usable = l && l->store();
    m_title->setText(l ? QStringLiteral("<b>%1</b>").arg(l->name().toHtmlEscaped())
                       : tr("Select a vector layer in the layer list to style it."));
    for (QWidget *w : {static_cast<QWidget *>(m_type->parentWidget()), static_cast<QWidget *>(m_labelsBox)})
        w->setEnabled(usable);
    m_error->hide();
    if (!usable) {
        m_classModel->clear();
        m_loading = false;
        updateRows();
        return;
    }
    const FeatureRenderer &r = l->renderer();
    m_type->setCurrentIndex(m_type->findData(int(r.type())));
    fillFields(r.type());
    fillRamps(r.type());
    QString field, ramp;
    switch (r.type()) {
    case T::Categorized: field = static_cast<const CategorizedRenderer &>(r).field(); break;
    case T::Graduated: {
        const auto &g = static_cast<const GraduatedRenderer &>(r);
        field = g.field();
        ramp = g.ramp();
        if (const int m = m_method->findData(g.method()); m >= 0)
            m_method->setCurrentIndex(m);
        m_classes->setValue(std::max(2, g.classCount()));
        break;
    }
    case T::Proportional:
        field = static_cast<const ProportionalRenderer &>(r).field();
        m_size->setValue(static_cast<const ProportionalRenderer &>(r).maxSize());
        break;
    case T::Heatmap: {
        const auto &h = static_cast<const HeatmapRenderer &>(r);
        field = h.weightField();
        ramp = h.ramp();
        m_size->setValue(h.radius());
        break;
    }
    case T::RuleBased: m_rules->setRules(static_cast<const RuleBasedRenderer &>(r).rules()); break;
    case T::Single: break;
    }
    if (const int i = m_field->findData(field); i >= 0)
        m_field->setCurrentIndex(i);
    if (const int i = m_ramp->findData(ramp, Qt::UserRole, Qt::MatchFixedString); i >= 0)
        m_ramp->setCurrentIndex(i);
    const Symbol s = r.symbols().isEmpty() ? Symbol::defaultFor(l->store()->family(), 0) : r.symbols().front();
    m_fill->setColor(s.fillColor);
    m_stroke->setColor(s.strokeColor);
    m_strokeWidth->setValue(s.strokeWidth);
    m_shape->setCurrentIndex(std::max(0, m_shape->findData(int(s.markerShape))));
    if (r.type() != T::Proportional && r.type() != T::Heatmap)
        m_size->setValue(s.markerSize);

    const LabelSettings &lab = l->labels();
    m_labelText->clear();
    for (const Field &f : l->store()->fields())
        m_labelText->addItem(f.name);
    m_labelText->setEditText(lab.text);
    m_labelsOn->setChecked(lab.enabled);
    m_labelSize->setValue(lab.size);
    m_labelColor->setColor(lab.color);
    m_haloWidth->setValue(lab.haloWidth);
    m_haloColor->setColor(lab.haloColor);
    m_placement->setCurrentIndex(std::max(0, m_placement->findData(int(lab.placement))));
    m_priority->setValue(lab.priority);
    m_loading = false;
    updateRows();
    showClasses(r);
}

Symbol StylePanel::baseSymbol() const
{
    auto l = layer();
    Symbol s = l && !l->renderer().symbols().isEmpty() ? l->renderer().symbols().front() : Symbol();
    s.fillColor = m_fill->color();
    s.strokeColor = m_stroke->color();
    s.strokeWidth = m_strokeWidth->value();
    s.markerShape = MarkerShape(m_shape->currentData().toInt());
    if (currentType() != FeatureRenderer::Type::Proportional && currentType() != FeatureRenderer::Type::Heatmap)
        s.markerSize = m_size->value();
    return s;
}

StylePanel::Request StylePanel::request() const
{
    auto l = layer();
    Request r;
    r.store = l ? l->store() : nullptr;
    r.type = currentType();
    r.field = m_field->currentData().toString();
    r.ramp = m_ramp->currentData().toString();
    r.method = m_method->currentData().toString();
    r.classes = m_classes->value();
    r.invert = m_invert->isChecked();
    r.size = m_size->value();
    r.base = baseSymbol();
    r.rules = m_rules->rules();
    return r;
}

Result<std::unique_ptr<FeatureRenderer>> StylePanel::buildRenderer() const
{
    return build(request());
}

Result<std::unique_ptr<FeatureRenderer>> StylePanel::build(const Request &q)
{
    using T = FeatureRenderer::Type;
    if (!q.store)
        return Error::usage(tr("The layer is not loaded."));
    const FeatureStore &store = *q.store;
    switch (q.type) {
    case T::Single: return std::unique_ptr<FeatureRenderer>(std::make_unique<SingleSymbolRenderer>(q.base));
    case T::Categorized:
        if (q.field.isEmpty())
            return Error::usage(tr("Choose a field."));
        return std::unique_ptr<FeatureRenderer>(
            std::make_unique<CategorizedRenderer>(CategorizedRenderer::fromData(store, q.field, q.base, q.ramp)));
    case T::Graduated: {
        if (q.field.isEmpty())
            return Error::usage(tr("Choose a numeric field."));
        auto g = GraduatedRenderer::fromData(store, q.field, q.method, q.classes, q.base, q.ramp, q.invert);
        if (!g.ok())
            return g.error();
        // Class labels in the UI's number format ("1.553,2 – 2.717,6" in German), as the legend shows them.
        QList<Range> ranges = g->ranges();
        bool whole = true;
        for (const Range &r : ranges)
            whole = whole && r.lower == std::floor(r.lower) && r.upper == std::floor(r.upper);
        const QLocale locale;
        for (Range &r : ranges)
            r.label = tr("%1 – %2").arg(locale.toString(r.lower, 'f', whole ? 0 : 1), locale.toString(r.upper, 'f', whole ? 0 : 1));
        auto labelled = std::make_unique<GraduatedRenderer>(g->field(), ranges);
        labelled->setMethod(g->method());
        labelled->setRamp(g->ramp());
        return std::unique_ptr<FeatureRenderer>(std::move(labelled));
    }
    case T::Proportional:
        if (q.field.isEmpty())
            return Error::usage(tr("Choose a numeric field."));
        return std::unique_ptr<FeatureRenderer>(
            std::make_unique<ProportionalRenderer>(ProportionalRenderer::fromData(store, q.field, q.size, q.base)));
    case T::Heatmap: {
        auto h = std::make_unique<HeatmapRenderer>();
        h->setRadius(q.size, SizeUnit::Millimeters);
        h->setRamp(q.ramp.isEmpty() ? QStringLiteral("heat") : q.ramp);
        h->setWeightField(q.field);
        return std::unique_ptr<FeatureRenderer>(std::move(h));
    }
    case T::RuleBased: {
        QList<Rule> rules = q.rules;
        if (rules.isEmpty())
            rules.append(Rule{tr("All features"), QString(), false, q.base});
        return std::unique_ptr<FeatureRenderer>(std::make_unique<RuleBasedRenderer>(rules));
    }
    }
    return Error::usage(QStringLiteral("unknown renderer type"));
}

void StylePanel::applyRenderer(const QString &mergeKey)
{
    auto l = layer();
    if (m_loading || !l || !l->store())
        return;
    const Request q = request();
    const int generation = ++m_buildGeneration;
    const auto finish = [this, l, mergeKey](Result<std::unique_ptr<FeatureRenderer>> r) {
        if (!m_model->indexOfLayer(l.get()).isValid())
            return; // removed while it was being classified
        if (!r.ok()) {
            m_error->setText(r.error().message);
            m_error->show();
            return;
        }
        m_error->hide();
        m_applying = true;
        m_model->undoStack()->push(new SetRendererCommand(m_model, l.get(), std::move(*r), mergeKey));
        m_applying = false;
        if (layer() == l)
            showClasses(l->renderer());
    };
    if (q.store->featureCount() <= asyncThreshold) {
        finish(build(q));
        return;
    }
    // Classifying a million values (Jenks, distinct categories) takes a while: a worker does it, the UI stays.
    using Built = std::shared_ptr<Result<std::unique_ptr<FeatureRenderer>>>;
    auto *watcher = new QFutureWatcher<Built>(this);
    connect(watcher, &QFutureWatcher<Built>::finished, this, [this, watcher, generation, finish] {
        watcher->deleteLater();
        if (generation != m_buildGeneration)
            return; // the user changed something else meanwhile: only the latest choice counts
        finish(std::move(*watcher->result()));
    });
    watcher->setFuture(QtConcurrent::run(ThreadPools::background(), [q] {
        ThreadPools::lowerWorkerPriority();
        return std::make_shared<Result<std::unique_ptr<FeatureRenderer>>>(build(q));
    }));
}

LabelSettings StylePanel::buildLabels() const
{
    auto l = layer();
    LabelSettings s = l ? l->labels() : LabelSettings();
    s.enabled = m_labelsOn->isChecked();
    s.text = m_labelText->currentText().trimmed();
    s.size = m_labelSize->value();
    s.color = m_labelColor->color();
    s.haloWidth = m_haloWidth->value();
    s.haloColor = m_haloColor->color();
    s.placement = LabelSettings::Placement(m_placement->currentData().toInt());
    s.priority = m_priority->value();
    return s;
}

void StylePanel::applyLabels(const QString &mergeKey)
{
    auto l = layer();
    if (m_loading || !l)
        return;
    const LabelSettings s = buildLabels();
    if (s == l->labels())
        return;
    m_applying = true;
    m_model->undoStack()->push(new SetLabelsCommand(m_model, l.get(), s, mergeKey));
    m_applying = false;
}

void StylePanel::showClasses(const FeatureRenderer &r)
{
    m_classModel->clear();
    auto l = layer();
    GeometryFamily family = l && l->store() ? l->store()->family() : GeometryFamily::Polygon;
    if (family == GeometryFamily::None || family == GeometryFamily::Mixed)
        family = GeometryFamily::Polygon;
    for (const LegendEntry &e : r.legend(family)) {
        auto *item = new QStandardItem(QIcon(QPixmap::fromImage(LayerTreeModel::legendSwatch(e, 16))), e.label);
        m_classModel->appendRow(item);
    }
}

void StylePanel::editClassColor(const QModelIndex &index)
{
    using T = FeatureRenderer::Type;
    auto l = layer();
    if (!l || !index.isValid())
        return;
    const FeatureRenderer &r = l->renderer();
    const int row = index.row();
    if (row >= r.symbols().size())
        return;
    const QColor c = QColorDialog::getColor(r.symbols()[row].fillColor, this, tr("Class Colour"),
                                            QColorDialog::ShowAlphaChannel);
    if (!c.isValid())
        return;
    std::unique_ptr<FeatureRenderer> changed;
    if (r.type() == T::Categorized) {
        const auto &cat = static_cast<const CategorizedRenderer &>(r);
        QList<Category> categories = cat.categories();
        std::optional<Symbol> other = cat.otherSymbol();
        if (row < categories.size())
            categories[row].symbol.fillColor = c;
        else if (other)
            other->fillColor = c;
        changed = std::make_unique<CategorizedRenderer>(cat.field(), categories, other);
    } else if (r.type() == T::Graduated) {
        const auto &g = static_cast<const GraduatedRenderer &>(r);
        QList<Range> ranges = g.ranges();
        ranges[row].symbol.fillColor = c;
        auto copy = std::make_unique<GraduatedRenderer>(g.field(), ranges);
        copy->setMethod(g.method());
        copy->setRamp(g.ramp());
        changed = std::move(copy);
    }
    if (!changed)
        return;
    m_applying = true;
    m_model->undoStack()->push(new SetRendererCommand(m_model, l.get(), std::move(changed)));
    m_applying = false;
    showClasses(l->renderer());
}

} // namespace kw
