// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/feature_selection.h"

#include <QDialog>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace kw {

class VectorLayer;

/// \brief Selects features of a layer with an expression; a syntax error is shown and the caret put on it.
class SelectByExpressionDialog : public QDialog
{
    Q_OBJECT
public:
    /// \a run applies an expression and returns an error message (empty on success) and its column.
    using Runner = std::function<QString(const QString &expression, FeatureSelection::Mode mode, int *errorColumn)>;
    SelectByExpressionDialog(const std::shared_ptr<VectorLayer> &layer, Runner run, QWidget *parent = nullptr);

private:
    void apply(bool close);

    Runner m_run;
    QLineEdit *m_expression;
    QComboBox *m_mode;
    QLabel *m_error;
};

} // namespace kw
