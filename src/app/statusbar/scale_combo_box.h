// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QComboBox>

#include <optional>

namespace kw {

/// \brief The map scale as "1:5.000" (in the UI locale): pick a common scale or type one.
class ScaleComboBox : public QComboBox
{
    Q_OBJECT
public:
    explicit ScaleComboBox(QWidget *parent = nullptr);

    /// Shows \a denominator without emitting scaleChosen().
    void setScale(double denominator);
    /// Reads "1:5000", "1:5.000", "5000", "1 : 5 000", "1:5k" … in the UI locale; nullopt if not a scale.
    static std::optional<double> parse(const QString &text);
    static QString format(double denominator);

Q_SIGNALS:
    void scaleChosen(double denominator);

private:
    void commit();
};

} // namespace kw
