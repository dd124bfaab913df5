using System.Diagnostics;
using System.Globalization;
using System.Text;
using Extractor.OcrProbe;
using Extractor.Sources.Ocr.Imaging;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

var options = ProbeOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(ProbeOptions.Usage);
    return 2;
}

var root = FindRoot();
var files = options.Files.Count > 0
    ? options.Files.Select(Path.GetFullPath).ToList()
    : [.. Directory.GetFiles(Path.Combine(root, "fixtures", "forms", "pdf"), "*.pdf").Order(), .. Directory.GetFiles(Path.Combine(root, "fixtures", "scans"), "*.pdf").Order()];
var sources = ScanSources(Path.Combine(root, "fixtures", "scans"));

var engineOptions = new PaddleOcrOptions
{
    ModelFolder = options.Models,
    IntraOpThreads = options.Threads,
    DetectionMaxSide = options.Side,
    RecognitionBatchSize = options.Batch,
    RecognitionMinWidth = options.MinWidth,
    BoxThreshold = options.BoxThreshold,
    MinLineConfidence = options.MinConfidence,
    ClassifyDirection = options.Classify,
    FoldGraphs = !options.NoFold,
};
using var engine = new PaddleOcrEngine(engineOptions);
using var tsv = options.Tsv is null ? null : new StreamWriter(options.Tsv, false, new UTF8Encoding(false));
tsv?.WriteLine("file\tkind\tdpi\tpage\tref_chars\tacc_pct\tacc_nfkc_pct\tacc_aligned_pct\trecall_pct\tprecision_pct\tprep_ms\tdet_ms\tcls_ms\trec_ms\tcls_rec_cpu_ms\tcpu_ms\tlines\tturn\tskew");
Console.WriteLine($"side {options.Side}, threads {options.Threads}, batch {options.Batch}, min width {options.MinWidth}, classifier {(options.Classify ? "on" : "off")}, graphs {(options.NoFold ? "as exported" : "folded")}, prepare {options.Prepare}");

var totals = new Dictionary<(string Kind, int Dpi), Totals>();
var temp = Directory.CreateTempSubdirectory("ocr-probe-");
var warmedUp = false;
try
{
    foreach (var dpi in options.Dpis)
    {
        foreach (var pdf in files)
        {
            var isScan = sources.ContainsKey(Path.GetFileName(pdf));
            var kind = isScan ? "scan" : "born-digital";
            var reference = isScan ? sources[Path.GetFileName(pdf)] : pdf;
            var folder = Path.Combine(temp.FullName, Path.GetFileNameWithoutExtension(pdf) + "-" + dpi);
            var pages = Poppler.RenderGrey(pdf, dpi, folder, options.Pages);
            for (var p = 0; p < pages.Count; p++)
            {
                using var image = Cv2.ImRead(pages[p], ImreadModes.Grayscale);
                if (!warmedUp)
                {
                    // The first run of each session pays for its set-up; no page should be charged for it.
                    engine.ReadPage(image);
                    using var turned = OpenCvSharp.Cv2.ImRead(pages[p], ImreadModes.Color);
                    engine.UpsideDown([turned]);
                    warmedUp = true;
                }

                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var prepare = options.Prepare == "all" || (options.Prepare == "scans" && isScan);
                using var straight = prepare ? PagePreparation.Prepare(engine, image) : new PreparedPage(image.Clone(), 0, 0);
                using var prepared = options.EraseRulings
                    ? straight with { Image = RulingFinder.Erase(straight.Image, RulingFinder.Find(straight.Image)) }
                    : straight with { Image = straight.Image.Clone() };
                var prepTime = clock.Elapsed;
                var detectCpu = Process.GetCurrentProcess().TotalProcessorTime;
                var regions = engine.Detect(prepared.Image);
                var readCpu = Process.GetCurrentProcess().TotalProcessorTime;
                var detectionCpu = readCpu - detectCpu;
                var reading = engine.ReadRegions(prepared.Image, regions);
                var readingCpu = Process.GetCurrentProcess().TotalProcessorTime - readCpu;
                var cpuTime = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                var referenceText = Poppler.PageText(reference, p + 1);
                var score = TextScore.Of(referenceText, [.. reading.Lines.Select(l => l.Text)]);
                if (options.Dump is { } dump)
                {
                    Directory.CreateDirectory(dump);
                    var stem = Path.Combine(dump, $"{Path.GetFileNameWithoutExtension(pdf)}-{dpi}-{p + 1}");
                    File.WriteAllText(stem + ".ocr.txt", reading.Text);
                    File.WriteAllText(stem + ".ref.txt", referenceText);
                    File.WriteAllText(stem + ".aligned.txt", score.Aligned);
                }

                var t = reading.Timings with { Detection = detectionCpu };
                var total = totals.TryGetValue((kind, dpi), out var found) ? found : totals[(kind, dpi)] = new Totals();
                total.Add(score, prepTime, t, cpuTime, readingCpu);
                var line = string.Join('\t', Path.GetFileName(pdf), kind, dpi, p + 1, score.ReferenceLength, Pct(score.Accuracy), Pct(score.AccuracyNfkc), Pct(score.AccuracyAligned), Pct(score.Recall), Pct(score.Precision), Ms(prepTime), Ms(t.Detection), Ms(t.Classification), Ms(t.Recognition), Ms(readingCpu), Ms(cpuTime), reading.Lines.Length, prepared.ClockwiseTurn, prepared.SkewDegrees.ToString("F2", CultureInfo.InvariantCulture));
                tsv?.WriteLine(line);
                tsv?.Flush();
                Console.Error.WriteLine(line);
            }

            Directory.Delete(folder, true);
        }
    }
}
finally
{
    temp.Delete(true);
}

Console.WriteLine("kind\tdpi\tpages\taccuracy %\tNFKC %\taligned %\trecall %\tprecision %\tprep ms\tdet CPU ms\tcls ms\trec ms\tcls+rec CPU ms\tdet+cls+rec CPU ms\tCPU ms with prep");
foreach (var ((kind, dpi), t) in totals.OrderBy(k => k.Key.Kind).ThenBy(k => k.Key.Dpi))
{
    Console.WriteLine(t.Row(kind, dpi));
}

return 0;

static string Pct(double v) => (100 * v).ToString("F1", CultureInfo.InvariantCulture);

static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture);

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Extractor.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("run the probe inside the repository");
}

// Scanned fixture → the born-digital PDF it was scanned from, by fixtures/scans/manifest.tsv.
static Dictionary<string, string> ScanSources(string folder)
{
    var map = new Dictionary<string, string>();
    foreach (var line in File.ReadLines(Path.Combine(folder, "manifest.tsv")).Skip(1))
    {
        var cells = line.Split('\t');
        if (cells.Length > 1)
        {
            map[cells[0]] = Path.GetFullPath(Path.Combine(folder, cells[1]));
        }
    }

    return map;
}
