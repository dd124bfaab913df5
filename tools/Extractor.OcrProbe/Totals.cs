using System.Globalization;
using Extractor.Sources.Ocr.Paddle;

namespace Extractor.OcrProbe;

/// <summary>Sums over the pages of one kind at one resolution.</summary>
internal sealed class Totals
{
    private int pages;
    private long referenceChars;
    private long distance;
    private long distanceNfkc;
    private long distanceAligned;
    private double recall;
    private double precision;
    private TimeSpan prep;
    private TimeSpan detection;
    private TimeSpan classification;
    private TimeSpan recognition;
    private TimeSpan cpu;
    private TimeSpan readingCpu;

    /// <summary>Adds one page.</summary>
    public void Add(TextScore score, TimeSpan prepTime, OcrTimings timings, TimeSpan cpuTime, TimeSpan readCpu)
    {
        pages++;
        referenceChars += score.ReferenceLength;
        distance += score.Distance;
        distanceNfkc += score.DistanceNfkc;
        distanceAligned += score.DistanceAligned;
        recall += score.Recall * score.ReferenceLength;
        precision += score.Precision * score.ReferenceLength;
        prep += prepTime;
        detection += timings.Detection;
        classification += timings.Classification;
        recognition += timings.Recognition;
        cpu += cpuTime;
        readingCpu += readCpu;
    }

    /// <summary>A summary line: accuracies over all characters, times a page (detection's is CPU time, the others wall-clock).</summary>
    public string Row(string kind, int dpi)
    {
        string P(double v) => (100 * v).ToString("F1", CultureInfo.InvariantCulture);
        string M(TimeSpan t) => (t.TotalMilliseconds / pages).ToString("F0", CultureInfo.InvariantCulture);
        return string.Join('\t', kind, dpi, pages, P(1 - ((double)distance / referenceChars)), P(1 - ((double)distanceNfkc / referenceChars)), P(1 - ((double)distanceAligned / referenceChars)), P(recall / referenceChars), P(precision / referenceChars), M(prep), M(detection), M(classification), M(recognition), M(readingCpu), M(detection + readingCpu), M(cpu));
    }
}
