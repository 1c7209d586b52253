// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sensors/sensor_data.h"

#include "core/crs/coordinate_transform.h"

#include <limits>

namespace kw {

int SensorData::addSite(SensorSite site)
{
    m_sites.push_back(std::move(site));
    return int(m_sites.size()) - 1;
}

int SensorData::addSeries(SensorSeries series)
{
    m_series.push_back(std::move(series));
    return int(m_series.size()) - 1;
}

int SensorData::siteIndex(const QString &id) const
{
    for (size_t i = 0; i < m_sites.size(); ++i)
        if (m_sites[i].id == id) return int(i);
    return -1;
}

std::vector<int> SensorData::seriesOfSite(int site) const
{
    std::vector<int> out;
    for (size_t i = 0; i < m_series.size(); ++i)
        if (m_series[i].site == site) out.push_back(int(i));
    return out;
}

int SensorData::findSeries(int site, const QString &property) const
{
    for (size_t i = 0; i < m_series.size(); ++i)
        if (m_series[i].site == site && m_series[i].property.compare(property, Qt::CaseInsensitive) == 0)
            return int(i);
    return -1;
}

QStringList SensorData::properties() const
{
    QStringList out;
    for (const SensorSeries &s : m_series)
        if (!out.contains(s.property)) out << s.property;
    return out;
}

QString SensorData::unitOf(const QString &property) const
{
    for (const SensorSeries &s : m_series)
        if (s.property.compare(property, Qt::CaseInsensitive) == 0 && !s.unit.isEmpty()) return s.unit;
    return {};
}

size_t SensorData::observationCount() const
{
    size_t n = 0;
    for (const SensorSeries &s : m_series)
        n += s.data.size();
    return n;
}

std::optional<std::pair<int64_t, int64_t>> SensorData::timeExtent() const
{
    int64_t lo = std::numeric_limits<int64_t>::max(), hi = std::numeric_limits<int64_t>::min();
    for (const SensorSeries &s : m_series) {
        if (s.data.isEmpty()) continue;
        lo = std::min(lo, s.data.firstTime());
        hi = std::max(hi, s.data.lastTime());
    }
    if (lo > hi) return std::nullopt;
    return std::pair{lo, hi};
}

void SensorData::restrict(const QStringList &properties, std::optional<int64_t> from,
                          std::optional<int64_t> to)
{
    std::vector<SensorSeries> kept;
    for (SensorSeries &s : m_series) {
        if (!properties.isEmpty() &&
            std::none_of(properties.begin(), properties.end(),
                         [&](const QString &p) { return p.compare(s.property, Qt::CaseInsensitive) == 0; }))
            continue;
        if (from || to)
            s.data.clip(from.value_or(std::numeric_limits<int64_t>::min()),
                        to.value_or(std::numeric_limits<int64_t>::max()));
        kept.push_back(std::move(s));
    }
    m_series = std::move(kept);
    std::vector<int> newIndex(m_sites.size(), -1);
    for (const SensorSeries &s : m_series)
        if (s.site >= 0) newIndex[size_t(s.site)] = 0;
    std::vector<SensorSite> sites;
    for (size_t i = 0; i < m_sites.size(); ++i)
        if (newIndex[i] == 0) {
            newIndex[i] = int(sites.size());
            sites.push_back(std::move(m_sites[i]));
        }
    m_sites = std::move(sites);
    for (SensorSeries &s : m_series)
        s.site = s.site >= 0 ? newIndex[size_t(s.site)] : -1;
}

Status SensorData::transform(const Crs &target)
{
    if (!target.isValid() || !m_crs.isValid() || target == m_crs) return {};
    const CoordinateTransform ct(m_crs, target);
    std::vector<double> xy;
    xy.reserve(m_sites.size() * 2);
    for (const SensorSite &s : m_sites) {
        xy.push_back(s.x);
        xy.push_back(s.y);
    }
    if (Status st = ct.transformInPlace(xy.data(), m_sites.size()); !st.ok())
        return Error::input(QStringLiteral("cannot transform sensor sites from %1 to %2: %3")
                                .arg(m_crs.description(), target.description(), st.error().message));
    for (size_t i = 0; i < m_sites.size(); ++i) {
        m_sites[i].x = xy[2 * i];
        m_sites[i].y = xy[2 * i + 1];
    }
    m_crs = target;
    return {};
}

} // namespace kw
