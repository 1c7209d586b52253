// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/render_checker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace kw::test {

qint64 ImageTolerance::allowedPixels(qint64 totalPixels) const
{
    qint64 allowed = -1;
    if (maxDiffFraction >= 0)
        allowed = qint64(std::floor(maxDiffFraction * double(totalPixels)));
    if (maxDiffPixels >= 0)
        allowed = allowed < 0 ? maxDiffPixels : std::min(allowed, maxDiffPixels);
    return std::max<qint64>(allowed, 0);
}

ImageTolerance ImageTolerance::fromJson(const QJsonObject &o, QString *error)
{
    ImageTolerance t;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (!v.isDouble()) {
            *error = QStringLiteral("tolerance: '%1' must be a number").arg(key);
            return t;
        }
        const double d = v.toDouble();
        if (key == QLatin1String("max_channel_diff") && d >= 0 && d <= 255 && d == std::floor(d)) {
            t.maxChannelDiff = int(d);
        } else if (key == QLatin1String("max_diff_fraction") && d >= 0 && d <= 1) {
            t.maxDiffFraction = d;
        } else if (key == QLatin1String("max_diff_pixels") && d >= 0 && d == std::floor(d)) {
            t.maxDiffPixels = qint64(d);
        } else {
            *error = QStringLiteral("tolerance: unknown key or bad value '%1': %2").arg(key).arg(d);
            return t;
        }
    }
    return t;
}

QString ImageTolerance::toString() const
{
    QStringList parts{QStringLiteral("channel difference <= %1").arg(maxChannelDiff)};
    if (maxDiffFraction >= 0)
        parts << QStringLiteral("fraction <= %1 %").arg(maxDiffFraction * 100, 0, 'g', 4);
    if (maxDiffPixels >= 0)
        parts << QStringLiteral("count <= %1").arg(maxDiffPixels);
    if (maxDiffFraction < 0 && maxDiffPixels < 0)
        parts << QStringLiteral("no differing pixel");
    return parts.join(QStringLiteral(", "));
}

ImageDifference compareImages(const QImage &expectedIn, const QImage &actualIn, int maxChannelDiff, QImage *diffImage)
{
    ImageDifference d;
    d.sameSize = expectedIn.size() == actualIn.size();
    d.totalPixels = qint64(actualIn.width()) * actualIn.height();
    if (!d.sameSize) {
        d.differingPixels = d.totalPixels;
        if (diffImage)
            *diffImage = QImage();
        return d;
    }
    const QImage expected = expectedIn.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    const QImage actual = actualIn.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    if (diffImage)
        *diffImage = QImage(actual.size(), QImage::Format_RGB32);
    for (int y = 0; y < actual.height(); ++y) {
        const auto *e = reinterpret_cast<const QRgb *>(expected.constScanLine(y));
        const auto *a = reinterpret_cast<const QRgb *>(actual.constScanLine(y));
        auto *out = diffImage ? reinterpret_cast<QRgb *>(diffImage->scanLine(y)) : nullptr;
        for (int x = 0; x < actual.width(); ++x) {
            const int diff = std::max({std::abs(qRed(e[x]) - qRed(a[x])), std::abs(qGreen(e[x]) - qGreen(a[x])),
                                       std::abs(qBlue(e[x]) - qBlue(a[x])), std::abs(qAlpha(e[x]) - qAlpha(a[x]))});
            d.maxChannelDiff = std::max(d.maxChannelDiff, diff);
            if (diff > 0)
                ++d.changedPixels;
            if (diff > maxChannelDiff)
                ++d.differingPixels;
            if (out) {
                if (diff > maxChannelDiff) {
                    out[x] = qRgb(255, 0, 0);
                } else if (diff > 0) {
                    out[x] = qRgb(255, 165, 0);
                } else {
                    // Expected image composited on white, then faded: context without competing colours.
                    const QRgb c = e[x];
                    const int grey = qGray(qRed(c) + (255 - qAlpha(c)), qGreen(c) + (255 - qAlpha(c)),
                                           qBlue(c) + (255 - qAlpha(c)));
                    const int faded = 255 - (255 - std::min(grey, 255)) / 4;
                    out[x] = qRgb(faded, faded, faded);
                }
            }
        }
    }
    return d;
}

RenderChecker::RenderChecker()
    : RenderChecker(QStringLiteral(KW_SOURCE_DIR "/tests/render/cases"), QStringLiteral(KW_BINARY_DIR "/render-output"))
{
}

RenderChecker::RenderChecker(QString casesDir, QString outputDir)
    : m_casesDir(std::move(casesDir)), m_outputDir(std::move(outputDir))
{
}

bool RenderChecker::updateMode()
{
    return qEnvironmentVariable("KW_UPDATE_EXPECTED") == QLatin1String("1");
}

QString RenderChecker::caseDir(const QString &caseId) const
{
    return m_casesDir + QLatin1Char('/') + caseId;
}

QString RenderChecker::outputDir(const QString &caseId) const
{
    return m_outputDir + QLatin1Char('/') + caseId;
}

QString RenderChecker::expectedPath(const QString &caseId) const
{
    return caseDir(caseId) + QStringLiteral("/expected.png");
}

RenderChecker::Outcome RenderChecker::check(const QString &caseId, const QImage &actual,
                                            const ImageTolerance &tolerance) const
{
    Outcome r;
    const QString expectedFile = expectedPath(caseId);
    const QString outDir = outputDir(caseId);
    const QString actualFile = outDir + QStringLiteral("/actual.png");
    const QString diffFile = outDir + QStringLiteral("/diff.png");
    // Leftovers of an earlier failure would mislead whoever looks at the folder after a pass.
    QFile::remove(actualFile);
    QFile::remove(diffFile);

    if (actual.isNull()) {
        r.message = QStringLiteral("%1: the render produced no image").arg(caseId);
        return r;
    }
    const bool haveExpected = QFileInfo::exists(expectedFile);
    QImage expected;
    if (haveExpected && !expected.load(expectedFile)) {
        r.message = QStringLiteral("%1: cannot read %2").arg(caseId, expectedFile);
        return r;
    }
    QImage diff;
    if (haveExpected) {
        r.difference = compareImages(expected, actual, tolerance.maxChannelDiff, &diff);
        const qint64 allowed = tolerance.allowedPixels(r.difference.totalPixels);
        r.passed = r.difference.sameSize && r.difference.differingPixels <= allowed;
        if (r.passed)
            return r;
        if (!r.difference.sameSize) {
            r.message = QStringLiteral("%1: size %2x%3 differs from expected %4x%5")
                            .arg(caseId)
                            .arg(actual.width())
                            .arg(actual.height())
                            .arg(expected.width())
                            .arg(expected.height());
        } else {
            r.message = QStringLiteral("%1: %2 of %3 pixels (%4 %) differ by more than %5 (largest channel "
                                       "difference %6; %7 pixels changed at all); allowed: %8 pixels (%9)")
                            .arg(caseId)
                            .arg(r.difference.differingPixels)
                            .arg(r.difference.totalPixels)
                            .arg(100.0 * double(r.difference.differingPixels) / double(r.difference.totalPixels),
                                 0, 'f', 3)
                            .arg(tolerance.maxChannelDiff)
                            .arg(r.difference.maxChannelDiff)
                            .arg(r.difference.changedPixels)
                            .arg(allowed)
                            .arg(tolerance.toString());
        }
    } else {
        r.message = QStringLiteral("%1: no expected image %2").arg(caseId, expectedFile);
    }

    if (updateMode()) {
        // A variant of a case (e.g. "<case>/pdf") lives in a subfolder that the first update creates.
        QDir().mkpath(QFileInfo(expectedFile).absolutePath());
        if (!actual.save(expectedFile, "PNG")) {
            r.passed = false;
            r.message += QStringLiteral("; cannot write %1").arg(expectedFile);
            return r;
        }
        r.passed = true;
        r.updated = true;
        r.message += QStringLiteral("; KW_UPDATE_EXPECTED=1: wrote %1 (look at it before committing)").arg(expectedFile);
        return r;
    }

    if (!QDir().mkpath(outDir)) {
        r.message += QStringLiteral("; cannot create %1").arg(outDir);
        return r;
    }
    actual.save(actualFile, "PNG");
    QStringList written{actualFile};
    if (!diff.isNull() && diff.save(diffFile, "PNG"))
        written << diffFile;
    r.message += QStringLiteral("; wrote %1. If the change is intended, rerun with KW_UPDATE_EXPECTED=1 and "
                                "review the new expected.png")
                     .arg(written.join(QStringLiteral(" and ")));
    return r;
}

} // namespace kw::test
