// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layers/sensor_layer.h"
#include "core/project/project.h"
#include "core/render/render_job.h"
#include "core/render/time_stamp_overlay.h"
#include "core/sensors/sensor_cache.h"
#include "core/style/feature_renderer.h"
#include "core/temporal/animation_exporter.h"
#include "core/temporal/temporal_controller.h"
#include "core/temporal/time_format.h"
#include "support/cli_run.h"
#include "support/test_support.h"

#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kw;
using test::CliRun;
using test::runCli;

namespace {

// The map: 200 x 200 px over 410400..410600 / 5478400..5478600, so site A (410500/5478500) is pixel (100,
// 100).
const QPoint siteA(100, 100);
// Class colours of the NO2 style: up to 25 red, up to 50 blue, above green.
const QColor red(255, 0, 0), blue(0, 0, 255), green(0, 255, 0), white(255, 255, 255);

bool same(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= 2 && std::abs(a.green() - b.green()) <= 2 &&
           std::abs(a.blue() - b.blue()) <= 2;
}

QString describe(const QColor &c)
{
    return QStringLiteral("rgb(%1,%2,%3)").arg(c.red()).arg(c.green()).arg(c.blue());
}

/// Count of near-black pixels inside \a box of \a image: text was drawn there.
int darkPixels(const QImage &image, const QRectF &box)
{
    int n = 0;
    const QRect r = box.toAlignedRect().intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += qRed(image.pixel(x, y)) < 100 && qGreen(image.pixel(x, y)) < 100 &&
                 qBlue(image.pixel(x, y)) < 100;
    return n;
}

} // namespace

/// \brief kartenwerk-cli animate: which observations the first and last frames hold (half-open windows),
/// the time stamp, frames equal to the app's code path, MP4/GIF through ffmpeg, and the error paths.
///
/// Data: tests/data/sensors/messwerte_klein.csv, site A, NO2 (UTC): 24.10. 23:00 10.5, 25.10. 00:00 20.5,
/// 01:00 30, 03:00 1234.5 (02:00 is a gap). Animated from 00:00Z to 03:00Z in steps of one hour: frames at
/// 00:00 (holds 20.5: red; the observation at exactly FROM is in), 01:00 (30: blue) and 02:00 (nothing: A is
/// not drawn; the 1234.5 at exactly TO would be green if the window were closed).
class TestAnimateCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_project;

    QStringList frameArgs(const QString &out) const
    {
        return {QStringLiteral("animate"),
                m_project,
                QStringLiteral("--from"),
                QStringLiteral("2026-10-25T00:00:00Z"),
                QStringLiteral("--to"),
                QStringLiteral("2026-10-25T03:00:00Z"),
                QStringLiteral("--step"),
                QStringLiteral("PT1H"),
                QStringLiteral("--size"),
                QStringLiteral("200x200"),
                QStringLiteral("-q"),
                QStringLiteral("-o"),
                out};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        SensorQuery q;
        q.sites = test::testData(QStringLiteral("sensors/messstellen_klein.csv")) +
                  QStringLiteral("|crs=EPSG:25832");
        auto data = SensorSources::load(test::testData(QStringLiteral("sensors/messwerte_klein.csv")), q);
        QVERIFY(data.ok());
        const QString cache = m_tmp.filePath(QStringLiteral("sensoren.gpkg"));
        QVERIFY(SensorCache::write(*data, cache).ok());

        Project p;
        p.setCrs(Crs::etrs89Utm32());
        p.setExtent(Envelope(410400, 5478400, 410600, 5478600));
        SourceUri uri;
        uri.path = cache;
        auto layer =
            std::make_shared<SensorLayer>(uri, QStringLiteral("NO2"), QStringLiteral("Stickstoffdioxid"));
        const QByteArray style = "{\"type\":\"graduated\",\"field\":\"value\",\"ranges\":["
                                 "{\"lower\":0,\"upper\":25,\"symbol\":{\"fill\":\"#ff0000\",\"stroke\":\"#"
                                 "ff0000\",\"marker\":\"circle\",\"marker_size\":8}},"
                                 "{\"lower\":25,\"upper\":50,\"symbol\":{\"fill\":\"#0000ff\",\"stroke\":\"#"
                                 "0000ff\",\"marker\":\"circle\",\"marker_size\":8}},"
                                 "{\"lower\":50,\"upper\":5000,\"symbol\":{\"fill\":\"#00ff00\",\"stroke\":"
                                 "\"#00ff00\",\"marker\":\"circle\",\"marker_size\":8}}]}";
        auto renderer = FeatureRenderer::fromJson(QJsonDocument::fromJson(style).object());
        QVERIFY2(renderer.ok(), qPrintable(renderer.ok() ? QString() : renderer.error().message));
        layer->setRenderer(std::move(*renderer));
        p.addLayer(layer);
        m_project = m_tmp.filePath(QStringLiteral("luft.kwproj"));
        QVERIFY(p.write(m_project).ok());
    }

    void labelsOfTheFrames()
    {
        TemporalSettings s;
        s.begin = *TimeFormat::parseInstant(u"2026-10-25T00:00:00Z", QTimeZone::utc());
        s.end = s.begin + 3 * 3600000;
        const auto frames = s.frameTimes();
        QCOMPARE(frames.size(), size_t(3));
        // 00:00Z is 02:00 summer time; 01:00Z is 02:00 again, in winter time: the night of the switch.
        QCOMPARE(TemporalController::label(s, frames[0]), QStringLiteral("25.10.2026 02:00 MESZ–02:00 MEZ"));
        QCOMPARE(TemporalController::label(s, frames[1]), QStringLiteral("25.10.2026 02:00–03:00 MEZ"));
        QCOMPARE(TemporalController::label(s, frames[2]), QStringLiteral("25.10.2026 03:00–04:00 MEZ"));
        s.step = *Duration::parse(QStringLiteral("P1D"));
        s.begin = *TimeFormat::parseInstant(u"2026-09-18", TimeFormat::displayZone());
        s.end = *TimeFormat::parseInstant(u"2026-09-20", TimeFormat::displayZone());
        QCOMPARE(TemporalController::label(s, s.begin), QStringLiteral("18.09.2026"));
    }

    void firstAndLastFrame()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("frames")) + QLatin1Char('/');
        const CliRun r = runCli(frameArgs(dir));
        QVERIFY2(r.code == 0, qPrintable(r.dump()));
        const QStringList files = QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
        QCOMPARE(files, (QStringList{QStringLiteral("frame_00001.png"), QStringLiteral("frame_00002.png"),
                                     QStringLiteral("frame_00003.png")}));
        const QImage first(dir + files[0]), second(dir + files[1]), last(dir + files[2]);
        QCOMPARE(first.size(), QSize(200, 200));
        QVERIFY2(same(first.pixelColor(siteA), red), qPrintable(describe(first.pixelColor(siteA))));
        QVERIFY2(same(second.pixelColor(siteA), blue), qPrintable(describe(second.pixelColor(siteA))));
        QVERIFY2(same(last.pixelColor(siteA), white), qPrintable(describe(last.pixelColor(siteA))));
        // Each frame carries its time stamp in the lower left corner.
        for (const QImage *image : {&first, &second, &last}) {
            const QRectF box =
                TimeStampOverlay::box(QRectF(0, 0, 200, 200), QStringLiteral("25.10.2026 02:00–03:00 MESZ"));
            QVERIFY(darkPixels(*image, box) > 50);
        }
        QVERIFY(darkPixels(first, QRectF(0, 0, 200, 100)) == 0); // and nowhere else
        // No temporary folder is left behind.
        QCOMPARE(test::entries(m_tmp.filePath(QStringLiteral("frames"))).size(), 3);

        // A second, shorter run replaces the frames instead of mixing with them.
        QStringList args = frameArgs(dir);
        args[5] = QStringLiteral("2026-10-25T01:00:00Z"); // --to: one frame
        QVERIFY(runCli(args).code == 0);
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 1);
    }

    void framesAreWhatTheSliderShows()
    {
        // The app's slider: TemporalController::apply, the canvas render (ParallelRenderJob), the overlay.
        auto project = Project::read(m_project);
        QVERIFY(project.ok());
        QVERIFY((*project)->loadLayers().isEmpty());
        MapSettings map = (*project)->mapSettings(QSize(200, 200));
        TemporalSettings s;
        s.begin = *TimeFormat::parseInstant(u"2026-10-25T00:00:00Z", QTimeZone::utc());
        s.end = s.begin + 3 * 3600000;
        const QString dir = m_tmp.filePath(QStringLiteral("slider")) + QLatin1Char('/');
        QVERIFY(runCli(frameArgs(dir)).code == 0);
        int k = 1;
        for (int64_t t : s.frameTimes()) {
            TemporalController::apply(map.layers(), s, t);
            QImage slider = ParallelRenderJob::renderImage(map);
            QPainter painter(&slider);
            TimeStampOverlay::draw(painter, QRectF(0, 0, 200, 200), TemporalController::label(s, t),
                                   map.dpi());
            painter.end();
            const QImage frame(dir + QStringLiteral("frame_%1.png").arg(k++, 5, 10, QLatin1Char('0')));
            QCOMPARE(frame.convertToFormat(QImage::Format_ARGB32),
                     slider.convertToFormat(QImage::Format_ARGB32));
        }
    }

    void projectTimeSettingsAreTheDefaults()
    {
        // The project's own "time" is used when no option says otherwise: a daily step over two days.
        auto project = Project::read(m_project);
        QVERIFY(project.ok());
        TemporalSettings s;
        s.begin = *TimeFormat::parseInstant(u"2026-10-24T00:00:00", TimeFormat::displayZone());
        s.end = *TimeFormat::parseInstant(u"2026-10-26T00:00:00", TimeFormat::displayZone());
        s.step = *Duration::parse(QStringLiteral("P1D"));
        (*project)->setTemporal(s);
        const QString path = m_tmp.filePath(QStringLiteral("taeglich.kwproj"));
        QVERIFY((*project)->write(path).ok());
        const QString dir = m_tmp.filePath(QStringLiteral("daily")) + QLatin1Char('/');
        const CliRun r = runCli({QStringLiteral("animate"), path, QStringLiteral("--size"),
                                 QStringLiteral("200x200"), QStringLiteral("-o"), dir});
        QVERIFY2(r.code == 0, qPrintable(r.dump()));
        QVERIFY2(r.out.startsWith(QStringLiteral("wrote 2 frames to ")) &&
                     r.out.contains(QStringLiteral("step P1D")),
                 qPrintable(r.out));
        // 25.10. (25 hours): 20.5, 30, 1234.5 → mean 428.33: green.
        const QImage second(dir + QStringLiteral("frame_00002.png"));
        QVERIFY2(same(second.pixelColor(siteA), green), qPrintable(describe(second.pixelColor(siteA))));
        // Without time settings the range comes from the data.
        const QString dir2 = m_tmp.filePath(QStringLiteral("auto")) + QLatin1Char('/');
        const CliRun a = runCli({QStringLiteral("animate"), m_project, QStringLiteral("--size"),
                                 QStringLiteral("100x100"), QStringLiteral("-o"), dir2});
        QVERIFY2(a.code == 0, qPrintable(a.dump()));
        // NO2 from 24.10. 23:00Z (01:00 local) to 25.10. 03:00Z: frames at 23, 00, 01, 02 and 03 h UTC.
        QVERIFY2(a.out.startsWith(QStringLiteral("wrote 5 frames")), qPrintable(a.out));
    }

    void videoAndGif()
    {
        if (AnimationExporter::ffmpegProgram().isEmpty())
            QSKIP("ffmpeg is not installed: MP4 and GIF output are not tested");
        for (const QString &name : {QStringLiteral("luft.mp4"), QStringLiteral("luft.gif")}) {
            const QString out = m_tmp.filePath(name);
            const CliRun r = runCli(frameArgs(out));
            QVERIFY2(r.code == 0, qPrintable(r.dump()));
            QVERIFY(QFileInfo(out).size() > 100);
            const QString ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
            if (ffprobe.isEmpty()) continue;
            QProcess probe;
            probe.start(ffprobe, {QStringLiteral("-v"), QStringLiteral("error"),
                                  QStringLiteral("-count_frames"), QStringLiteral("-select_streams"),
                                  QStringLiteral("v:0"), QStringLiteral("-show_entries"),
                                  QStringLiteral("stream=nb_read_frames,width,height"), QStringLiteral("-of"),
                                  QStringLiteral("csv=p=0"), out});
            QVERIFY(probe.waitForFinished(60000));
            QCOMPARE(QString::fromLatin1(probe.readAllStandardOutput()).trimmed(),
                     QStringLiteral("200,200,3"));
        }
        QCOMPARE(test::entries(m_tmp.path()).filter(QStringLiteral(".kartenwerk-animation")).size(), 0);
    }

    void missingFfmpegIsNamed()
    {
        qputenv("KARTENWERK_FFMPEG", "/no/such/ffmpeg");
        const CliRun r = runCli(frameArgs(m_tmp.filePath(QStringLiteral("none.mp4"))));
        qunsetenv("KARTENWERK_FFMPEG");
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QStringLiteral("needs the program 'ffmpeg'")), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("none.mp4"))));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no output") << QStringList{QStringLiteral("P.kwproj")} << 1 << "no output given";
        QTest::newRow("bad output") << QStringList{QStringLiteral("P.kwproj"), QStringLiteral("-o"),
                                                   QStringLiteral("a.avi")}
                                    << 1 << "a.avi: unsupported output";
        QTest::newRow("bad step") << QStringList{QStringLiteral("P.kwproj"), QStringLiteral("--step"),
                                                 QStringLiteral("1h"), QStringLiteral("-o"),
                                                 QStringLiteral("f/")}
                                  << 1 << "invalid --step";
        QTest::newRow("bad from") << QStringList{QStringLiteral("P.kwproj"), QStringLiteral("--from"),
                                                 QStringLiteral("morgen"), QStringLiteral("-o"),
                                                 QStringLiteral("f/")}
                                  << 1 << "invalid --from 'morgen'";
        QTest::newRow("bad aggregation")
            << QStringList{QStringLiteral("P.kwproj"), QStringLiteral("--aggregation"),
                           QStringLiteral("mode"), QStringLiteral("-o"), QStringLiteral("f/")}
            << 1 << "unknown --aggregation 'mode'";
        QTest::newRow("missing project")
            << QStringList{QStringLiteral("/no/such.kwproj"), QStringLiteral("-o"), QStringLiteral("f/")} << 2
            << "/no/such.kwproj";
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        QDir::setCurrent(m_tmp.path());
        const CliRun r = runCli(QStringList{QStringLiteral("animate")} + args);
        QVERIFY2(r.code == code, qPrintable(r.dump()));
        QVERIFY2(r.err.contains(message), qPrintable(r.dump()));
        QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("f"))));
    }

    void dataErrors()
    {
        QDir::setCurrent(m_tmp.path());
        CliRun r = runCli({QStringLiteral("animate"), m_project, QStringLiteral("--from"),
                           QStringLiteral("2026-10-25T03:00Z"), QStringLiteral("--to"),
                           QStringLiteral("2026-10-25T00:00Z"), QStringLiteral("-o"), QStringLiteral("f/")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--to must be after --from")), qPrintable(r.err));
        r = runCli(frameArgs(QStringLiteral("/no/such/folder/x.mp4")));
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QStringLiteral("/no/such/folder")), qPrintable(r.err));
    }
};

QTEST_MAIN(TestAnimateCli)
#include "test_animate_cli.moc"
