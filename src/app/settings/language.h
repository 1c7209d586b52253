// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace kw {

/// \brief The UI language: German or English, from --lang, the settings or the system locale.
class Language
{
public:
    /// "de" and "en".
    static QStringList available() { return {QStringLiteral("de"), QStringLiteral("en")}; }
    /// What the settings say: "de", "en" or empty for "follow the system".
    static QString configured();
    static void setConfigured(const QString &language);
    /// The language to use: \a override (from --lang) when given, else the setting, else the system's
    /// language when it is German, else English.
    static QString resolve(const QString &override = {});
    /// Installs Kartenwerk's and Qt's own translations for \a language and makes it the default locale
    /// for numbers and dates. Returns false when Kartenwerk's translation could not be loaded.
    static bool install(QCoreApplication &app, const QString &language);
};

} // namespace kw
