// SPDX-License-Identifier: GPL-3.0-or-later
// The reference for "a naive drawing loop": read every feature with OGR and draw it with QPainter,
// in one thread, no index, no simplification, no caching; then save with QImage::save.
//
// Usage: bare_loop CITY.gpkg OUT.png [--size WxH] [--categorized]
//
// Draws the benchmark city as kartenwerk-cli and qgis_render.py do: districts, buildings, roads bottom to
// top in Symbol::defaultFor()'s colours (0.2 mm outlines, 0.4 mm roads with round caps and joins), the
// full extent plus 3 % on each side, 96 dpi, antialiased, on white. Deliberately nothing of the kartenwerk
// core: this is what a developer would write in an afternoon.
#include <QColor>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <gdal.h>
#include <ogr_api.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace {

struct Style
{
    QColor fill;
    QColor stroke;
    double strokeMm;
};

void addRing(OGRGeometryH ring, const QTransform &t, QPainterPath &path, std::vector<QPointF> &pts)
{
    const int n = OGR_G_GetPointCount(ring);
    pts.resize(size_t(n));
    for (int i = 0; i < n; ++i)
        pts[size_t(i)] = t.map(QPointF(OGR_G_GetX(ring, i), OGR_G_GetY(ring, i)));
    if (n > 0) path.addPolygon(QPolygonF(QList<QPointF>(pts.begin(), pts.end())));
}

void drawGeometry(QPainter &p, OGRGeometryH g, const QTransform &t, std::vector<QPointF> &pts)
{
    switch (wkbFlatten(OGR_G_GetGeometryType(g))) {
    case wkbPolygon: {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (int r = 0; r < OGR_G_GetGeometryCount(g); ++r) addRing(OGR_G_GetGeometryRef(g, r), t, path, pts);
        p.drawPath(path);
        break;
    }
    case wkbLineString: {
        const int n = OGR_G_GetPointCount(g);
        pts.resize(size_t(n));
        for (int i = 0; i < n; ++i) pts[size_t(i)] = t.map(QPointF(OGR_G_GetX(g, i), OGR_G_GetY(g, i)));
        p.drawPolyline(pts.data(), n);
        break;
    }
    case wkbMultiPolygon:
    case wkbMultiLineString:
    case wkbGeometryCollection:
        for (int k = 0; k < OGR_G_GetGeometryCount(g); ++k) drawGeometry(p, OGR_G_GetGeometryRef(g, k), t, pts);
        break;
    default: break;
    }
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    std::vector<std::string> args(argv + 1, argv + argc);
    int width = 1920, height = 1080;
    bool categorized = false;
    std::vector<std::string> pos;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--size" && i + 1 < args.size()) {
            std::sscanf(args[++i].c_str(), "%dx%d", &width, &height);
        } else if (args[i] == "--categorized") {
            categorized = true;
        } else {
            pos.push_back(args[i]);
        }
    }
    if (pos.size() != 2) {
        std::fprintf(stderr, "usage: bare_loop CITY.gpkg OUT.png [--size WxH] [--categorized]\n");
        return 1;
    }
    GDALAllRegister();
    GDALDatasetH ds = GDALOpenEx(pos[0].c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!ds) {
        std::fprintf(stderr, "bare_loop: cannot open %s\n", pos[0].c_str());
        return 2;
    }
    const char *names[] = {"districts", "buildings", "roads"};
    OGREnvelope all{};
    bool first = true;
    for (const char *name : names) {
        OGRLayerH l = GDALDatasetGetLayerByName(ds, name);
        OGREnvelope e;
        if (!l || OGR_L_GetExtent(l, &e, TRUE) != OGRERR_NONE) {
            std::fprintf(stderr, "bare_loop: no layer %s\n", name);
            return 2;
        }
        if (first) all = e;
        all.MinX = std::min(all.MinX, e.MinX), all.MinY = std::min(all.MinY, e.MinY);
        all.MaxX = std::max(all.MaxX, e.MaxX), all.MaxY = std::max(all.MaxY, e.MaxY);
        first = false;
    }
    // Extent plus 3 %, widened to the image's aspect ratio, centred.
    double w = all.MaxX - all.MinX, h = all.MaxY - all.MinY;
    double x0 = all.MinX - 0.03 * w, y1 = all.MaxY + 0.03 * h;
    w *= 1.06, h *= 1.06;
    const double mupp = std::max(w / width, h / height);
    x0 -= (mupp * width - w) / 2;
    y1 += (mupp * height - h) / 2;
    const QTransform toPixels(1 / mupp, 0, 0, -1 / mupp, -x0 / mupp, y1 / mupp);

    const double pxPerMm = 96 / 25.4;
    const QColor palette[] = {QColor(141, 160, 203), QColor(252, 141, 98), QColor(102, 194, 165)};
    const Style styles[] = {{palette[0], palette[0].darker(160), 0.2},
                            {palette[1], palette[1].darker(160), 0.2},
                            {Qt::transparent, palette[2].darker(150), 0.4}};
    const std::map<std::string, QColor> categories = {{"wohnen", QColor("#66c2a5")},   {"gewerbe", QColor("#fc8d62")},
                                                      {"industrie", QColor("#8da0cb")}, {"oeffentlich", QColor("#e78ac3")},
                                                      {"garage", QColor("#a6d854")},    {"sonstige", QColor("#ffd92f")}};

    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    std::vector<QPointF> pts;
    for (int k = 0; k < 3; ++k) {
        OGRLayerH l = GDALDatasetGetLayerByName(ds, names[k]);
        const Style &s = styles[k];
        QPen pen(s.stroke, s.strokeMm * pxPerMm, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(pen);
        p.setBrush(s.fill.alpha() ? QBrush(s.fill) : QBrush(Qt::NoBrush));
        const bool byCategory = categorized && k == 1;
        const int catField = byCategory ? OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(l), "category") : -1;
        OGR_L_ResetReading(l);
        while (OGRFeatureH f = OGR_L_GetNextFeature(l)) {
            if (catField >= 0) {
                auto it = categories.find(OGR_F_GetFieldAsString(f, catField));
                if (it == categories.end()) {
                    OGR_F_Destroy(f);
                    continue;
                }
                p.setBrush(it->second);
                pen.setColor(it->second.darker(160));
                p.setPen(pen);
            }
            if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) drawGeometry(p, g, toPixels, pts);
            OGR_F_Destroy(f);
        }
    }
    p.end();
    GDALClose(ds);
    if (!image.save(QString::fromLocal8Bit(pos[1].c_str()))) {
        std::fprintf(stderr, "bare_loop: cannot write %s\n", pos[1].c_str());
        return 3;
    }
    return 0;
}
