// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace kw::test {

/// Path of a file under tests/data.
QString testData(const QString &relative);
/// Path of a file under ../shared/data (real public data, see its README).
QString sharedData(const QString &relative);

} // namespace kw::test
