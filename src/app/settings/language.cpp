// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/settings/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace kw {

namespace {
const char *kKey = "ui/language";
}

QString Language::configured()
{
    const QString l = QSettings().value(QLatin1String(kKey)).toString();
    return available().contains(l) ? l : QString();
}

void Language::setConfigured(const QString &language)
{
    if (language.isEmpty())
        QSettings().remove(QLatin1String(kKey));
    else
        QSettings().setValue(QLatin1String(kKey), language);
}

QString Language::resolve(const QString &override)
{
    const QString o = override.trimmed().toLower();
    if (available().contains(o))
        return o;
    const QString c = configured();
    if (!c.isEmpty())
        return c;
    return QLocale::system().language() == QLocale::German ? QStringLiteral("de") : QStringLiteral("en");
}

bool Language::install(QCoreApplication &app, const QString &language)
{
    // Numbers and dates follow the language chosen; a German system keeps its own country variant.
    const QLocale system = QLocale::system();
    const QLocale locale = language == QLatin1String("de")
                               ? (system.language() == QLocale::German ? system : QLocale(QLocale::German, QLocale::Germany))
                               : (system.language() == QLocale::English ? system : QLocale(QLocale::English, QLocale::UnitedKingdom));
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    // Compiled into the binary by qt_add_translations (resource prefix /i18n).
    if (!own->load(QStringLiteral(":/i18n/kartenwerk_%1.qm").arg(language)))
        return false;
    QCoreApplication::installTranslator(own);
    return true;
}

} // namespace kw
