// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/render/label_engine.h"
#include "core/render/render_context.h"

#include <QPainter>
#include <QString>

#include <memory>

namespace kw {


/// \brief Draws one layer. Built on the calling thread from a snapshot of the layer (shared immutable data
/// and copied style); render() then runs in a worker thread and touches nothing else.
class LayerRenderer
{
public:
    virtual ~LayerRenderer() = default;
    /// Draws onto \a painter, whose device has the context's output size. Returns false on failure.
    virtual bool render(QPainter &painter, const RenderContext &context) = 0;
    /// Approximate amount of work (features or pixels), so a job can split big layers.
    virtual size_t workEstimate(const RenderContext &) const { return 0; }
    /// Draws only part \a part of \a parts of the features (a job renders big layers in slices in parallel).
    virtual bool renderSlice(QPainter &painter, const RenderContext &context, int part, int parts)
    {
        return part == 0 ? render(painter, context) : true;
    }
    virtual bool supportsSlicing() const { return false; }
    /// Called on the job's thread before slices \a parts run concurrently.
    virtual void prepareSlices(int parts, const RenderContext &context) {}
    /// Label candidates gathered while rendering (null when the layer has no labels); called once, after.
    virtual std::unique_ptr<LayerLabels> takeLabels() { return nullptr; }
    QString errorMessage() const { return m_error; }

protected:
    QString m_error;
};

} // namespace kw
