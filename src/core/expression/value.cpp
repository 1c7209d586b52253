// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/expression/value.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace kw::expr {

Value Value::fromDateTime(const QDateTime &dt)
{
    if (!dt.isValid())
        return {};
    return fromDateTime(dt.toMSecsSinceEpoch(), dt.offsetFromUtc());
}

Value Value::fromVariant(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return {};
    switch (v.metaType().id()) {
    case QMetaType::Bool:
        return fromBool(v.toBool());
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::Long:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::ULong:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar:
        return fromInt(v.toLongLong());
    case QMetaType::ULongLong: {
        const qulonglong u = v.toULongLong();
        return u <= qulonglong(std::numeric_limits<int64_t>::max()) ? fromInt(int64_t(u)) : fromDouble(double(u));
    }
    case QMetaType::Double:
    case QMetaType::Float:
        return fromDouble(v.toDouble());
    case QMetaType::QString:
        return fromString(v.toString());
    case QMetaType::QByteArray:
        return fromString(QString::fromUtf8(v.toByteArray()));
    case QMetaType::QDate:
        return fromDate(v.toDate());
    case QMetaType::QDateTime:
        return fromDateTime(v.toDateTime());
    default:
        break;
    }
    if (v.canConvert<QString>())
        return fromString(v.toString());
    return {};
}

QDate Value::date() const
{
    if (m_type == Type::Date)
        return QDate::fromJulianDay(m_i);
    if (m_type == Type::DateTime)
        return dateTime().date();
    return {};
}

QDateTime Value::dateTime() const
{
    if (m_type == Type::DateTime)
        return m_offset == 0 ? QDateTime::fromMSecsSinceEpoch(m_i, Qt::UTC)
                             : QDateTime::fromMSecsSinceEpoch(m_i, Qt::OffsetFromUTC, m_offset);
    if (m_type == Type::Date)
        return QDateTime::fromMSecsSinceEpoch(instantMsecs(), Qt::UTC);
    return {};
}

int64_t Value::instantMsecs() const
{
    return m_type == Type::Date ? (m_i - kJulianDayOfEpoch) * kMsecsPerDay : m_i;
}

QVariant Value::toVariant() const
{
    switch (m_type) {
    case Type::Null: return {};
    case Type::Bool: return QVariant(m_i != 0);
    case Type::Int: return QVariant::fromValue<qlonglong>(m_i);
    case Type::Double: return QVariant(m_d);
    case Type::String: return QVariant(m_s);
    case Type::Date: return QVariant(date());
    case Type::DateTime: return QVariant(dateTime());
    }
    return {};
}

QString Value::toText() const
{
    switch (m_type) {
    case Type::Null: return {};
    case Type::Bool: return m_i ? QStringLiteral("true") : QStringLiteral("false");
    case Type::Int: return QString::number(m_i);
    case Type::Double: return doubleToText(m_d);
    case Type::String: return m_s;
    case Type::Date: return date().toString(Qt::ISODate);
    case Type::DateTime: return dateTime().toString(Qt::ISODateWithMs);
    }
    return {};
}

QString doubleToText(double d)
{
    // QString::number never uses the locale, so exports look the same on every desktop.
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

bool parseNumber(const QString &s, double *out)
{
    bool ok = false;
    const double d = s.toDouble(&ok); // C locale: '.' only, whatever the desktop is set to
    if (!ok || !std::isfinite(d))
        return false;
    *out = d;
    return true;
}

bool parseNumberValue(const QString &s, Value *out)
{
    bool ok = false;
    const qlonglong i = s.toLongLong(&ok);
    if (ok) {
        *out = Value::fromInt(i);
        return true;
    }
    double d;
    if (!parseNumber(s, &d))
        return false;
    *out = Value::fromDouble(d);
    return true;
}

Value parseTemporal(const QString &text)
{
    const QString s = text.trimmed();
    if (s.size() == 10) {
        const QDate d = QDate::fromString(s, Qt::ISODate);
        return d.isValid() ? Value::fromDate(d) : Value();
    }
    if (s.size() < 16)
        return {};
    QString iso = s;
    if (iso.at(10) == QLatin1Char(' '))
        iso[10] = QLatin1Char('T');
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid())
        return {};
    if (dt.timeSpec() == Qt::LocalTime)
        dt = QDateTime(dt.date(), dt.time(), Qt::UTC); // no offset given: UTC, like the providers
    return Value::fromDateTime(dt);
}

namespace {

template <typename T> Ordering order(T a, T b)
{
    if (a < b)
        return Ordering::Less;
    if (b < a)
        return Ordering::Greater;
    if (a == b)
        return Ordering::Equal;
    return Ordering::Unordered; // NaN
}

Ordering orderNumbers(const Value &a, const Value &b)
{
    if (a.type() != Value::Type::Double && b.type() != Value::Type::Double)
        return order(a.intValue(), b.intValue());
    return order(a.numeric(), b.numeric());
}

} // namespace

Ordering compareValues(const Value &a, const Value &b)
{
    if (a.isNumeric() && b.isNumeric())
        return orderNumbers(a, b);

    if (a.isTemporal() || b.isTemporal()) {
        const Value x = a.type() == Value::Type::String ? parseTemporal(a.stringValue()) : a;
        const Value y = b.type() == Value::Type::String ? parseTemporal(b.stringValue()) : b;
        if (!x.isTemporal() || !y.isTemporal())
            return Ordering::Incomparable;
        if (x.type() == Value::Type::Date && y.type() == Value::Type::Date)
            return order(x.julianDay(), y.julianDay());
        return order(x.instantMsecs(), y.instantMsecs());
    }

    if (a.type() == Value::Type::String && b.type() == Value::Type::String) {
        const int c = QString::compare(a.stringValue(), b.stringValue(), Qt::CaseSensitive);
        return c < 0 ? Ordering::Less : (c > 0 ? Ordering::Greater : Ordering::Equal);
    }

    // A number against a string: numerically when the string is a number (as QGIS does), else as text.
    const bool aIsNumber = a.isNumeric();
    const Value &num = aIsNumber ? a : b;
    const Value &str = aIsNumber ? b : a;
    Value parsed;
    Ordering o;
    if (parseNumberValue(str.stringValue(), &parsed)) {
        o = orderNumbers(num, parsed);
    } else {
        const int c = QString::compare(num.toText(), str.stringValue(), Qt::CaseSensitive);
        o = c < 0 ? Ordering::Less : (c > 0 ? Ordering::Greater : Ordering::Equal);
    }
    if (!aIsNumber && (o == Ordering::Less || o == Ordering::Greater))
        o = o == Ordering::Less ? Ordering::Greater : Ordering::Less;
    return o;
}

} // namespace kw::expr
