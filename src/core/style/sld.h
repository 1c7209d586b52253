// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry/geometry.h"
#include "core/render/label_settings.h"
#include "core/style/feature_renderer.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QStringList>

#include <memory>

namespace kw {

/// \brief Style interchange with OGC Styled Layer Descriptor: SLD 1.0 and SLD 1.1 / Symbology Encoding 1.1,
/// the formats GeoServer and QGIS exchange.
///
/// Sizes are written in pixels of the OGC "standardized rendering pixel" (0.28 mm), as the standards
/// define; map-unit sizes use SE 1.1's uom="…/metre". What SLD cannot express (heatmaps, some expression
/// functions) is listed in the report, never silently dropped.
class Sld
{
public:
    enum class Version { Sld10, Se11 };

    struct Style
    {
        std::unique_ptr<FeatureRenderer> renderer;
        LabelSettings labels;
        QString name;
    };

    /// Writes \a renderer (and labels, when enabled) for a layer of \a family. \a notConverted receives what
    /// could not be expressed (the rest is still written).
    static QByteArray write(const QString &layerName, const FeatureRenderer &renderer, const LabelSettings &labels,
                            GeometryFamily family, Version version, QStringList *notConverted = nullptr);
    /// Reads the first user style of an SLD 1.0 or SE 1.1 document. Rules map to the closest renderer:
    /// equality filters on one field → categorized, range filters on one field → graduated, anything else
    /// → rule-based. What could not be read is listed in \a notConverted.
    static Result<Style> read(const QByteArray &xml, QStringList *notConverted = nullptr);

    /// The OGC filter (as an XML fragment, without the <Filter> element) of an expression, or an error
    /// naming the part that has no filter equivalent.
    static Result<QString> filterFromExpression(const QString &expression, Version version);

    /// Millimetres per OGC standardized rendering pixel.
    static constexpr double mmPerPixel = 0.28;
};

} // namespace kw
