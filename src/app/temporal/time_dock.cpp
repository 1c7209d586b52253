// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/temporal/time_dock.h"

#include "core/temporal/temporal_controller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace kw {

TimeDock::TimeDock(QWidget *parent) : QDockWidget(tr("Time"), parent)
{
    setObjectName(QStringLiteral("timeDock"));
    auto *body = new QWidget(this);
    auto *column = new QVBoxLayout(body);

    auto *top = new QHBoxLayout;
    m_enabled = new QCheckBox(tr("Show time"), body);
    m_enabled->setChecked(true);
    m_enabled->setToolTip(tr("Off: time-aware layers show all their data"));
    m_back = new QToolButton(body);
    m_back->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_back->setToolTip(tr("Previous step"));
    m_play = new QToolButton(body);
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setToolTip(tr("Play / pause"));
    m_forward = new QToolButton(body);
    m_forward->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_forward->setToolTip(tr("Next step"));
    m_slider = new QSlider(Qt::Horizontal, body);
    m_slider->setAccessibleName(tr("Time slider"));
    m_label = new QLabel(body);
    m_label->setMinimumWidth(260);
    m_label->setAccessibleName(tr("Current time"));
    top->addWidget(m_enabled);
    top->addWidget(m_back);
    top->addWidget(m_play);
    top->addWidget(m_forward);
    top->addWidget(m_slider, 1);
    top->addWidget(m_label);
    column->addLayout(top);

    auto *controls = new QHBoxLayout;
    m_step = new QComboBox(body);
    // Words for the user, ISO 8601 durations (as the project file stores them) as item data.
    const std::pair<const char *, QString> steps[] = {
        {"PT15M", tr("15 minutes")}, {"PT1H", tr("1 hour")}, {"PT3H", tr("3 hours")},  {"PT6H", tr("6 hours")},
        {"P1D", tr("1 day")},        {"P7D", tr("1 week")},  {"P1M", tr("1 month")}, {"P3M", tr("3 months")},
        {"P1Y", tr("1 year")}};
    for (const auto &[iso, label] : steps)
        m_step->addItem(label, QString::fromLatin1(iso));
    m_step->setToolTip(tr("Step between frames; each frame shows one step of data"));
    m_aggregation = new QComboBox(body);
    const QHash<QString, QString> aggregationLabels{
        {QStringLiteral("mean"), tr("mean")},   {QStringLiteral("min"), tr("minimum")},
        {QStringLiteral("max"), tr("maximum")}, {QStringLiteral("sum"), tr("sum")},
        {QStringLiteral("count"), tr("count")}, {QStringLiteral("last"), tr("last value")},
        {QStringLiteral("first"), tr("first value")}, {QStringLiteral("median"), tr("median")}};
    for (const QString &a : aggregationNames())
        m_aggregation->addItem(aggregationLabels.value(a, a), a);
    m_aggregation->setToolTip(tr("How the observations of a step become one value"));
    m_fps = new QDoubleSpinBox(body);
    m_fps->setRange(0.25, 30);
    m_fps->setSingleStep(0.5);
    m_fps->setSuffix(tr(" steps/s"));
    m_fps->setValue(2);
    m_loop = new QCheckBox(tr("Loop"), body);
    m_loop->setChecked(true);
    controls->addWidget(new QLabel(tr("Step:"), body));
    controls->addWidget(m_step);
    controls->addWidget(new QLabel(tr("Aggregation:"), body));
    controls->addWidget(m_aggregation);
    controls->addWidget(new QLabel(tr("Speed:"), body));
    controls->addWidget(m_fps);
    controls->addWidget(m_loop);
    controls->addStretch(1);
    column->addLayout(controls);

    m_ranges = new QListWidget(body);
    m_ranges->setMaximumHeight(60);
    m_ranges->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_ranges->setToolTip(tr("Layers whose features have a start and an end: shown only while active"));
    m_ranges->hide();
    column->addWidget(m_ranges);
    column->addStretch(1);
    body->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setWidget(body);

    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (frameIndex() + 1 >= frameCount() && !m_settings.loop) {
            pause();
            return;
        }
        stepForward();
    });
    connect(m_play, &QToolButton::clicked, this, [this] { isPlaying() ? pause() : play(); });
    connect(m_back, &QToolButton::clicked, this, &TimeDock::stepBackward);
    connect(m_forward, &QToolButton::clicked, this, &TimeDock::stepForward);
    connect(m_slider, &QSlider::valueChanged, this, [this] {
        updateLabel();
        if (!m_updating) Q_EMIT timeChanged();
    });
    connect(m_enabled, &QCheckBox::toggled, this, [this](bool on) {
        m_slider->setEnabled(on);
        if (!on) pause();
        updateLabel();
        Q_EMIT timeChanged();
    });
    for (QComboBox *box : {m_step, m_aggregation})
        connect(box, &QComboBox::currentIndexChanged, this, &TimeDock::applyControls);
    connect(m_fps, &QDoubleSpinBox::valueChanged, this, &TimeDock::applyControls);
    connect(m_loop, &QCheckBox::toggled, this, &TimeDock::applyControls);
    connect(m_ranges, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (!m_updating) Q_EMIT dateRangeToggled(m_ranges->row(item), item->checkState() == Qt::Checked);
    });
    setSettings(TemporalSettings());
}

void TimeDock::setSettings(const TemporalSettings &settings)
{
    m_settings = settings;
    {
        const QSignalBlocker a(m_step), b(m_aggregation), c(m_fps), d(m_loop);
        const QString step = settings.step.toString();
        if (m_step->findData(step) < 0) m_step->addItem(step, step);
        m_step->setCurrentIndex(m_step->findData(step));
        m_aggregation->setCurrentIndex(m_aggregation->findData(aggregationName(settings.aggregation)));
        m_fps->setValue(settings.framesPerSecond);
        m_loop->setChecked(settings.loop);
    }
    m_timer.setInterval(int(1000.0 / std::max(0.25, settings.framesPerSecond)));
    rebuildFrames(settings.current);
    Q_EMIT timeChanged();
}

void TimeDock::applyControls()
{
    const auto step = Duration::parse(m_step->currentData().toString());
    if (step.ok()) m_settings.step = *step;
    m_settings.window = Duration(); // one step
    m_settings.aggregation =
        aggregationFromName(m_aggregation->currentData().toString()).value_or(Aggregation::Mean);
    m_settings.framesPerSecond = m_fps->value();
    m_settings.loop = m_loop->isChecked();
    m_timer.setInterval(int(1000.0 / m_settings.framesPerSecond));
    rebuildFrames(currentTime());
    Q_EMIT timeChanged();
}

void TimeDock::rebuildFrames(std::optional<int64_t> keep)
{
    m_frames = m_settings.frameTimes(200000);
    m_updating = true;
    m_slider->setRange(0, std::max(0, int(m_frames.size()) - 1));
    int index = 0;
    if (keep && !m_frames.empty()) {
        const auto it = std::upper_bound(m_frames.begin(), m_frames.end(), *keep);
        index = it == m_frames.begin() ? 0 : int(it - m_frames.begin()) - 1;
    }
    m_slider->setValue(index);
    m_updating = false;
    const bool any = !m_frames.empty();
    for (QWidget *w : std::initializer_list<QWidget *>{m_slider, m_play, m_back, m_forward, m_enabled})
        w->setEnabled(any);
    if (!any) pause();
    updateLabel();
}

std::optional<int64_t> TimeDock::currentTime() const
{
    if (m_frames.empty() || !m_enabled->isChecked()) return std::nullopt;
    return m_frames[size_t(std::clamp(m_slider->value(), 0, int(m_frames.size()) - 1))];
}

void TimeDock::setCurrentTime(int64_t t)
{
    if (m_frames.empty()) return;
    const auto it = std::upper_bound(m_frames.begin(), m_frames.end(), t);
    m_slider->setValue(it == m_frames.begin() ? 0 : int(it - m_frames.begin()) - 1);
}

int TimeDock::frameIndex() const
{
    return m_slider->value();
}

void TimeDock::updateLabel()
{
    const auto t = currentTime();
    m_label->setText(t ? TemporalController::label(m_settings, *t)
                       : (m_frames.empty() ? tr("no time-aware layer") : tr("all times")));
    if (t) m_settings.current = *t;
}

void TimeDock::play()
{
    if (m_frames.empty() || !m_enabled->isChecked()) return;
    m_timer.start();
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
}

void TimeDock::pause()
{
    m_timer.stop();
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
}

void TimeDock::stepForward()
{
    if (m_frames.empty()) return;
    const int next = m_slider->value() + 1;
    m_slider->setValue(next < frameCount() ? next : (m_settings.loop ? 0 : frameCount() - 1));
}

void TimeDock::stepBackward()
{
    if (m_frames.empty()) return;
    const int previous = m_slider->value() - 1;
    m_slider->setValue(previous >= 0 ? previous : (m_settings.loop ? frameCount() - 1 : 0));
}

void TimeDock::setDateRangeCandidates(const QStringList &labels, const QList<bool> &enabled)
{
    m_updating = true;
    m_ranges->clear();
    for (int i = 0; i < labels.size(); ++i) {
        auto *item = new QListWidgetItem(labels[i], m_ranges);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(enabled.value(i) ? Qt::Checked : Qt::Unchecked);
    }
    m_ranges->setVisible(!labels.isEmpty());
    m_updating = false;
}

} // namespace kw
