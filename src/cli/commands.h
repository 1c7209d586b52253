// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

/// The kartenwerk-cli commands besides info, render and classify (internal to src/cli).
namespace kw::cli {

/// `sensors import|info …`: sensor sources and the offline sensor cache.
int runSensors(const QStringList &args, QTextStream &out, QTextStream &err);
/// `chart SOURCE …`: a time-series chart of sensor sites as PNG or SVG.
int runChart(const QStringList &args, QTextStream &out, QTextStream &err);
/// `animate PROJECT …`: frames of a project over time as PNGs, MP4 or GIF.
int runAnimate(const QStringList &args, QTextStream &out, QTextStream &err);
/// `aggregate --points … --polygons …`: points in polygons.
int runAggregate(const QStringList &args, QTextStream &out, QTextStream &err);
/// `buffer SRC --distance M`: buffers in metres.
int runBuffer(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace kw::cli
