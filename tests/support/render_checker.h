// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QJsonObject>
#include <QString>

namespace kw::test {

/// \brief How far a rendered image may stray from its expected image.
///
/// A pixel "differs" when any of its premultiplied ARGB channels differs by more than maxChannelDiff.
/// The image passes when the number of differing pixels stays within every limit that is set: the
/// fraction of all pixels and the absolute count. With neither set, no pixel may differ.
struct ImageTolerance
{
    int maxChannelDiff = 0;
    double maxDiffFraction = -1; ///< 0..1; negative: not set
    qint64 maxDiffPixels = -1;   ///< negative: not set

    /// The number of differing pixels allowed in an image of \a totalPixels.
    qint64 allowedPixels(qint64 totalPixels) const;
    /// Reads {"max_channel_diff": 8, "max_diff_fraction": 0.001, "max_diff_pixels": 50}; unknown keys and
    /// out-of-range values are errors (a typo must not silently loosen a test).
    static ImageTolerance fromJson(const QJsonObject &o, QString *error);
    QString toString() const;
};

/// \brief The numbers of one image comparison.
struct ImageDifference
{
    bool sameSize = false;
    qint64 totalPixels = 0;
    qint64 differingPixels = 0; ///< pixels beyond the channel tolerance
    qint64 changedPixels = 0;   ///< pixels with any difference at all
    int maxChannelDiff = 0;     ///< largest channel difference seen
};

/// Compares two images channel by channel (in premultiplied ARGB, so invisible colour under alpha 0
/// does not count). When \a diffImage is given it receives a picture of the differences: the expected
/// image faded to light grey, pixels beyond the tolerance in red, smaller differences in orange.
ImageDifference compareImages(const QImage &expected, const QImage &actual, int maxChannelDiff,
                              QImage *diffImage = nullptr);

/// \brief Checks rendered images against approved expected.png files of render cases.
///
/// A case is a folder \c <casesDir>/<area>/<case>/ holding expected.png. On a mismatch the checker
/// writes actual.png and diff.png to \c <outputDir>/<area>/<case>/ and explains the numbers. With
/// KW_UPDATE_EXPECTED=1 in the environment it writes expected.png instead, but only when the
/// comparison fails or there is none yet, so re-running the update does not churn unchanged files.
class RenderChecker
{
public:
    /// Defaults: tests/render/cases in the source tree and render-output in the build tree.
    RenderChecker();
    RenderChecker(QString casesDir, QString outputDir);

    static bool updateMode();

    struct Outcome
    {
        bool passed = false;
        bool updated = false; ///< expected.png was (re)written in update mode
        ImageDifference difference;
        QString message;
    };
    /// \a caseId is "<area>/<case>".
    Outcome check(const QString &caseId, const QImage &actual, const ImageTolerance &tolerance) const;

    QString casesDir() const { return m_casesDir; }
    QString caseDir(const QString &caseId) const;
    QString outputDir(const QString &caseId) const;
    QString expectedPath(const QString &caseId) const;

private:
    QString m_casesDir;
    QString m_outputDir;
};

} // namespace kw::test
