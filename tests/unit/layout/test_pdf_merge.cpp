// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/pdf_fixups.h"

#include <QBuffer>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kw;

/// \brief pdf::mergeDocuments joins QPdfWriter documents: pages, sizes, text and order survive.
class TestPdfMerge : public QObject
{
    Q_OBJECT

    /// A PDF with one page per entry of \a texts, A4 portrait or landscape.
    static QByteArray document(const QStringList &texts, bool landscape)
    {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setTitle(QStringLiteral("Teil"));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(landscape ? QPageLayout::Landscape : QPageLayout::Portrait);
        QPainter p(&writer);
        for (int i = 0; i < texts.size(); ++i) {
            if (i > 0) writer.newPage();
            p.setFont(QFont(QStringLiteral("DejaVu Sans"), 24));
            p.drawText(QPointF(500, 1000), texts[i]);
            p.setBrush(Qt::red);
            p.drawRect(QRectF(500, 1500, 2000, 800)); // a path in the content stream, compressed
        }
        p.end();
        return bytes;
    }

    static QString run(const QString &program, const QStringList &args)
    {
        QProcess proc;
        proc.start(program, args);
        proc.waitForFinished(30000);
        return QString::fromUtf8(proc.readAllStandardOutput()) + QString::fromUtf8(proc.readAllStandardError());
    }

private Q_SLOTS:
    void mergesInOrder()
    {
        const QList<QByteArray> parts{document({QStringLiteral("Erste Seite Ärger")}, true),
                                      document({QStringLiteral("Zweite Seite"), QStringLiteral("Dritte Seite")}, false),
                                      document({QStringLiteral("Vierte Seite Straße")}, true)};
        auto merged = pdf::mergeDocuments(parts);
        QVERIFY2(merged.ok(), qPrintable(merged.ok() ? QString() : merged.error().message));
        QVERIFY(merged->startsWith("%PDF-1.4"));
        QVERIFY(merged->endsWith("%%EOF\n"));
        // The first part's information dictionary and one date to pin.
        QVERIFY(pdf::pinCreationDate(*merged, QDateTime(QDate(2026, 9, 18), QTime(17, 0), Qt::UTC)).ok());
        QCOMPARE(pdf::creationDate(*merged), QByteArray("D:20260918170000Z"));
        // A single part is returned as it is.
        QCOMPARE(*pdf::mergeDocuments({parts[0]}), parts[0]);
        QVERIFY(!pdf::mergeDocuments({}).ok());
        QVERIFY(!pdf::mergeDocuments({parts[0], QByteArray("not a pdf")}).ok());

        if (QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("poppler-utils (pdfinfo, pdftotext) not installed");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("merged.pdf"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(*merged);
        f.close();
        const QString info = run(QStringLiteral("pdfinfo"), {QStringLiteral("-f"), QStringLiteral("1"),
                                                             QStringLiteral("-l"), QStringLiteral("4"), path});
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+4"))), qPrintable(info));
        QVERIFY2(!info.contains(QStringLiteral("Error")), qPrintable(info)); // poppler reports broken xrefs
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Title:\\s+Teil"))), qPrintable(info));
        // Page sizes of their parts: landscape, portrait, portrait, landscape.
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Page    1 size:\\s+842 x 595"))), qPrintable(info));
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Page    2 size:\\s+595 x 842"))), qPrintable(info));
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Page    4 size:\\s+842 x 595"))), qPrintable(info));
        const QString text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
        const QStringList order{QStringLiteral("Erste Seite Ärger"), QStringLiteral("Zweite Seite"),
                                QStringLiteral("Dritte Seite"), QStringLiteral("Vierte Seite Straße")};
        qsizetype at = -1;
        for (const QString &t : order) {
            const qsizetype i = text.indexOf(t);
            QVERIFY2(i > at, qPrintable(t + QStringLiteral(" in: ") + text));
            at = i;
        }
        QVERIFY2(!text.contains(QStringLiteral("Error")), qPrintable(text));
    }
};

QTEST_MAIN(TestPdfMerge)
#include "test_pdf_merge.moc"
