// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/test_support.h"

#include "core/layers/sensor_layer.h"
#include "core/temporal/time_format.h"

#include <QTimeZone>

namespace kw::test {

QString testData(const QString &relative)
{
    return QStringLiteral(KW_TEST_DATA_DIR "/") + relative;
}

QString sharedData(const QString &relative)
{
    return QStringLiteral(KW_SHARED_DATA_DIR "/") + relative;
}

qint64 utc(const char *iso)
{
    return *TimeFormat::parseInstant(QString::fromLatin1(iso), QTimeZone::utc());
}

std::shared_ptr<SensorLayer> smallSensorLayer()
{
    SensorQuery q;
    q.sites = testData(QStringLiteral("sensors/messstellen_klein.csv")) + QStringLiteral("|crs=EPSG:25832");
    return std::make_shared<SensorLayer>(SourceUri::parse(testData(QStringLiteral("sensors/messwerte_klein.csv"))),
                                         QStringLiteral("NO2"), QStringLiteral("NO2"), q);
}

} // namespace kw::test
