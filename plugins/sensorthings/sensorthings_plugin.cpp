// SPDX-License-Identifier: GPL-3.0-or-later
#include "sensorthings_plugin.h"

#include "sensorthings_reader.h"

namespace kw::sta {

bool SensorThingsSource::handles(const QString &source) const
{
    const QUrl root = SensorThingsReader::serviceRoot(source);
    if (!root.isValid()) return false;
    const QString last = root.path().section(QLatin1Char('/'), -1);
    return last.compare(QLatin1String("v1.0"), Qt::CaseInsensitive) == 0 ||
           last.compare(QLatin1String("v1.1"), Qt::CaseInsensitive) == 0;
}

Result<SensorData> SensorThingsSource::load(const QString &source, const SensorQuery &query) const
{
    const QUrl root = SensorThingsReader::serviceRoot(source);
    if (!root.isValid()) return Error::input(QStringLiteral("%1: not an http(s) URL").arg(source));
    SensorThingsReader reader(root, query);
    return reader.read();
}

QString SensorThingsPlugin::description() const
{
    return QStringLiteral(
        "OGC SensorThings API v1.0 and v1.1: Things, Locations, Datastreams and Observations");
}

std::shared_ptr<SensorSourceProvider> SensorThingsPlugin::createSensorSource()
{
    return std::make_shared<SensorThingsSource>();
}

} // namespace kw::sta
