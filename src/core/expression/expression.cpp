// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/expression/expression.h"

#include "core/expression/ast.h"
#include "core/expression/node.h"
#include "core/expression/parser.h"

namespace kw {

/// \brief What every copy of an Expression shares: the text, the parse tree and the compiled nodes.
struct Expression::Data
{
    QString text;
    std::shared_ptr<const expr::Ast> ast;
    QStringList fields;
    QStringList variables;
    bool featureId = false;
    bool prepared = false;
    std::shared_ptr<const expr::Node> program;
};

namespace {

void collectNames(const expr::Ast &a, QStringList &fields, QStringList &variables, bool &featureId)
{
    switch (a.kind) {
    case expr::Ast::Kind::Field:
        if (!fields.contains(a.name))
            fields.append(a.name);
        break;
    case expr::Ast::Kind::Variable:
        if (!variables.contains(a.name))
            variables.append(a.name);
        break;
    case expr::Ast::Kind::FeatureId:
        featureId = true;
        break;
    case expr::Ast::Kind::Function:
        // now() returns @now when the caller sets it: callers caching results per context must know.
        if (a.name == QLatin1String("now") && !variables.contains(QLatin1String("now")))
            variables.append(QStringLiteral("now"));
        break;
    default:
        break;
    }
    for (const expr::Ast &c : a.children)
        collectNames(c, fields, variables, featureId);
}

} // namespace

Result<Expression> Expression::parse(const QString &text, int *errorColumn)
{
    auto ast = expr::Parser::parse(text, errorColumn);
    if (!ast)
        return ast.error();
    auto data = std::make_shared<Data>();
    data->text = text;
    data->ast = std::make_shared<const expr::Ast>(std::move(ast).value());
    collectNames(*data->ast, data->fields, data->variables, data->featureId);
    // Compiled without fields, so that an unprepared expression evaluates too (looking fields up by name);
    // this also reports constant errors such as an invalid regular expression now.
    auto program = expr::compile(*data->ast, nullptr, errorColumn);
    if (!program)
        return program.error();
    data->program = std::move(program).value();
    Expression e;
    e.d = std::move(data);
    return e;
}

QString Expression::text() const
{
    return d ? d->text : QString();
}

QStringList Expression::referencedFields() const
{
    return d ? d->fields : QStringList();
}

QStringList Expression::referencedVariables() const
{
    return d ? d->variables : QStringList();
}

bool Expression::referencesVariables() const
{
    return d && !d->variables.isEmpty();
}

bool Expression::referencesFeatureId() const
{
    return d && d->featureId;
}

Status Expression::prepare(const Fields &fields)
{
    if (!d)
        return Error::usage(QStringLiteral("cannot prepare an empty expression"));
    auto program = expr::compile(*d->ast, &fields);
    if (!program)
        return program.error();
    // A new Data, so that copies made before prepare() keep evaluating as they did.
    auto data = std::make_shared<Data>(*d);
    data->program = std::move(program).value();
    data->prepared = true;
    d = std::move(data);
    return {};
}

bool Expression::isPrepared() const
{
    return d && d->prepared;
}

QVariant Expression::evaluate(const ExpressionContext &context) const
{
    if (!d) {
        context.recordEvaluation(QStringLiteral("empty expression"));
        return {};
    }
    expr::EvalState s(context);
    const expr::Value v = d->program->eval(s);
    context.recordEvaluation(s.error);
    return v.toVariant();
}

Result<QVariant> Expression::evaluateChecked(const ExpressionContext &context) const
{
    if (!d)
        return Error::usage(QStringLiteral("empty expression"));
    expr::EvalState s(context);
    const expr::Value v = d->program->eval(s);
    context.recordEvaluation(s.error);
    if (!s.error.isEmpty())
        return Error::usage(s.error);
    return v.toVariant();
}

bool Expression::evaluateBool(const ExpressionContext &context) const
{
    if (!d) {
        context.recordEvaluation(QStringLiteral("empty expression"));
        return false;
    }
    expr::EvalState s(context);
    const expr::Tri t = d->program->evalTri(s);
    context.recordEvaluation(s.error);
    // A row whose condition could not be evaluated cleanly is not selected (as in QGIS), even when a
    // fallback such as coalesce() produced a value.
    return t == expr::Tri::True && s.error.isEmpty();
}

QString Expression::evaluateText(const ExpressionContext &context) const
{
    if (!d) {
        context.recordEvaluation(QStringLiteral("empty expression"));
        return {};
    }
    expr::EvalState s(context);
    const expr::Value v = d->program->eval(s);
    context.recordEvaluation(s.error);
    return v.toText();
}

} // namespace kw

namespace kw {

const expr::Ast *Expression::ast() const
{
    return d ? d->ast.get() : nullptr;
}

} // namespace kw
