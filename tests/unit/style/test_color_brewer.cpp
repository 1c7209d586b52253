// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/style/color_brewer.h"
#include "core/style/color_ramp.h"
#include "support/test_support.h"

#include <QFile>
#include <QTest>
#include <algorithm>

using namespace kw;

namespace {

QString hexList(const QList<QColor> &colors)
{
    QStringList names;
    for (const QColor &c : colors)
        names << c.name().mid(1);
    return names.join(QLatin1Char(' '));
}

QString typeName(BrewerScheme::Type t)
{
    switch (t) {
    case BrewerScheme::Type::Sequential:
        return QStringLiteral("seq");
    case BrewerScheme::Type::Diverging:
        return QStringLiteral("div");
    case BrewerScheme::Type::Qualitative:
        return QStringLiteral("qual");
    }
    return {};
}

} // namespace

/// \brief The ColorBrewer table: every palette against RColorBrewer, lookup, clamping, interpolation,
/// inversion.
class TestColorBrewer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void schemeCounts()
    {
        int seq = 0, div = 0, qual = 0;
        for (const BrewerScheme &s : colorBrewerSchemes()) {
            seq += s.type == BrewerScheme::Type::Sequential;
            div += s.type == BrewerScheme::Type::Diverging;
            qual += s.type == BrewerScheme::Type::Qualitative;
            QCOMPARE(s.palettes.size(), s.maxClasses - s.minClasses + 1);
            for (int n = s.minClasses; n <= s.maxClasses; ++n)
                QCOMPARE(s.colors(n).size(), n);
        }
        QCOMPARE(seq, 18);
        QCOMPARE(div, 9);
        QCOMPARE(qual, 8);
        QCOMPARE(colorBrewerScheme(QStringLiteral("Blues"))->maxClasses, 9);
        QCOMPARE(colorBrewerScheme(QStringLiteral("RdBu"))->maxClasses, 11);
        QCOMPARE(colorBrewerScheme(QStringLiteral("Paired"))->maxClasses, 12);
        QCOMPARE(colorBrewerScheme(QStringLiteral("Accent"))->maxClasses, 8);
        QCOMPARE(colorBrewerScheme(QStringLiteral("Pastel1"))->maxClasses, 9);
    }

    /// tests/data/color_brewer/rcolorbrewer.csv is RColorBrewer's whole table (see reference.R beside it).
    void everyPaletteMatchesRColorBrewer()
    {
        QFile f(test::testData(QStringLiteral("color_brewer/rcolorbrewer.csv")));
        QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
        int rows = 0;
        QSet<QString> names;
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')) ||
                line.startsWith(QLatin1String("name,")))
                continue;
            const QStringList p = line.split(QLatin1Char(','));
            QCOMPARE(p.size(), 6);
            const auto s = colorBrewerScheme(p[0]);
            QVERIFY2(s, qPrintable(p[0]));
            QCOMPARE(s->name, p[0]);
            QCOMPARE(typeName(s->type), p[1]);
            QCOMPARE(s->colorBlindSafe ? QStringLiteral("true") : QStringLiteral("false"), p[2]);
            QCOMPARE(s->maxClasses, p[3].toInt());
            QCOMPARE(hexList(s->colors(p[4].toInt())), p[5]);
            names.insert(p[0]);
            ++rows;
        }
        QCOMPARE(names.size(), colorBrewerSchemes().size());
        QCOMPARE(rows, 265);
    }

    void knownColors_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("colors");
        QTest::newRow("Blues 5") << "Blues" << 5 << "eff3ff bdd7e7 6baed6 3182bd 08519c";
        QTest::newRow("YlOrRd 5") << "YlOrRd" << 5 << "ffffb2 fecc5c fd8d3c f03b20 bd0026";
        QTest::newRow("RdBu 11")
            << "RdBu" << 11 << "67001f b2182b d6604d f4a582 fddbc7 f7f7f7 d1e5f0 92c5de 4393c3 2166ac 053061";
        QTest::newRow("Set1 3") << "Set1" << 3 << "e41a1c 377eb8 4daf4a";
        QTest::newRow("Paired 12")
            << "paired" << 12
            << "a6cee3 1f78b4 b2df8a 33a02c fb9a99 e31a1c fdbf6f ff7f00 cab2d6 6a3d9a ffff99 b15928";
        QTest::newRow("below the minimum is the smallest palette") << "Greens" << 2 << "e5f5e0 a1d99b 31a354";
        QTest::newRow("qualitative beyond the maximum is clamped")
            << "Dark2" << 10 << "1b9e77 d95f02 7570b3 e7298a 66a61e e6ab02 a6761d 666666";
        QTest::newRow("unknown scheme") << "Rainbow" << 5 << "";
        QTest::newRow("no classes") << "Blues" << 0 << "";
    }
    void knownColors()
    {
        QFETCH(QString, scheme);
        QFETCH(int, n);
        QFETCH(QString, colors);
        QCOMPARE(hexList(colorsFor(scheme, n)), colors);
    }

    void interpolatesBeyondTheLargestPalette()
    {
        const QList<QColor> nine = colorsFor(QStringLiteral("Blues"), 9);
        const QList<QColor> seventeen = colorsFor(QStringLiteral("Blues"), 17);
        QCOMPARE(seventeen.size(), 17);
        // Every second colour of 17 evenly spaced ones is one of the nine published ones.
        for (int i = 0; i < 9; ++i) {
            QVERIFY2(std::abs(seventeen[2 * i].red() - nine[i].red()) <= 1 &&
                         std::abs(seventeen[2 * i].green() - nine[i].green()) <= 1 &&
                         std::abs(seventeen[2 * i].blue() - nine[i].blue()) <= 1,
                     qPrintable(seventeen[2 * i].name() + QLatin1String(" vs ") + nine[i].name()));
        }
        QCOMPARE(colorsFor(QStringLiteral("Spectral"), 15).size(), 15);
        QCOMPARE(colorsFor(QStringLiteral("Spectral"), 15).first(), QColor(QStringLiteral("#9e0142")));
        QCOMPARE(colorsFor(QStringLiteral("Spectral"), 15).last(), QColor(QStringLiteral("#5e4fa2")));
    }

    void inversion()
    {
        const QList<QColor> forward = colorsFor(QStringLiteral("PuOr"), 7);
        QList<QColor> reversed = colorsFor(QStringLiteral("puor"), 7, true);
        QCOMPARE(reversed.size(), 7);
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(reversed, forward);
        QCOMPARE(colorsFor(QStringLiteral("YlOrRd"), 5, true).first(), QColor(QStringLiteral("#bd0026")));
    }

    void colorBlindFlags_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<bool>("safe");
        QTest::newRow("sequential") << "OrRd" << true;
        QTest::newRow("diverging safe") << "RdYlBu" << true;
        QTest::newRow("diverging unsafe") << "RdYlGn" << false;
        QTest::newRow("Spectral") << "Spectral" << false;
        QTest::newRow("Dark2") << "Dark2" << true;
        QTest::newRow("Set1") << "Set1" << false;
    }
    void colorBlindFlags()
    {
        QFETCH(QString, scheme);
        QFETCH(bool, safe);
        QCOMPARE(colorBrewerScheme(scheme)->colorBlindSafe, safe);
    }

    void colorRampAcceptsBrewerNames()
    {
        bool ok = false;
        const ColorRamp buPu = ColorRamp::named(QStringLiteral("BuPu"), &ok);
        QVERIFY(ok);
        QCOMPARE(buPu.stops().size(), 9);
        QCOMPARE(buPu.color(0.0), QColor(QStringLiteral("#f7fcfd")));
        QCOMPARE(buPu.color(1.0), QColor(QStringLiteral("#4d004b")));
        QCOMPARE(buPu.color(0.5), QColor(QStringLiteral("#8c96c6"))); // the middle of nine stops
        QCOMPARE(ColorRamp::named(QStringLiteral("set3"), &ok).stops().size(), 12);
        QVERIFY(ok);
        // The built-in greys ramp stays black to white (rasters rely on it); brewer: names the scheme.
        QCOMPARE(ColorRamp::named(QStringLiteral("Greys"), &ok).color(0.0), QColor(Qt::black));
        QVERIFY(ok);
        QCOMPARE(ColorRamp::named(QStringLiteral("brewer:Greys"), &ok).color(0.0), QColor(Qt::white));
        QVERIFY(ok);
        QCOMPARE(ColorRamp::named(QStringLiteral("brewer:Spectral"), &ok).stops().size(), 11);
        ColorRamp::named(QStringLiteral("brewer:nope"), &ok);
        QVERIFY(!ok);
        QVERIFY(ColorRamp::names().contains(QStringLiteral("YlGnBu")));
        const QStringList names = ColorRamp::names();
        QCOMPARE(std::count_if(names.begin(), names.end(),
                               [](const QString &n) {
                                   return n.compare(QLatin1String("spectral"), Qt::CaseInsensitive) == 0;
                               }),
                 1);
    }
};

QTEST_MAIN(TestColorBrewer)
#include "test_color_brewer.moc"
