// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace kw {

class Project;

/// \brief One finding of a project check.
struct CheckIssue
{
    enum class Severity { Error, Warning, Info };
    enum class Kind {
        MissingData,        ///< a data file or folder does not exist
        LoadError,          ///< the data exists but cannot be read
        UnknownCrs,         ///< a CRS PROJ does not know, or data without one
        MissingFont,        ///< a font family used by labels or layouts is not installed
        UnreachableService, ///< an http(s) source does not answer
        Substitution,       ///< an export would draw something else than asked (missing picture, …)
        Rasterised,         ///< a PDF/SVG export would embed this as an image
        Layout,             ///< a layout refers to something that does not exist, or an expression fails
    };
    Severity severity = Severity::Error;
    Kind kind = Kind::MissingData;
    QString subject; ///< the layer, layout or font concerned
    QString message;

    static QString kindName(Kind kind);
    static QString severityName(Severity severity);
};

/// \brief What a check of a project found.
struct CheckReport
{
    QList<CheckIssue> issues;
    int layers = 0;
    int layouts = 0;

    bool hasErrors() const;
    int count(CheckIssue::Severity severity) const;
    QJsonObject toJson() const;
};

/// \brief Finds what would make an export fail or look different before it runs: missing data, unreadable
/// layers, unknown CRSs, missing fonts, unreachable web services, and what an export would substitute or
/// rasterise (from a dry run of each layout at low resolution).
class ProjectChecker
{
public:
    struct Options
    {
        /// For http(s) sources: HEAD request timeout; 0 skips the network checks.
        int timeoutMs = 3000;
        /// Only this layout (empty: all).
        QString layout;
    };

    /// Checks \a project (its layers are loaded as a side effect). Needs a QGuiApplication for fonts.
    static CheckReport check(Project &project, const Options &options);
    /// The service URL to probe for a source, or empty for local data ("xyz:https://…/{z}/{x}/{y}.png"
    /// gives the tile 0/0/0; "WFS:https://…" the service address; "/vsicurl/https://…" the file).
    static QString serviceUrl(const QString &source);
    /// A HEAD request (GET for servers that refuse HEAD) with a timeout; empty on success, else why not.
    static QString probeUrl(const QString &url, int timeoutMs);
};

} // namespace kw
