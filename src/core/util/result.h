// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace kw {

/// \brief Category of a failure, chosen so that callers (notably the CLI) can map it to an exit code.
enum class ErrorKind {
    Input,     ///< missing, unreadable or corrupt input data, unknown CRS
    Output,    ///< an output cannot be written
    Usage,     ///< the caller asked for something that makes no sense
    Cancelled, ///< the operation was cancelled by the user
    Internal,  ///< a bug or an unexpected library failure
};

/// \brief A failure with a category and a human-readable message that names the file and the problem.
struct Error
{
    ErrorKind kind = ErrorKind::Internal;
    QString message;

    static Error input(QString m) { return {ErrorKind::Input, std::move(m)}; }
    static Error output(QString m) { return {ErrorKind::Output, std::move(m)}; }
    static Error usage(QString m) { return {ErrorKind::Usage, std::move(m)}; }
    static Error cancelled() { return {ErrorKind::Cancelled, QStringLiteral("cancelled")}; }
    static Error internal(QString m) { return {ErrorKind::Internal, std::move(m)}; }
};

/// \brief A value or an Error: how fallible operations report across module boundaries (no exceptions).
template <typename T> class Result
{
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_v); }
    T &value() & { return std::get<T>(m_v); }
    T &&value() && { return std::get<T>(std::move(m_v)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const Error &error() const { return std::get<Error>(m_v); }

private:
    std::variant<T, Error> m_v;
};

/// \brief Result of an operation that yields nothing but may fail.
class Status
{
public:
    Status() = default;
    Status(Error error) : m_ok(false), m_error(std::move(error)) {}
    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    bool m_ok = true;
    Error m_error;
};

} // namespace kw
