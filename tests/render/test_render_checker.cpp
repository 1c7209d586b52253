// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/render_checker.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace kw::test;

namespace {

QImage plain(QColor c, QSize size = QSize(40, 30))
{
    QImage img(size, QImage::Format_ARGB32_Premultiplied);
    img.fill(c);
    return img;
}

} // namespace

/// \brief The render checker itself must fail when it should: a checker that always passes hides every
/// rendering regression.
class TestRenderChecker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        // The update mode would turn every failure below into a rewrite.
        qunsetenv("KW_UPDATE_EXPECTED");
        QVERIFY(m_dir.isValid());
        QDir().mkpath(m_dir.filePath(QStringLiteral("cases/area/case")));
        QVERIFY(plain(Qt::white).save(m_dir.filePath(QStringLiteral("cases/area/case/expected.png"))));
    }

    void identicalPasses()
    {
        const auto r = checker().check(QStringLiteral("area/case"), plain(Qt::white), {});
        QVERIFY2(r.passed, qPrintable(r.message));
        QCOMPARE(r.difference.differingPixels, 0);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("out/area/case/actual.png"))));
    }

    void tolerance_data()
    {
        QTest::addColumn<int>("changed");    // pixels changed
        QTest::addColumn<int>("delta");      // by this much in the red channel
        QTest::addColumn<QByteArray>("json"); // tolerance
        QTest::addColumn<bool>("passes");
        QTest::newRow("strict, one pixel off by one") << 1 << 1 << QByteArray("{}") << false;
        QTest::newRow("channel tolerance covers it") << 5 << 8 << QByteArray(R"({"max_channel_diff": 8})") << true;
        QTest::newRow("channel tolerance just exceeded") << 5 << 9 << QByteArray(R"({"max_channel_diff": 8})") << false;
        QTest::newRow("count allows 5") << 5 << 200 << QByteArray(R"({"max_diff_pixels": 5})") << true;
        QTest::newRow("count allows 4") << 5 << 200 << QByteArray(R"({"max_diff_pixels": 4})") << false;
        // 1200 pixels: 0.5 % allows 6.
        QTest::newRow("fraction allows 6") << 6 << 200 << QByteArray(R"({"max_diff_fraction": 0.005})") << true;
        QTest::newRow("fraction allows 6, 7 changed") << 7 << 200 << QByteArray(R"({"max_diff_fraction": 0.005})") << false;
        QTest::newRow("both set: the stricter wins")
            << 5 << 200 << QByteArray(R"({"max_diff_fraction": 0.005, "max_diff_pixels": 2})") << false;
    }
    void tolerance()
    {
        QFETCH(int, changed);
        QFETCH(int, delta);
        QFETCH(QByteArray, json);
        QFETCH(bool, passes);
        QString error;
        const ImageTolerance t = ImageTolerance::fromJson(QJsonDocument::fromJson(json).object(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QImage img = plain(Qt::white);
        for (int i = 0; i < changed; ++i)
            img.setPixelColor(i, 3, QColor(255 - delta, 255, 255));
        const auto r = checker().check(QStringLiteral("area/case"), img, t);
        QCOMPARE(r.passed, passes);
        QCOMPARE(r.difference.changedPixels, qint64(changed));
        QCOMPARE(r.difference.maxChannelDiff, delta);
        if (!passes) {
            // The message carries the numbers and the failure leaves the evidence behind.
            QVERIFY2(r.message.contains(QStringLiteral("%1 of 1200 pixels").arg(changed)), qPrintable(r.message));
            QImage actual(m_dir.filePath(QStringLiteral("out/area/case/actual.png")));
            QImage diff(m_dir.filePath(QStringLiteral("out/area/case/diff.png")));
            QCOMPARE(actual.size(), img.size());
            QCOMPARE(actual.pixelColor(0, 3), QColor(255 - delta, 255, 255));
            QCOMPARE(diff.pixelColor(0, 3), QColor(255, 0, 0)); // beyond tolerance: red
            QCOMPARE(diff.pixelColor(20, 20).red(), diff.pixelColor(20, 20).blue()); // unchanged: grey
        }
    }

    void badToleranceKeysAreErrors()
    {
        QString error;
        ImageTolerance::fromJson(QJsonDocument::fromJson(R"({"max_chanel_diff": 8})").object(), &error);
        QVERIFY(error.contains(QLatin1String("max_chanel_diff")));
        error.clear();
        ImageTolerance::fromJson(QJsonDocument::fromJson(R"({"max_diff_fraction": 2})").object(), &error);
        QVERIFY(!error.isEmpty());
    }

    void sizeMismatchFails()
    {
        const auto r = checker().check(QStringLiteral("area/case"), plain(Qt::white, QSize(41, 30)), {});
        QVERIFY(!r.passed);
        QVERIFY2(r.message.contains(QLatin1String("41x30")), qPrintable(r.message));
    }

    void invisibleColourUnderTransparencyIsEqual()
    {
        // Premultiplied comparison: fully transparent pixels are equal whatever colour they "had".
        QImage expected(4, 4, QImage::Format_ARGB32);
        expected.fill(QColor(255, 0, 0, 0));
        QImage actual(4, 4, QImage::Format_ARGB32);
        actual.fill(QColor(0, 0, 255, 0));
        QCOMPARE(compareImages(expected, actual, 0).differingPixels, 0);
        actual.fill(QColor(0, 0, 255, 128));
        QCOMPARE(compareImages(expected, actual, 0).differingPixels, 16);
    }

    void missingExpectedFails()
    {
        const auto r = checker().check(QStringLiteral("area/none"), plain(Qt::white), {});
        QVERIFY(!r.passed);
        QVERIFY(r.message.contains(QLatin1String("no expected image")));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("out/area/none/actual.png"))));
    }

    void updateModeWritesExpectedOnlyWhenNeeded()
    {
        qputenv("KW_UPDATE_EXPECTED", "1");
        const QString expected = m_dir.filePath(QStringLiteral("cases/area/case/expected.png"));
        // Equal within tolerance: nothing is rewritten.
        auto r = checker().check(QStringLiteral("area/case"), plain(Qt::white), {});
        QVERIFY(r.passed);
        QVERIFY(!r.updated);
        // Different: expected.png becomes the new image and the check passes.
        r = checker().check(QStringLiteral("area/case"), plain(Qt::black), {});
        qunsetenv("KW_UPDATE_EXPECTED");
        QVERIFY(r.passed);
        QVERIFY(r.updated);
        QCOMPARE(QImage(expected).pixelColor(5, 5), QColor(Qt::black));
        QVERIFY(checker().check(QStringLiteral("area/case"), plain(Qt::black), {}).passed);
    }

private:
    RenderChecker checker() const
    {
        return RenderChecker(m_dir.filePath(QStringLiteral("cases")), m_dir.filePath(QStringLiteral("out")));
    }
    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(TestRenderChecker)
#include "test_render_checker.moc"
