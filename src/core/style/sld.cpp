// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/style/sld.h"

#include "core/expression/ast.h"
#include "core/expression/expression.h"
#include "core/expression/function.h"
#include "core/style/rule_based_renderer.h"
#include "core/style/symbol_json.h"
#include "core/style/thematic_renderers.h"

#include <QBuffer>
#include <QDomDocument>
#include <QXmlStreamWriter>

#include <cmath>

namespace kw {

namespace {

const QString kSld = QStringLiteral("http://www.opengis.net/sld");
const QString kSe = QStringLiteral("http://www.opengis.net/se");
const QString kOgc = QStringLiteral("http://www.opengis.net/ogc");
const QString kXlink = QStringLiteral("http://www.w3.org/1999/xlink");
const QString kMetre = QStringLiteral("http://www.opengeospatial.org/se/units/metre");

QString num(double v)
{
    return QString::number(v, 'g', 10);
}

/// Converts a size to SLD pixels (0.28 mm); map units stay metres (written with uom by the caller).
double toSldPixels(double value, SizeUnit unit)
{
    switch (unit) {
    case SizeUnit::Millimeters: return value / Sld::mmPerPixel;
    case SizeUnit::Points: return value * 25.4 / 72.0 / Sld::mmPerPixel;
    case SizeUnit::Pixels:
    case SizeUnit::MapUnits: return value;
    }
    return value;
}

QString markerName(MarkerShape s)
{
    switch (s) {
    case MarkerShape::Square: return QStringLiteral("square");
    case MarkerShape::Triangle: return QStringLiteral("triangle");
    case MarkerShape::Diamond: return QStringLiteral("diamond");
    case MarkerShape::Cross: return QStringLiteral("cross");
    case MarkerShape::Star: return QStringLiteral("star");
    default: return QStringLiteral("circle");
    }
}

/// Writes SLD 1.0 or SE 1.1 styling elements with the right namespace and parameter element.
class Writer
{
public:
    Writer(QXmlStreamWriter &w, Sld::Version v, QStringList *report) : m_w(w), m_v(v), m_report(report) {}

    QString styleNs() const { return m_v == Sld::Version::Se11 ? kSe : kSld; }
    void start(const QString &name) { m_w.writeStartElement(styleNs(), name); }
    void end() { m_w.writeEndElement(); }
    void text(const QString &name, const QString &value) { m_w.writeTextElement(styleNs(), name, value); }
    void param(const QString &name, const QString &value)
    {
        m_w.writeStartElement(styleNs(), m_v == Sld::Version::Se11 ? QStringLiteral("SvgParameter")
                                                                   : QStringLiteral("CssParameter"));
        m_w.writeAttribute(QStringLiteral("name"), name);
        m_w.writeCharacters(value);
        m_w.writeEndElement();
    }
    void note(const QString &what)
    {
        if (m_report && !m_report->contains(what))
            m_report->append(what);
    }

    void uom(SizeUnit unit)
    {
        if (unit != SizeUnit::MapUnits)
            return;
        if (m_v == Sld::Version::Se11)
            m_w.writeAttribute(QStringLiteral("uom"), kMetre);
        else
            note(QStringLiteral("sizes in map units have no SLD 1.0 form: written as pixels (use SE 1.1)"));
    }

    void fill(const QColor &c, double opacity)
    {
        start(QStringLiteral("Fill"));
        param(QStringLiteral("fill"), c.name(QColor::HexRgb));
        const double a = c.alphaF() * opacity;
        if (a < 1.0)
            param(QStringLiteral("fill-opacity"), num(a));
        end();
    }

    void stroke(const Symbol &s)
    {
        start(QStringLiteral("Stroke"));
        param(QStringLiteral("stroke"), s.strokeColor.name(QColor::HexRgb));
        const double width = toSldPixels(s.strokeWidth, s.strokeUnit);
        param(QStringLiteral("stroke-width"), num(width));
        const double a = s.strokeColor.alphaF() * s.opacity;
        if (a < 1.0)
            param(QStringLiteral("stroke-opacity"), num(a));
        param(QStringLiteral("stroke-linejoin"), s.joinStyle == Qt::MiterJoin ? QStringLiteral("mitre")
                                                  : s.joinStyle == Qt::BevelJoin ? QStringLiteral("bevel")
                                                                                  : QStringLiteral("round"));
        param(QStringLiteral("stroke-linecap"), s.capStyle == Qt::FlatCap ? QStringLiteral("butt")
                                                 : s.capStyle == Qt::SquareCap ? QStringLiteral("square")
                                                                                : QStringLiteral("round"));
        QList<qreal> dash = s.dashPattern;
        if (dash.isEmpty()) {
            switch (s.strokeStyle) {
            case Qt::DashLine: dash = {4, 2}; break;
            case Qt::DotLine: dash = {1, 2}; break;
            case Qt::DashDotLine: dash = {4, 2, 1, 2}; break;
            case Qt::DashDotDotLine: dash = {4, 2, 1, 2, 1, 2}; break;
            default: break;
            }
        }
        if (!dash.isEmpty()) {
            // Qt's pattern is in stroke widths; SLD's in pixels.
            QStringList parts;
            for (qreal d : dash)
                parts << num(d * std::max(width, 1.0));
            param(QStringLiteral("stroke-dasharray"), parts.join(QLatin1Char(' ')));
        }
        end();
    }

    bool hasStroke(const Symbol &s) const
    {
        return s.strokeStyle != Qt::NoPen && s.strokeWidth > 0 && s.strokeColor.alpha() > 0;
    }

    /// \a sizeExpression, when given, replaces the marker size (proportional symbols).
    void pointSymbolizer(const Symbol &s, const std::function<void()> &sizeExpression = {})
    {
        start(QStringLiteral("PointSymbolizer"));
        uom(s.markerUnit);
        start(QStringLiteral("Graphic"));
        if (s.markerShape == MarkerShape::Svg && !s.svgPath.isEmpty()) {
            start(QStringLiteral("ExternalGraphic"));
            m_w.writeStartElement(styleNs(), QStringLiteral("OnlineResource"));
            m_w.writeAttribute(kXlink, QStringLiteral("type"), QStringLiteral("simple"));
            m_w.writeAttribute(kXlink, QStringLiteral("href"), s.svgPath);
            m_w.writeEndElement();
            text(QStringLiteral("Format"), QStringLiteral("image/svg+xml"));
            end();
        } else {
            start(QStringLiteral("Mark"));
            text(QStringLiteral("WellKnownName"), markerName(s.markerShape));
            if (s.fillColor.alpha() > 0)
                fill(s.fillColor, s.opacity);
            if (hasStroke(s))
                stroke(s);
            end();
        }
        if (s.opacity < 1.0)
            text(QStringLiteral("Opacity"), num(s.opacity));
        if (sizeExpression) {
            start(QStringLiteral("Size"));
            sizeExpression();
            end();
        } else {
            text(QStringLiteral("Size"), num(toSldPixels(s.markerSize, s.markerUnit)));
        }
        end();
        end();
    }

    void symbolizer(const Symbol &s, GeometryFamily family)
    {
        switch (family) {
        case GeometryFamily::Point:
            pointSymbolizer(s);
            break;
        case GeometryFamily::Line:
            start(QStringLiteral("LineSymbolizer"));
            uom(s.strokeUnit);
            stroke(s);
            end();
            break;
        default:
            start(QStringLiteral("PolygonSymbolizer"));
            uom(s.strokeUnit);
            if (s.fillColor.alpha() > 0)
                fill(s.fillColor, s.opacity);
            if (hasStroke(s))
                stroke(s);
            end();
            break;
        }
    }

    // ---- filters --------------------------------------------------------------------------------

    /// <ogc:element [name=…]>first second</ogc:element> for operators with two operands.
    bool binary(const QString &element, const expr::Ast &a, QString *error, const QString &functionName = {})
    {
        m_w.writeStartElement(kOgc, element);
        if (!functionName.isEmpty())
            m_w.writeAttribute(QStringLiteral("name"), functionName);
        if (!expression(a.children[0], error) || !expression(a.children[1], error))
            return false;
        m_w.writeEndElement();
        return true;
    }

    bool expression(const expr::Ast &a, QString *error)
    {
        using K = expr::Ast::Kind;
        switch (a.kind) {
        case K::Field:
            m_w.writeTextElement(kOgc, QStringLiteral("PropertyName"), a.name);
            return true;
        case K::Literal: {
            const QVariant v = a.literal.toVariant();
            if (!v.isValid()) {
                *error = QStringLiteral("NULL outside IS NULL");
                return false;
            }
            m_w.writeTextElement(kOgc, QStringLiteral("Literal"),
                                 v.typeId() == QMetaType::Double ? num(v.toDouble()) : v.toString());
            return true;
        }
        case K::Negate:
            m_w.writeStartElement(kOgc, QStringLiteral("Sub"));
            m_w.writeTextElement(kOgc, QStringLiteral("Literal"), QStringLiteral("0"));
            if (!expression(a.children[0], error))
                return false;
            m_w.writeEndElement();
            return true;
        case K::Binary: {
            QString op;
            switch (a.op) {
            case expr::BinaryOp::Add: op = QStringLiteral("Add"); break;
            case expr::BinaryOp::Sub: op = QStringLiteral("Sub"); break;
            case expr::BinaryOp::Mul: op = QStringLiteral("Mul"); break;
            case expr::BinaryOp::Div: op = QStringLiteral("Div"); break;
            case expr::BinaryOp::Concat:
                note(QStringLiteral("'||' written as the strConcat() filter function (GeoServer, QGIS)"));
                return binary(QStringLiteral("Function"), a, error, QStringLiteral("strConcat"));
            default:
                *error = QStringLiteral("a condition where a value is expected (column %1)").arg(a.column);
                return false;
            }
            return binary(op, a, error);
        }
        case K::Function: {
            const QString name = QString::fromLatin1(expr::functionAt(a.function).name);
            note(QStringLiteral("function %1() written as an ogc:Function; not every SLD reader knows it").arg(name));
            m_w.writeStartElement(kOgc, QStringLiteral("Function"));
            m_w.writeAttribute(QStringLiteral("name"), name);
            for (const expr::Ast &c : a.children)
                if (!expression(c, error))
                    return false;
            m_w.writeEndElement();
            return true;
        }
        case K::Variable:
            *error = QStringLiteral("variable @%1 has no filter equivalent").arg(a.name);
            return false;
        case K::FeatureId:
            *error = QStringLiteral("$id has no filter equivalent");
            return false;
        case K::Case:
            *error = QStringLiteral("CASE has no filter equivalent (column %1)").arg(a.column);
            return false;
        default:
            *error = QStringLiteral("a condition where a value is expected (column %1)").arg(a.column);
            return false;
        }
    }

    bool filter(const expr::Ast &a, QString *error)
    {
        using K = expr::Ast::Kind;
        const auto wrapNot = [&](bool negated, const std::function<bool()> &body) {
            if (negated)
                m_w.writeStartElement(kOgc, QStringLiteral("Not"));
            const bool ok = body();
            if (negated)
                m_w.writeEndElement();
            return ok;
        };
        switch (a.kind) {
        case K::Not:
            m_w.writeStartElement(kOgc, QStringLiteral("Not"));
            if (!filter(a.children[0], error))
                return false;
            m_w.writeEndElement();
            return true;
        case K::In:
            return wrapNot(a.negated, [&] {
                m_w.writeStartElement(kOgc, QStringLiteral("Or"));
                for (size_t i = 1; i < a.children.size(); ++i) {
                    m_w.writeStartElement(kOgc, QStringLiteral("PropertyIsEqualTo"));
                    if (!expression(a.children[0], error) || !expression(a.children[i], error))
                        return false;
                    m_w.writeEndElement();
                }
                m_w.writeEndElement();
                return true;
            });
        case K::Between:
            return wrapNot(a.negated, [&] {
                m_w.writeStartElement(kOgc, QStringLiteral("PropertyIsBetween"));
                if (!expression(a.children[0], error))
                    return false;
                m_w.writeStartElement(kOgc, QStringLiteral("LowerBoundary"));
                if (!expression(a.children[1], error))
                    return false;
                m_w.writeEndElement();
                m_w.writeStartElement(kOgc, QStringLiteral("UpperBoundary"));
                if (!expression(a.children[2], error))
                    return false;
                m_w.writeEndElement();
                m_w.writeEndElement();
                return true;
            });
        case K::Binary: {
            QString op;
            switch (a.op) {
            case expr::BinaryOp::And:
            case expr::BinaryOp::Or:
                m_w.writeStartElement(kOgc, a.op == expr::BinaryOp::And ? QStringLiteral("And") : QStringLiteral("Or"));
                if (!filter(a.children[0], error) || !filter(a.children[1], error))
                    return false;
                m_w.writeEndElement();
                return true;
            case expr::BinaryOp::Eq: op = QStringLiteral("PropertyIsEqualTo"); break;
            case expr::BinaryOp::Ne: op = QStringLiteral("PropertyIsNotEqualTo"); break;
            case expr::BinaryOp::Lt: op = QStringLiteral("PropertyIsLessThan"); break;
            case expr::BinaryOp::Le: op = QStringLiteral("PropertyIsLessThanOrEqualTo"); break;
            case expr::BinaryOp::Gt: op = QStringLiteral("PropertyIsGreaterThan"); break;
            case expr::BinaryOp::Ge: op = QStringLiteral("PropertyIsGreaterThanOrEqualTo"); break;
            case expr::BinaryOp::Is:
            case expr::BinaryOp::IsNot: {
                const expr::Ast &rhs = a.children[1];
                if (rhs.kind != K::Literal || rhs.literal.toVariant().isValid()) {
                    *error = QStringLiteral("IS with something other than NULL (column %1)").arg(a.column);
                    return false;
                }
                return wrapNot(a.op == expr::BinaryOp::IsNot, [&] {
                    m_w.writeStartElement(kOgc, QStringLiteral("PropertyIsNull"));
                    if (!expression(a.children[0], error))
                        return false;
                    m_w.writeEndElement();
                    return true;
                });
            }
            case expr::BinaryOp::Like:
            case expr::BinaryOp::ILike: {
                return wrapNot(a.negated, [&] {
                    m_w.writeStartElement(kOgc, QStringLiteral("PropertyIsLike"));
                    m_w.writeAttribute(QStringLiteral("wildCard"), QStringLiteral("%"));
                    m_w.writeAttribute(QStringLiteral("singleChar"), QStringLiteral("_"));
                    m_w.writeAttribute(m_v == Sld::Version::Se11 ? QStringLiteral("escapeChar") : QStringLiteral("escape"),
                                       QStringLiteral("\\"));
                    if (a.op == expr::BinaryOp::ILike)
                        m_w.writeAttribute(QStringLiteral("matchCase"), QStringLiteral("false"));
                    if (!expression(a.children[0], error) || !expression(a.children[1], error))
                        return false;
                    m_w.writeEndElement();
                    return true;
                });
            }
            default:
                *error = QStringLiteral("a value where a condition is expected (column %1)").arg(a.column);
                return false;
            }
            return binary(op, a, error);
        }
        default:
            *error = QStringLiteral("a value where a condition is expected (column %1)").arg(a.column);
            return false;
        }
    }

    /// Writes <ogc:Filter> for \a expressionText; reports and writes nothing when it cannot be converted.
    bool filterElement(const QString &expressionText, const QString &ruleName)
    {
        auto e = Expression::parse(expressionText);
        if (!e.ok()) {
            note(QStringLiteral("rule '%1': %2").arg(ruleName, e.error().message));
            return false;
        }
        // Write into a scratch buffer first: a half-written filter must not end up in the document.
        QByteArray scratch;
        QBuffer buffer(&scratch);
        buffer.open(QIODevice::WriteOnly);
        QXmlStreamWriter sw(&buffer);
        sw.writeNamespace(kOgc, QStringLiteral("ogc"));
        sw.writeStartElement(kOgc, QStringLiteral("Filter"));
        Writer inner(sw, m_v, m_report);
        QString error;
        if (!inner.filter(*e->ast(), &error)) {
            note(QStringLiteral("rule '%1': filter '%2' not converted: %3").arg(ruleName, expressionText, error));
            return false;
        }
        sw.writeEndElement();
        // Replay into the main writer.
        m_w.writeStartElement(kOgc, QStringLiteral("Filter"));
        Writer(m_w, m_v, nullptr).filter(*e->ast(), &error);
        m_w.writeEndElement();
        return true;
    }

    void scaleRange(double minScale, double maxScale)
    {
        // Kartenwerk's minScale is the most zoomed-out denominator: SLD's MaxScaleDenominator.
        if (maxScale > 0)
            text(QStringLiteral("MinScaleDenominator"), num(maxScale));
        if (minScale > 0)
            text(QStringLiteral("MaxScaleDenominator"), num(minScale));
    }

    void rule(const QString &name, const QString &title, const std::function<void()> &filterPart, const Symbol &s,
              GeometryFamily family, double minScale = 0, double maxScale = 0)
    {
        start(QStringLiteral("Rule"));
        text(QStringLiteral("Name"), name);
        if (m_v == Sld::Version::Se11) {
            start(QStringLiteral("Description"));
            text(QStringLiteral("Title"), title);
            end();
        } else {
            text(QStringLiteral("Title"), title);
        }
        if (filterPart)
            filterPart();
        scaleRange(minScale, maxScale);
        symbolizer(s, family);
        end();
    }

    void labels(const LabelSettings &l, GeometryFamily family)
    {
        start(QStringLiteral("Rule"));
        text(QStringLiteral("Name"), QStringLiteral("labels"));
        scaleRange(l.minScale, l.maxScale);
        start(QStringLiteral("TextSymbolizer"));
        start(QStringLiteral("Label"));
        auto e = Expression::parse(l.text);
        QString error;
        if (e.ok() && e->ast()->kind == expr::Ast::Kind::Field) {
            m_w.writeTextElement(kOgc, QStringLiteral("PropertyName"), e->ast()->name);
        } else if (!e.ok() || !expression(*e->ast(), &error)) {
            note(QStringLiteral("label text '%1' not converted%2").arg(l.text, error.isEmpty() ? QString() : QStringLiteral(": ") + error));
        }
        end();
        start(QStringLiteral("Font"));
        param(QStringLiteral("font-family"), l.fontFamily);
        param(QStringLiteral("font-size"), num(toSldPixels(l.size, SizeUnit::Points)));
        param(QStringLiteral("font-style"), l.italic ? QStringLiteral("italic") : QStringLiteral("normal"));
        param(QStringLiteral("font-weight"), l.bold ? QStringLiteral("bold") : QStringLiteral("normal"));
        end();
        start(QStringLiteral("LabelPlacement"));
        const bool line = l.placement == LabelSettings::Placement::AlongLine ||
                          (l.placement == LabelSettings::Placement::Auto && family == GeometryFamily::Line);
        if (line) {
            start(QStringLiteral("LinePlacement"));
            end();
        } else {
            start(QStringLiteral("PointPlacement"));
            start(QStringLiteral("AnchorPoint"));
            const bool centred = l.placement != LabelSettings::Placement::AroundPoint &&
                                 (family == GeometryFamily::Polygon || l.placement == LabelSettings::Placement::OverPoint);
            text(QStringLiteral("AnchorPointX"), centred ? QStringLiteral("0.5") : QStringLiteral("0"));
            text(QStringLiteral("AnchorPointY"), centred ? QStringLiteral("0.5") : QStringLiteral("0"));
            end();
            end();
        }
        end();
        if (l.haloWidth > 0 && l.haloColor.alpha() > 0) {
            start(QStringLiteral("Halo"));
            text(QStringLiteral("Radius"), num(toSldPixels(l.haloWidth, SizeUnit::Millimeters)));
            fill(l.haloColor, 1.0);
            end();
        }
        fill(l.color, 1.0);
        end();
        end();
    }

private:
    QXmlStreamWriter &m_w;
    Sld::Version m_v;
    QStringList *m_report;
};

QString quoted(const QString &field)
{
    QString f = field;
    return QLatin1Char('"') + f.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

QString literal(const QVariant &v)
{
    if (v.typeId() == QMetaType::Double || v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
        return QString::number(v.toDouble(), 'g', 17);
    QString s = v.toString();
    return QLatin1Char('\'') + s.replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

} // namespace

Result<QString> Sld::filterFromExpression(const QString &expressionText, Version version)
{
    auto e = Expression::parse(expressionText);
    if (!e.ok())
        return e.error();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QXmlStreamWriter w(&buffer);
    w.writeNamespace(kOgc, QStringLiteral("ogc"));
    w.writeStartElement(kOgc, QStringLiteral("Filter"));
    QString error;
    if (!Writer(w, version, nullptr).filter(*e->ast(), &error))
        return Error::usage(QStringLiteral("'%1' has no OGC filter form: %2").arg(expressionText, error));
    w.writeEndElement();
    return QString::fromUtf8(bytes);
}

QByteArray Sld::write(const QString &layerName, const FeatureRenderer &renderer, const LabelSettings &labels,
                      GeometryFamily family, Version version, QStringList *notConverted)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QXmlStreamWriter w(&buffer);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(2);
    w.writeStartDocument();
    w.writeNamespace(kSld, QStringLiteral("sld"));
    if (version == Version::Se11)
        w.writeNamespace(kSe, QStringLiteral("se"));
    w.writeNamespace(kOgc, QStringLiteral("ogc"));
    w.writeNamespace(kXlink, QStringLiteral("xlink"));
    w.writeNamespace(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"), QStringLiteral("xsi"));
    w.writeStartElement(kSld, QStringLiteral("StyledLayerDescriptor"));
    w.writeAttribute(QStringLiteral("version"), version == Version::Se11 ? QStringLiteral("1.1.0") : QStringLiteral("1.0.0"));
    w.writeAttribute(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"), QStringLiteral("schemaLocation"),
                     version == Version::Se11
                         ? QStringLiteral("http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd")
                         : QStringLiteral("http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd"));
    w.writeStartElement(kSld, QStringLiteral("NamedLayer"));
    w.writeTextElement(version == Version::Se11 ? kSe : kSld, QStringLiteral("Name"), layerName);
    w.writeStartElement(kSld, QStringLiteral("UserStyle"));
    w.writeTextElement(version == Version::Se11 ? kSe : kSld, QStringLiteral("Name"), layerName);
    Writer sw(w, version, notConverted);
    sw.start(QStringLiteral("FeatureTypeStyle"));

    switch (renderer.type()) {
    case FeatureRenderer::Type::Single:
        sw.rule(QStringLiteral("single"), layerName, {}, renderer.symbols().front(), family);
        break;
    case FeatureRenderer::Type::Categorized: {
        const auto &c = static_cast<const CategorizedRenderer &>(renderer);
        int i = 0;
        for (const Category &cat : c.categories()) {
            if (!cat.visible)
                continue;
            const QString label = cat.label.isEmpty() ? cat.value.toString() : cat.label;
            sw.rule(QStringLiteral("category %1").arg(++i), label, [&] {
                w.writeStartElement(kOgc, QStringLiteral("Filter"));
                if (cat.value.isValid()) {
                    w.writeStartElement(kOgc, QStringLiteral("PropertyIsEqualTo"));
                    w.writeTextElement(kOgc, QStringLiteral("PropertyName"), c.field());
                    w.writeTextElement(kOgc, QStringLiteral("Literal"), cat.value.toString());
                } else {
                    w.writeStartElement(kOgc, QStringLiteral("PropertyIsNull"));
                    w.writeTextElement(kOgc, QStringLiteral("PropertyName"), c.field());
                }
                w.writeEndElement();
                w.writeEndElement();
            }, cat.symbol, family);
        }
        if (c.otherSymbol())
            sw.rule(QStringLiteral("other"), c.otherLabel(), [&] { sw.start(QStringLiteral("ElseFilter")); sw.end(); },
                    *c.otherSymbol(), family);
        break;
    }
    case FeatureRenderer::Type::Graduated: {
        const auto &g = static_cast<const GraduatedRenderer &>(renderer);
        int i = 0;
        for (const Range &r : g.ranges()) {
            const bool first = i == 0;
            if (!r.visible) {
                ++i;
                continue;
            }
            sw.rule(QStringLiteral("class %1").arg(++i), r.label, [&] {
                w.writeStartElement(kOgc, QStringLiteral("Filter"));
                w.writeStartElement(kOgc, QStringLiteral("And"));
                w.writeStartElement(kOgc, first ? QStringLiteral("PropertyIsGreaterThanOrEqualTo")
                                                : QStringLiteral("PropertyIsGreaterThan"));
                w.writeTextElement(kOgc, QStringLiteral("PropertyName"), g.field());
                w.writeTextElement(kOgc, QStringLiteral("Literal"), num(r.lower));
                w.writeEndElement();
                w.writeStartElement(kOgc, QStringLiteral("PropertyIsLessThanOrEqualTo"));
                w.writeTextElement(kOgc, QStringLiteral("PropertyName"), g.field());
                w.writeTextElement(kOgc, QStringLiteral("Literal"), num(r.upper));
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }, r.symbol, family);
        }
        break;
    }
    case FeatureRenderer::Type::RuleBased: {
        const auto &rb = static_cast<const RuleBasedRenderer &>(renderer);
        int i = 0;
        for (const Rule &r : rb.rules()) {
            const QString name = QStringLiteral("rule %1").arg(++i);
            std::function<void()> filterPart;
            if (r.isElse)
                filterPart = [&] { sw.start(QStringLiteral("ElseFilter")); sw.end(); };
            else if (!r.filter.trimmed().isEmpty())
                filterPart = [&] { sw.filterElement(r.filter, r.label.isEmpty() ? name : r.label); };
            sw.rule(name, r.label, filterPart, r.symbol, family, r.minScale, r.maxScale);
        }
        break;
    }
    case FeatureRenderer::Type::Proportional: {
        const auto &p = static_cast<const ProportionalRenderer &>(renderer);
        const Symbol &s = p.symbols().front();
        sw.note(QStringLiteral("proportional sizes written as a sqrt() filter function in <Size> (GeoServer and QGIS "
                               "read it; the SLD standard has no area-true scaling)"));
        sw.start(QStringLiteral("Rule"));
        sw.text(QStringLiteral("Name"), QStringLiteral("proportional"));
        sw.pointSymbolizer(s, [&] {
            // size = maxSize * sqrt(value / maxValue)
            w.writeStartElement(kOgc, QStringLiteral("Mul"));
            w.writeTextElement(kOgc, QStringLiteral("Literal"), num(toSldPixels(p.maxSize(), s.markerUnit)));
            w.writeStartElement(kOgc, QStringLiteral("Function"));
            w.writeAttribute(QStringLiteral("name"), QStringLiteral("sqrt"));
            w.writeStartElement(kOgc, QStringLiteral("Div"));
            w.writeTextElement(kOgc, QStringLiteral("PropertyName"), p.field());
            w.writeTextElement(kOgc, QStringLiteral("Literal"), num(p.maxValue()));
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        });
        sw.end();
        break;
    }
    case FeatureRenderer::Type::Heatmap:
        sw.note(QStringLiteral("heatmaps have no SLD form (GeoServer needs a rendering transformation): no rule written"));
        break;
    }
    if (labels.enabled && !labels.text.isEmpty())
        sw.labels(labels, family);
    sw.end(); // FeatureTypeStyle
    w.writeEndElement(); // UserStyle
    w.writeEndElement(); // NamedLayer
    w.writeEndElement(); // StyledLayerDescriptor
    w.writeEndDocument();
    return bytes;
}

// ---- reading ------------------------------------------------------------------------------------

namespace {

QList<QDomElement> children(const QDomElement &e, const QString &localName = {})
{
    QList<QDomElement> out;
    for (QDomNode n = e.firstChild(); !n.isNull(); n = n.nextSibling()) {
        const QDomElement c = n.toElement();
        if (!c.isNull() && (localName.isEmpty() || c.localName() == localName))
            out << c;
    }
    return out;
}

QDomElement child(const QDomElement &e, const QString &localName)
{
    const auto list = children(e, localName);
    return list.isEmpty() ? QDomElement() : list.first();
}

QDomElement descendant(const QDomElement &e, const QString &localName)
{
    if (e.isNull())
        return {};
    for (const QDomElement &c : children(e)) {
        if (c.localName() == localName)
            return c;
        const QDomElement d = descendant(c, localName);
        if (!d.isNull())
            return d;
    }
    return {};
}

QMap<QString, QString> params(const QDomElement &e)
{
    QMap<QString, QString> p;
    for (const QDomElement &c : children(e))
        if (c.localName() == QLatin1String("CssParameter") || c.localName() == QLatin1String("SvgParameter"))
            p.insert(c.attribute(QStringLiteral("name")), c.text().trimmed());
    return p;
}

double fromSldPixels(double px, bool metres, SizeUnit &unit)
{
    if (metres) {
        unit = SizeUnit::MapUnits;
        return px;
    }
    unit = SizeUnit::Millimeters;
    return px * Sld::mmPerPixel;
}

struct Reader
{
    QStringList *report;

    void note(const QString &s)
    {
        if (report && !report->contains(s))
            report->append(s);
    }

    QString expression(const QDomElement &e)
    {
        const QString n = e.localName();
        if (n == QLatin1String("PropertyName"))
            return quoted(e.text().trimmed());
        if (n == QLatin1String("Literal")) {
            bool ok = false;
            const QString t = e.text().trimmed();
            t.toDouble(&ok);
            return ok ? t : literal(t);
        }
        static const QMap<QString, QString> arith = {{QStringLiteral("Add"), QStringLiteral("+")},
                                                     {QStringLiteral("Sub"), QStringLiteral("-")},
                                                     {QStringLiteral("Mul"), QStringLiteral("*")},
                                                     {QStringLiteral("Div"), QStringLiteral("/")}};
        if (arith.contains(n)) {
            const auto c = children(e);
            if (c.size() != 2)
                return {};
            return QStringLiteral("(%1 %2 %3)").arg(expression(c[0]), arith[n], expression(c[1]));
        }
        if (n == QLatin1String("Function")) {
            QString name = e.attribute(QStringLiteral("name"));
            if (name == QLatin1String("strConcat")) {
                const auto c = children(e);
                if (c.size() == 2)
                    return QStringLiteral("(%1 || %2)").arg(expression(c[0]), expression(c[1]));
            }
            QStringList args;
            for (const QDomElement &c : children(e))
                args << expression(c);
            const QString text = name + QLatin1Char('(') + args.join(QStringLiteral(", ")) + QLatin1Char(')');
            if (!Expression::parse(text).ok())
                note(QStringLiteral("filter function '%1' is not known to Kartenwerk").arg(name));
            return text;
        }
        note(QStringLiteral("filter element '%1' not converted").arg(n));
        return {};
    }

    QString condition(const QDomElement &e)
    {
        const QString n = e.localName();
        const auto c = children(e);
        if (n == QLatin1String("And") || n == QLatin1String("Or")) {
            QStringList parts;
            for (const QDomElement &x : c)
                parts << QLatin1Char('(') + condition(x) + QLatin1Char(')');
            return parts.join(n == QLatin1String("And") ? QStringLiteral(" AND ") : QStringLiteral(" OR "));
        }
        if (n == QLatin1String("Not") && !c.isEmpty())
            return QStringLiteral("NOT (%1)").arg(condition(c[0]));
        static const QMap<QString, QString> cmp = {{QStringLiteral("PropertyIsEqualTo"), QStringLiteral("=")},
                                                   {QStringLiteral("PropertyIsNotEqualTo"), QStringLiteral("<>")},
                                                   {QStringLiteral("PropertyIsLessThan"), QStringLiteral("<")},
                                                   {QStringLiteral("PropertyIsLessThanOrEqualTo"), QStringLiteral("<=")},
                                                   {QStringLiteral("PropertyIsGreaterThan"), QStringLiteral(">")},
                                                   {QStringLiteral("PropertyIsGreaterThanOrEqualTo"), QStringLiteral(">=")}};
        if (cmp.contains(n) && c.size() == 2) {
            if (e.attribute(QStringLiteral("matchCase")) == QLatin1String("false"))
                return QStringLiteral("lower(%1) %2 lower(%3)").arg(expression(c[0]), cmp[n], expression(c[1]));
            return QStringLiteral("%1 %2 %3").arg(expression(c[0]), cmp[n], expression(c[1]));
        }
        if (n == QLatin1String("PropertyIsNull") && !c.isEmpty())
            return QStringLiteral("%1 IS NULL").arg(expression(c[0]));
        if (n == QLatin1String("PropertyIsBetween") && c.size() == 3)
            return QStringLiteral("%1 BETWEEN %2 AND %3")
                .arg(expression(c[0]), expression(children(c[1]).value(0)), expression(children(c[2]).value(0)));
        if (n == QLatin1String("PropertyIsLike") && c.size() == 2) {
            const QString wild = e.attribute(QStringLiteral("wildCard"), QStringLiteral("*"));
            const QString single = e.attribute(QStringLiteral("singleChar"), QStringLiteral("."));
            const QString esc = e.attribute(QStringLiteral("escapeChar"), e.attribute(QStringLiteral("escape"), QStringLiteral("\\")));
            const QString pattern = c[1].text();
            QString out;
            for (int i = 0; i < pattern.size(); ++i) {
                const QString ch = pattern.mid(i, 1);
                if (ch == esc && i + 1 < pattern.size()) {
                    const QString next = pattern.mid(++i, 1);
                    out += (next == QLatin1String("%") || next == QLatin1String("_")) ? QLatin1Char('\\') + next : next;
                } else if (ch == wild) {
                    out += QLatin1Char('%');
                } else if (ch == single) {
                    out += QLatin1Char('_');
                } else if (ch == QLatin1String("%") || ch == QLatin1String("_")) {
                    out += QLatin1Char('\\') + ch;
                } else {
                    out += ch;
                }
            }
            const bool ilike = e.attribute(QStringLiteral("matchCase")) == QLatin1String("false");
            return QStringLiteral("%1 %2 %3").arg(expression(c[0]), ilike ? QStringLiteral("ILIKE") : QStringLiteral("LIKE"), literal(out));
        }
        note(QStringLiteral("filter '%1' not converted (spatial and id filters have no Kartenwerk form)").arg(n));
        return QStringLiteral("TRUE");
    }

    Symbol symbol(const QDomElement &rule, GeometryFamily &family)
    {
        Symbol s;
        s.strokeStyle = Qt::NoPen;
        s.fillColor = QColor(0, 0, 0, 0);
        bool any = false;
        for (const QDomElement &sym : children(rule)) {
            const QString n = sym.localName();
            const bool metres = sym.attribute(QStringLiteral("uom")).endsWith(QLatin1String("metre"));
            const auto readStroke = [&](const QDomElement &strokeEl) {
                if (strokeEl.isNull())
                    return;
                const auto p = params(strokeEl);
                s.strokeStyle = Qt::SolidLine;
                s.strokeColor = QColor(p.value(QStringLiteral("stroke"), QStringLiteral("#000000")));
                if (p.contains(QStringLiteral("stroke-opacity")))
                    s.strokeColor.setAlphaF(p.value(QStringLiteral("stroke-opacity")).toFloat());
                s.strokeWidth = fromSldPixels(p.value(QStringLiteral("stroke-width"), QStringLiteral("1")).toDouble(), metres, s.strokeUnit);
                const QString dash = p.value(QStringLiteral("stroke-dasharray"));
                if (!dash.isEmpty()) {
                    const double width = std::max(p.value(QStringLiteral("stroke-width"), QStringLiteral("1")).toDouble(), 1.0);
                    for (const QString &d : dash.split(QRegularExpression(QStringLiteral("[ ,]+")), Qt::SkipEmptyParts))
                        s.dashPattern << d.toDouble() / width;
                }
            };
            const auto readFill = [&](const QDomElement &fillEl) {
                if (fillEl.isNull())
                    return;
                const auto p = params(fillEl);
                s.fillColor = QColor(p.value(QStringLiteral("fill"), QStringLiteral("#808080")));
                if (p.contains(QStringLiteral("fill-opacity")))
                    s.fillColor.setAlphaF(p.value(QStringLiteral("fill-opacity")).toFloat());
            };
            if (n == QLatin1String("PolygonSymbolizer")) {
                family = GeometryFamily::Polygon;
                readFill(child(sym, QStringLiteral("Fill")));
                readStroke(child(sym, QStringLiteral("Stroke")));
                any = true;
            } else if (n == QLatin1String("LineSymbolizer")) {
                family = GeometryFamily::Line;
                readStroke(child(sym, QStringLiteral("Stroke")));
                any = true;
            } else if (n == QLatin1String("PointSymbolizer")) {
                family = GeometryFamily::Point;
                const QDomElement graphic = child(sym, QStringLiteral("Graphic"));
                const QDomElement mark = child(graphic, QStringLiteral("Mark"));
                const QDomElement external = child(graphic, QStringLiteral("ExternalGraphic"));
                if (!mark.isNull()) {
                    bool ok = false;
                    s.markerShape = Symbol::shapeFromName(child(mark, QStringLiteral("WellKnownName")).text().trimmed(), &ok);
                    if (!ok && !child(mark, QStringLiteral("WellKnownName")).isNull())
                        note(QStringLiteral("marker '%1' drawn as a circle").arg(child(mark, QStringLiteral("WellKnownName")).text().trimmed()));
                    readFill(child(mark, QStringLiteral("Fill")));
                    readStroke(child(mark, QStringLiteral("Stroke")));
                } else if (!external.isNull()) {
                    s.markerShape = MarkerShape::Svg;
                    s.svgPath = child(external, QStringLiteral("OnlineResource")).attributeNS(kXlink, QStringLiteral("href"));
                }
                const QDomElement size = child(graphic, QStringLiteral("Size"));
                if (!size.isNull() && children(size).isEmpty())
                    s.markerSize = fromSldPixels(size.text().trimmed().toDouble(), metres, s.markerUnit);
                any = true;
            } else if (n.endsWith(QLatin1String("Symbolizer")) && n != QLatin1String("TextSymbolizer")) {
                note(QStringLiteral("%1 not converted").arg(n));
            }
        }
        if (!any)
            family = GeometryFamily::None;
        return s;
    }
};

} // namespace

Result<Sld::Style> Sld::read(const QByteArray &xml, QStringList *notConverted)
{
    QDomDocument doc;
    QString message;
    int line = 0, column = 0;
    if (!doc.setContent(xml, true, &message, &line, &column))
        return Error::input(QStringLiteral("not valid XML: %1 at line %2, column %3").arg(message).arg(line).arg(column));
    const QDomElement root = doc.documentElement();
    if (root.localName() != QLatin1String("StyledLayerDescriptor"))
        return Error::input(QStringLiteral("not an SLD document (root element '%1')").arg(root.localName()));
    const QDomElement userStyle = descendant(root, QStringLiteral("UserStyle"));
    if (userStyle.isNull())
        return Error::input(QStringLiteral("the SLD has no UserStyle"));
    Reader reader{notConverted};
    Style style;
    style.name = child(userStyle, QStringLiteral("Name")).text();

    struct ParsedRule
    {
        QString title;
        QString filter;
        bool isElse = false;
        Symbol symbol;
        GeometryFamily family = GeometryFamily::None;
        double minScale = 0, maxScale = 0;
        QDomElement filterElement;
        QDomElement proportionalSize;
    };
    QList<ParsedRule> rules;
    const auto ftsList = children(userStyle, QStringLiteral("FeatureTypeStyle"));
    if (ftsList.size() > 1)
        reader.note(QStringLiteral("only the first of %1 FeatureTypeStyles was read").arg(ftsList.size()));
    for (const QDomElement &rule : children(ftsList.value(0), QStringLiteral("Rule"))) {
        ParsedRule r;
        QDomElement title = child(rule, QStringLiteral("Title"));
        if (title.isNull())
            title = child(child(rule, QStringLiteral("Description")), QStringLiteral("Title"));
        r.title = title.isNull() ? child(rule, QStringLiteral("Name")).text() : title.text();
        r.isElse = !child(rule, QStringLiteral("ElseFilter")).isNull();
        const QDomElement filter = child(rule, QStringLiteral("Filter"));
        if (!filter.isNull() && !children(filter).isEmpty()) {
            r.filterElement = children(filter).first();
            r.filter = reader.condition(r.filterElement);
        }
        const QDomElement minS = child(rule, QStringLiteral("MinScaleDenominator"));
        const QDomElement maxS = child(rule, QStringLiteral("MaxScaleDenominator"));
        r.maxScale = minS.isNull() ? 0 : minS.text().toDouble();
        r.minScale = maxS.isNull() ? 0 : maxS.text().toDouble();
        const QDomElement text = child(rule, QStringLiteral("TextSymbolizer"));
        if (!text.isNull()) {
            LabelSettings l;
            l.enabled = true;
            const QDomElement label = child(text, QStringLiteral("Label"));
            QStringList parts;
            for (QDomNode n = label.firstChild(); !n.isNull(); n = n.nextSibling()) {
                if (n.isElement())
                    parts << reader.expression(n.toElement());
                else if (!n.nodeValue().trimmed().isEmpty())
                    parts << literal(n.nodeValue());
            }
            l.text = parts.size() == 1 && parts.first().startsWith(QLatin1Char('"')) ? parts.first().mid(1, parts.first().size() - 2)
                                                                                      : parts.join(QStringLiteral(" || "));
            const auto font = params(child(text, QStringLiteral("Font")));
            l.fontFamily = font.value(QStringLiteral("font-family"), l.fontFamily);
            if (font.contains(QStringLiteral("font-size")))
                l.size = font.value(QStringLiteral("font-size")).toDouble() * Sld::mmPerPixel * 72.0 / 25.4;
            l.bold = font.value(QStringLiteral("font-weight")) == QLatin1String("bold");
            l.italic = font.value(QStringLiteral("font-style")) == QLatin1String("italic");
            const QDomElement halo = child(text, QStringLiteral("Halo"));
            if (!halo.isNull()) {
                l.haloWidth = child(halo, QStringLiteral("Radius")).text().toDouble() * Sld::mmPerPixel;
                l.haloColor = QColor(params(child(halo, QStringLiteral("Fill"))).value(QStringLiteral("fill"), QStringLiteral("#ffffff")));
            } else {
                l.haloWidth = 0;
            }
            const QString fill = params(child(text, QStringLiteral("Fill"))).value(QStringLiteral("fill"));
            if (!fill.isEmpty())
                l.color = QColor(fill);
            const QDomElement placement = child(text, QStringLiteral("LabelPlacement"));
            if (!child(placement, QStringLiteral("LinePlacement")).isNull()) {
                l.placement = LabelSettings::Placement::AlongLine;
            } else {
                const QDomElement anchor = descendant(placement, QStringLiteral("AnchorPoint"));
                const bool centred = !anchor.isNull() && child(anchor, QStringLiteral("AnchorPointX")).text().toDouble() == 0.5;
                l.placement = centred ? LabelSettings::Placement::Auto : LabelSettings::Placement::AroundPoint;
            }
            l.minScale = r.minScale;
            l.maxScale = r.maxScale;
            style.labels = l;
        }
        r.symbol = reader.symbol(rule, r.family);
        const QDomElement size = descendant(child(rule, QStringLiteral("PointSymbolizer")), QStringLiteral("Size"));
        if (!size.isNull() && !children(size).isEmpty())
            r.proportionalSize = children(size).first();
        if (r.family != GeometryFamily::None)
            rules << r;
    }
    if (rules.isEmpty()) {
        reader.note(QStringLiteral("no rule with a symbolizer Kartenwerk can draw"));
        style.renderer = std::make_unique<SingleSymbolRenderer>();
        return style;
    }

    // Proportional symbols: Size = Mul(Literal k, sqrt(Div(PropertyName F, Literal max))) as written above.
    if (rules.size() == 1 && !rules[0].proportionalSize.isNull()) {
        const QDomElement mul = rules[0].proportionalSize;
        const auto mc = children(mul);
        if (mul.localName() == QLatin1String("Mul") && mc.size() == 2 && mc[0].localName() == QLatin1String("Literal") &&
            mc[1].localName() == QLatin1String("Function") && mc[1].attribute(QStringLiteral("name")) == QLatin1String("sqrt")) {
            const QDomElement arg = children(mc[1]).value(0);
            QString field;
            double maxValue = 1;
            if (arg.localName() == QLatin1String("Div") && children(arg).size() == 2) {
                field = children(arg)[0].text().trimmed();
                maxValue = children(arg)[1].text().toDouble();
            } else if (arg.localName() == QLatin1String("PropertyName")) {
                field = arg.text().trimmed();
            }
            if (!field.isEmpty()) {
                SizeUnit unit;
                const double maxSize = fromSldPixels(mc[0].text().toDouble(), false, unit);
                Symbol s = rules[0].symbol;
                s.markerUnit = unit;
                style.renderer = std::make_unique<ProportionalRenderer>(field, maxValue, maxSize, s);
                return style;
            }
        }
        reader.note(QStringLiteral("a marker size given by an expression was not understood: fixed size used"));
    }

    const auto single = [&] {
        return rules.size() == 1 && rules[0].filter.isEmpty() && !rules[0].isElse && rules[0].minScale == 0 &&
               rules[0].maxScale == 0;
    };
    if (single()) {
        style.renderer = std::make_unique<SingleSymbolRenderer>(rules[0].symbol);
        return style;
    }

    // Categorized: every non-else rule is PropertyIsEqualTo on the same field with a literal.
    QString field;
    bool categorized = true;
    QList<Category> categories;
    std::optional<Symbol> other;
    QString otherLabel;
    for (const ParsedRule &r : rules) {
        if (r.isElse) {
            if (other)
                categorized = false;
            other = r.symbol;
            otherLabel = r.title;
            continue;
        }
        const QDomElement f = r.filterElement;
        const auto c = children(f);
        if (r.minScale > 0 || r.maxScale > 0 || f.localName() != QLatin1String("PropertyIsEqualTo") || c.size() != 2 ||
            c[0].localName() != QLatin1String("PropertyName") || c[1].localName() != QLatin1String("Literal") ||
            (!field.isEmpty() && field != c[0].text().trimmed())) {
            categorized = false;
            break;
        }
        field = c[0].text().trimmed();
        bool isNumber = false;
        const double d = c[1].text().trimmed().toDouble(&isNumber);
        categories.append({isNumber ? QVariant(d) : QVariant(c[1].text()), r.title, r.symbol, true});
    }
    if (categorized && !field.isEmpty()) {
        auto cr = std::make_unique<CategorizedRenderer>(field, categories, other);
        style.renderer = std::move(cr);
        return style;
    }

    // Graduated: And(>=/>, <=) or Between on one field, ascending.
    field.clear();
    bool graduated = true;
    QList<Range> ranges;
    for (const ParsedRule &r : rules) {
        const QDomElement f = r.filterElement;
        double lo = 0, hi = 0;
        QString fname;
        if (r.isElse || r.minScale > 0 || r.maxScale > 0) {
            graduated = false;
            break;
        }
        if (f.localName() == QLatin1String("And") && children(f).size() == 2) {
            const auto a = children(children(f)[0]);
            const auto b = children(children(f)[1]);
            const QString an = children(f)[0].localName(), bn = children(f)[1].localName();
            if (a.size() == 2 && b.size() == 2 && an.startsWith(QLatin1String("PropertyIsGreaterThan")) &&
                bn.startsWith(QLatin1String("PropertyIsLessThan")) && a[0].text().trimmed() == b[0].text().trimmed()) {
                fname = a[0].text().trimmed();
                lo = a[1].text().toDouble();
                hi = b[1].text().toDouble();
            }
        } else if (f.localName() == QLatin1String("PropertyIsBetween") && children(f).size() == 3) {
            fname = children(f)[0].text().trimmed();
            lo = children(children(f)[1]).value(0).text().toDouble();
            hi = children(children(f)[2]).value(0).text().toDouble();
        }
        if (fname.isEmpty() || (!field.isEmpty() && fname != field) || (!ranges.isEmpty() && lo < ranges.back().lower)) {
            graduated = false;
            break;
        }
        field = fname;
        ranges.append({lo, hi, r.title, r.symbol, true});
    }
    if (graduated && !field.isEmpty()) {
        style.renderer = std::make_unique<GraduatedRenderer>(field, ranges);
        return style;
    }

    QList<Rule> out;
    for (const ParsedRule &r : rules)
        out.append({r.title, r.filter, r.isElse, r.symbol, r.minScale, r.maxScale});
    style.renderer = std::make_unique<RuleBasedRenderer>(out);
    return style;
}

} // namespace kw
