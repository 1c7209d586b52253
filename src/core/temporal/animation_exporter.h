// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/render/map_settings.h"
#include "core/temporal/temporal_settings.h"
#include "core/util/result.h"

#include <QImage>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace kw {

/// \brief How AnimationExporter::exportAnimation() works: time stamps, progress.
struct AnimationOptions
{
    bool timeStamp = true;                             ///< draw the label of each frame
    std::function<bool(int done, int total)> progress; ///< false cancels
};

/// \brief Renders a map over time: one PNG frame per step, optionally encoded as MP4 or GIF with ffmpeg.
///
/// Frame k is at t = begin + k step (while t < end, see TemporalSettings) and shows what the app's time
/// slider shows at t: TemporalController::apply() on the map's layers, the map rendered as the canvas
/// renders it (ParallelRenderJob), and the label of the window drawn by TimeStampOverlay in local time.
/// With interval windows [t, t + window) the first frame holds the observations at exactly `begin` and
/// the last frame never holds those at exactly `end`.
///
/// Output: a folder (a path ending in '/' or an existing folder) receives frame_00001.png, …; a path
/// ending in .mp4 (H.264, yuv420p) or .gif (palette from the frames, looping when the settings loop) is
/// encoded by the `ffmpeg` program (found on PATH, or named by $KARTENWERK_FFMPEG), which Kartenwerk does
/// not require otherwise: without it the error names the program. Outputs appear atomically: frames are
/// rendered into a temporary folder and moved (or encoded to a temporary file and renamed) at the end.
class AnimationExporter
{
public:
    enum class Output { Frames, Mp4, Gif };
    /// The kind of output \a path asks for; nullopt for other suffixes.
    static std::optional<Output> outputFor(const QString &path);
    /// The ffmpeg executable, or empty when there is none.
    static QString ffmpegProgram();

    using Options = AnimationOptions;
    /// \brief What an export made.
    struct Report
    {
        int frames = 0;
        QStringList layerErrors; ///< layers that failed to draw (the frames are still made)
        QString encoder;         ///< the ffmpeg used, if any
    };

    /// One frame: the layers of \a map set to \a t, rendered, with the time stamp. Main thread only (it
    /// changes the layers' time; the render itself runs on snapshots).
    static QImage renderFrame(const MapSettings &map, const TemporalSettings &temporal, int64_t t,
                              bool timeStamp = true, QStringList *errors = nullptr);
    /// Renders every frame time of \a temporal to \a path. The layers are left at the last frame's time.
    static Result<Report> exportAnimation(const MapSettings &map, const TemporalSettings &temporal,
                                          const QString &path, const Options &options = {});
};

} // namespace kw
