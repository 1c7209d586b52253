// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace kw {
class SensorLayer;
}

namespace kw::test {

/// Path of a file under tests/data.
QString testData(const QString &relative);
/// Path of a file under ../shared/data (real public data, see its README).
QString sharedData(const QString &relative);
/// Milliseconds since the epoch of an ISO 8601 instant; without an offset it is taken as UTC.
qint64 utc(const char *iso);
/// The NO2 readings of the small sensor set in tests/data/sensors (only site A observes NO2), not loaded.
std::shared_ptr<SensorLayer> smallSensorLayer();

} // namespace kw::test
