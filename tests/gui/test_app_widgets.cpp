// SPDX-License-Identifier: GPL-3.0-or-later
// Smaller app pieces: CRS search and picker, scale box, status texts, rules model, style panel renderers,
// translations.
#include "app/dialogs/crs_list_model.h"
#include "app/dialogs/crs_picker_dialog.h"
#include "app/settings/language.h"
#include "app/settings/settings_dialog.h"
#include "app/statusbar/map_status_bar.h"
#include "app/statusbar/scale_combo_box.h"
#include "app/style/rule_list_model.h"
#include "app/style/style_panel.h"
#include "core/crs/crs.h"
#include "core/layers/vector_layer.h"
#include "core/project/layer_tree_model.h"
#include "core/project/project.h"
#include "core/style/rule_based_renderer.h"
#include "core/style/thematic_renderers.h"
#include "support/test_support.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTranslator>
#include <QUndoStack>

using namespace kw;

class TestAppWidgets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crsListAndPicker()
    {
        CrsListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.search(QStringLiteral("Gauss-Kruger zone 3"));
        QVERIFY(model.rowCount() > 0);
        model.search(QStringLiteral("4326"));
        QCOMPARE(model.index(0, CrsListModel::CodeColumn).data().toString(), QStringLiteral("EPSG:4326"));
        QCOMPARE(model.rowOf(QStringLiteral("EPSG:4326")), 0);

        CrsPickerDialog dialog(Crs::etrs89Utm32());
        dialog.grab().save(QStringLiteral(KW_BINARY_DIR "/crs_picker.png")); // to look at
        QCOMPARE(dialog.selectedCrs(), Crs::etrs89Utm32());
        dialog.search(QStringLiteral("3857"));
        QCOMPARE(dialog.selectedCrs().authId(), QStringLiteral("EPSG:3857"));
    }

    void scaleAndCoordinatesInGerman()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(ScaleComboBox::format(5000), QStringLiteral("1:5.000"));
        QCOMPARE(*ScaleComboBox::parse(QStringLiteral("1:5.000")), 5000.0);
        QCOMPARE(*ScaleComboBox::parse(QStringLiteral("1 : 25000")), 25000.0);
        QCOMPARE(*ScaleComboBox::parse(QStringLiteral("10k")), 10000.0);
        QCOMPARE(*ScaleComboBox::parse(QStringLiteral("1:1.250,5")), 1250.5);
        QVERIFY(!ScaleComboBox::parse(QStringLiteral("abc")));
        QVERIFY(!ScaleComboBox::parse(QStringLiteral("1:0")));
        ScaleComboBox box;
        QSignalSpy chosen(&box, &ScaleComboBox::scaleChosen);
        box.setCurrentText(QStringLiteral("1:2.500"));
        QTest::keyClick(&box, Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().at(0).toDouble(), 2500.0);
        // Kaiserslautern Rathaus in UTM 32N; latitude and longitude with decimal commas.
        const QString text = MapStatusBar::coordinateText(QPointF(410300.0, 5478600.0), Crs::etrs89Utm32());
        QVERIFY2(text.startsWith(QStringLiteral("410.300,0, 5.478.600,0")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("49,4")) && text.contains(QStringLiteral("7,7")), qPrintable(text));
        QLocale::setDefault(QLocale::c());
    }

    void ruleListModel()
    {
        RuleListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy edited(&model, &RuleListModel::rulesEdited);
        model.appendRule(Symbol());
        model.appendRule(Symbol());
        QVERIFY(model.setData(model.index(0, RuleListModel::FilterColumn), QStringLiteral("\"BIR74\" > 1000")));
        QVERIFY(model.setData(model.index(1, RuleListModel::FilterColumn), QStringLiteral("else")));
        QVERIFY(model.rules()[1].isElse);
        model.setRuleColor(0, Qt::red);
        QCOMPARE(model.rules()[0].symbol.fillColor, QColor(Qt::red));
        QVERIFY(model.removeRows(0, 1));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(edited.count() >= 5);
    }

    void stylePanelBuildsEveryRenderer()
    {
        SourceUri uri;
        uri.path = test::sharedData(QStringLiteral("counties/nc.gpkg"));
        auto layer = std::make_shared<VectorLayer>(uri, QStringLiteral("nc.gpkg"), QStringLiteral("nc"));
        QVERIFY(layer->load(Crs::etrs89Utm32()).ok());
        Project project;
        project.addLayer(layer);
        QUndoStack stack;
        LayerTreeModel model;
        model.setProject(&project);
        model.setUndoStack(&stack);
        StylePanel panel(&model);
        panel.setLayer(layer);
        using T = FeatureRenderer::Type;
        for (T type : {T::Categorized, T::Graduated, T::Proportional, T::Heatmap, T::RuleBased, T::Single}) {
            panel.typeCombo()->setCurrentIndex(panel.typeCombo()->findData(int(type)));
            if (type == T::Categorized)
                panel.fieldCombo()->setCurrentIndex(panel.fieldCombo()->findData(QStringLiteral("NAME")));
            QCOMPARE(layer->renderer().type(), type);
            auto r = panel.buildRenderer();
            QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        }
        // Switching from graduated to rule-based keeps the classes as rules.
        panel.typeCombo()->setCurrentIndex(panel.typeCombo()->findData(int(T::Graduated)));
        panel.typeCombo()->setCurrentIndex(panel.typeCombo()->findData(int(T::RuleBased)));
        const auto &rules = static_cast<const RuleBasedRenderer &>(layer->renderer()).rules();
        QVERIFY(rules.size() >= 3);
        QVERIFY(rules.front().filter.contains(QStringLiteral(">=")));
        // Spin box steps merge into one undo step.
        panel.typeCombo()->setCurrentIndex(panel.typeCombo()->findData(int(T::Graduated)));
        const int before = stack.count();
        for (int n : {3, 4, 6, 7})
            panel.classesSpin()->setValue(n);
        QCOMPARE(stack.count(), before + 1);
        QCOMPARE(static_cast<const GraduatedRenderer &>(layer->renderer()).classCount(), 7);
        panel.labelsCheck()->setChecked(true);
        QVERIFY(layer->labels().enabled);
        QVERIFY(!layer->labels().text.isEmpty());
    }

    void germanTranslation()
    {
        QVERIFY(Language::install(*QCoreApplication::instance(), QStringLiteral("de")));
        QCOMPARE(QCoreApplication::translate("kw::MainWindow", "Layers"), QStringLiteral("Ebenen"));
        QCOMPARE(QCoreApplication::translate("kw::MainWindow", "Attribute Table"), QStringLiteral("Attributtabelle"));
        QCOMPARE(QCoreApplication::translate("kw::ScaleComboBox", "Map scale"), QStringLiteral("Kartenmaßstab"));
        QCOMPARE(QLocale().decimalPoint(), QStringLiteral(","));
        QCOMPARE(Language::resolve(QStringLiteral("EN")), QStringLiteral("en"));
        // Qt's own texts come in German too (qtbase_de from qt6-translations-l10n), e.g. dialog buttons.
        SettingsDialog settings;
        const auto buttons = settings.findChildren<QPushButton *>();
        QStringList texts;
        for (const QPushButton *b : buttons)
            texts << b->text();
        QVERIFY2(texts.contains(QStringLiteral("&Abbrechen")) || texts.contains(QStringLiteral("Abbrechen")),
                 qPrintable(texts.join(QLatin1Char(','))));
        settings.grab().save(QStringLiteral(KW_BINARY_DIR "/settings_de.png")); // to look at
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_MAIN(TestAppWidgets)
#include "test_app_widgets.moc"
