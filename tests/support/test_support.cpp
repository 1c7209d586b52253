// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/test_support.h"

namespace kw::test {

QString testData(const QString &relative)
{
    return QStringLiteral(KW_TEST_DATA_DIR "/") + relative;
}

QString sharedData(const QString &relative)
{
    return QStringLiteral(KW_SHARED_DATA_DIR "/") + relative;
}

} // namespace kw::test
