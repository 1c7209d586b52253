// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/statusbar/scale_combo_box.h"

#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>

namespace kw {

ScaleComboBox::ScaleComboBox(QWidget *parent) : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setAccessibleName(tr("Map scale"));
    setToolTip(tr("Map scale: choose or type, e.g. 1:5000"));
    setMinimumContentsLength(11);
    for (double s : {500.0, 1000.0, 2500.0, 5000.0, 10000.0, 25000.0, 50000.0, 100000.0, 250000.0, 500000.0, 1e6, 2.5e6, 5e6})
        addItem(format(s), s);
    connect(this, &QComboBox::activated, this, [this](int index) {
        if (index >= 0)
            Q_EMIT scaleChosen(itemData(index).toDouble());
    });
    connect(lineEdit(), &QLineEdit::returnPressed, this, &ScaleComboBox::commit);
}

QString ScaleComboBox::format(double d)
{
    return QStringLiteral("1:%1").arg(QLocale().toString(qlonglong(qRound64(d))));
}

std::optional<double> ScaleComboBox::parse(const QString &input)
{
    QString t = input.trimmed();
    t.remove(QRegularExpression(QStringLiteral("^1\\s*:\\s*")));
    t.remove(QLatin1Char(' '));
    t.remove(QChar(0x00a0));
    t.remove(QChar(0x202f));
    double factor = 1;
    if (t.endsWith(QLatin1Char('k'), Qt::CaseInsensitive)) {
        factor = 1000;
        t.chop(1);
    }
    bool ok = false;
    double v = QLocale().toDouble(t, &ok);
    if (!ok) {
        // Group separators of either convention ("5.000", "5,000"): a scale is a whole number.
        QString digits = t;
        digits.remove(QLatin1Char('.'));
        digits.remove(QLatin1Char(','));
        digits.remove(QLatin1Char('\''));
        v = digits.toDouble(&ok);
    }
    if (!ok || !(v * factor >= 1))
        return std::nullopt;
    return v * factor;
}

void ScaleComboBox::setScale(double d)
{
    if (lineEdit()->hasFocus())
        return; // do not overwrite what the user is typing
    setCurrentIndex(-1);
    lineEdit()->setText(format(d));
}

void ScaleComboBox::commit()
{
    // Return on a text that is one of the items is reported by QComboBox::activated() already.
    if (findText(currentText()) >= 0) {
        clearFocus();
        return;
    }
    if (const auto s = parse(currentText()))
        Q_EMIT scaleChosen(*s);
    clearFocus();
}

} // namespace kw
