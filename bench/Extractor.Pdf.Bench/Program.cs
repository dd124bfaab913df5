using System.Diagnostics;
using System.Globalization;
using Extractor.Pdf;
using Extractor.Pdf.Tests.Differential;

// Throughput of the PDF text layer against pdftotext, plus two development aids (diff, dump).
// Usage:
//   throughput <dir-or-pdf>... [--repeat N]   pages per second, ours vs pdftotext (-bbox-layout and plain)
//   diff <dir-or-pdf>... [--manifest tsv]     differential check against poppler, page by page (per producer with a manifest)
//   dump <pdf> [page]                         letters and rulings of a page
//   fuzz <dir-or-pdf>... [--repeat N]         N mutated copies of each file: reports exceptions other than PdfReadException and slow files
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: throughput|diff|dump <dir-or-pdf>... [--repeat N]");
    return 2;
}

var inputs = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
int repeat = 3;
int ri = Array.IndexOf(args, "--repeat");
if (ri >= 0 && ri + 1 < args.Length)
{
    repeat = int.Parse(args[ri + 1], CultureInfo.InvariantCulture);
}

var files = inputs.SelectMany(i => Directory.Exists(i) ? Directory.GetFiles(i, "*.pdf").Order(StringComparer.Ordinal).ToArray() : [i]).ToList();
switch (args[0])
{
    case "diff":
        int mi = Array.IndexOf(args, "--manifest");
        return Diff(files, mi >= 0 && mi + 1 < args.Length ? args[mi + 1] : null);
    case "dump":
        Dump(files[0], args.Length > 2 && int.TryParse(args[2], out var pn) ? pn : 1);
        return 0;
    case "fuzz":
        return Fuzz(files, repeat);
    case "throughput":
        Throughput(files, repeat);
        return 0;
    default:
        Console.Error.WriteLine("unknown command " + args[0]);
        return 2;
}

static int Diff(List<string> files, string? manifest)
{
    PopplerReference.Require();
    int pages = 0, passed = 0;
    var producers = new Dictionary<string, string>(StringComparer.Ordinal);
    if (manifest is not null)
    {
        var lines = File.ReadAllLines(manifest);
        int fileCol = Array.IndexOf(lines[0].Split('\t'), "file"), prodCol = Array.IndexOf(lines[0].Split('\t'), "producer");
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            if (cells.Length > Math.Max(fileCol, prodCol))
            {
                producers[Path.GetFileName(cells[fileCol])] = cells[prodCol];
            }
        }
    }

    var byProducer = new SortedDictionary<string, (int Files, int Pages, int Passed)>(StringComparer.Ordinal);
    foreach (var f in files)
    {
        List<PageComparison> results;
        try
        {
            results = DifferentialCheck.CompareFile(f);
        }
        catch (PdfReadException e)
        {
            Console.WriteLine($"{Path.GetFileName(f)}: open failed: {e.Kind} {e.Message}");
            continue;
        }

        if (results.Count == 0)
        {
            Console.WriteLine($"{Path.GetFileName(f)}: pdftotext cannot read it; not compared");
            continue;
        }

        int ok = results.Count(r => r.Passed);
        pages += results.Count;
        passed += ok;
        var producer = producers.GetValueOrDefault(Path.GetFileName(f), "(not in manifest)");
        var acc = byProducer.GetValueOrDefault(producer);
        byProducer[producer] = (acc.Files + 1, acc.Pages + results.Count, acc.Passed + ok);
        Console.WriteLine($"{Path.GetFileName(f)}: {ok}/{results.Count}");
        foreach (var r in results.Where(r => !r.Passed).Take(5))
        {
            Console.WriteLine($"   page {r.PageNumber}: chars {(r.CharactersMatch ? "ok" : "DIFF")}, boxes {(r.BoxesMatch ? "ok" : "DIFF")}: {r.Detail}");
        }
    }

    if (manifest is not null)
    {
        foreach (var (producer, acc) in byProducer)
        {
            Console.WriteLine($"producer {producer}: {acc.Passed}/{acc.Pages} pages pass ({acc.Files} files)");
        }
    }

    Console.WriteLine($"TOTAL {passed}/{pages} pages pass");
    return passed == pages ? 0 : 1;
}

static int Fuzz(List<string> files, int rounds)
{
    var random = new Random(12345);
    int bad = 0, total = 0;
    foreach (var f in files)
    {
        var original = File.ReadAllBytes(f);
        for (int r = 0; r < rounds; r++)
        {
            var data = (byte[])original.Clone();
            int kind = random.Next(3);
            if (kind == 0)
            {
                for (int i = random.Next(1, 60); i > 0; i--)
                {
                    data[random.Next(data.Length)] = (byte)random.Next(256);
                }
            }
            else if (kind == 1)
            {
                data = data.AsSpan(0, random.Next(1, data.Length)).ToArray();
            }
            else
            {
                const string alphabet = "0123456789 <>[]()/RobjendstreamxrefQqTjTJ\n";
                int start = random.Next(data.Length);
                for (int i = start; i < Math.Min(data.Length, start + random.Next(1, 300)); i++)
                {
                    data[i] = (byte)alphabet[random.Next(alphabet.Length)];
                }
            }

            total++;
            var sw = Stopwatch.StartNew();
            try
            {
                using var doc = PdfDocument.Open(data);
                foreach (var p in doc.GetPages())
                {
                    _ = p.Letters.Count;
                }
            }
            catch (PdfReadException)
            {
            }
            catch (Exception e)
            {
                bad++;
                Console.WriteLine($"{Path.GetFileName(f)} round {r}: {e.GetType().Name}: {e.Message}\n{e.StackTrace?.Split('\n').FirstOrDefault()}");
            }

            if (sw.Elapsed.TotalSeconds > 2)
            {
                Console.WriteLine($"{Path.GetFileName(f)} round {r}: slow, {sw.Elapsed.TotalSeconds:F1} s");
            }
        }
    }

    Console.WriteLine($"{total} mutated files, {bad} unexpected exceptions");
    return bad == 0 ? 0 : 1;
}

static void Dump(string file, int pageNumber)
{
    using var doc = PdfDocument.Open(file);
    var page = doc.GetPage(pageNumber);
    Console.WriteLine($"page {page.Number}/{doc.NumberOfPages} crop {page.CropBox} rot {page.Rotation}; {page.Letters.Count} letters, {page.Segments.Count} segments, {page.Images.Count} images");
    foreach (var w in page.Warnings)
    {
        Console.WriteLine("warning: " + w);
    }

    foreach (var l in page.Letters)
    {
        var d = page.ToDisplay(l.GlyphBox);
        Console.WriteLine($"{l.Value}\t{d.Left:F2} {page.DisplayHeight - d.Top:F2} {d.Right:F2} {page.DisplayHeight - d.Bottom:F2}\t{l.FontName} {l.FontSize:F2} {l.RenderingMode}");
    }

    foreach (var s in page.Segments.Take(50))
    {
        Console.WriteLine($"segment {s.Start} {s.End} {s.Thickness:F2}");
    }
}

static void Throughput(List<string> files, int repeat)
{
    int totalPages = 0;
    var readable = new List<string>();
    foreach (var f in files)
    {
        try
        {
            using var d = PdfDocument.Open(f);
            totalPages += d.NumberOfPages;
            readable.Add(f);
        }
        catch (PdfReadException e)
        {
            // Files that cannot be opened (password, unrecoverable) are left out of both sides.
            Console.WriteLine($"skipped {Path.GetFileName(f)}: {e.Kind}");
        }
    }

    files = readable;

    // Warm-up so JIT time is not counted.
    foreach (var f in files)
    {
        ReadAll(f);
    }

    var ours = new List<double>();
    var bbox = new List<double>();
    var plain = new List<double>();
    for (int r = 0; r < repeat; r++)
    {
        var sw = Stopwatch.StartNew();
        foreach (var f in files)
        {
            ReadAll(f);
        }

        ours.Add(sw.Elapsed.TotalSeconds);
        // One shell runs pdftotext over all files, so .NET's process start-up is paid once, not per file.
        sw.Restart();
        RunLoop(files, "-bbox-layout");
        bbox.Add(sw.Elapsed.TotalSeconds);
        sw.Restart();
        RunLoop(files, null);
        plain.Add(sw.Elapsed.TotalSeconds);
    }

    double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
    Console.WriteLine($"files {files.Count}, pages {totalPages}, repeats {repeat} (median wall time, one thread)");
    Console.WriteLine($"Extractor.Pdf (open + all pages)  {Median(ours),8:F3} s  {totalPages / Median(ours),8:F1} pages/s");
    Console.WriteLine($"pdftotext -bbox-layout            {Median(bbox),8:F3} s  {totalPages / Median(bbox),8:F1} pages/s");
    Console.WriteLine($"pdftotext (plain text)            {Median(plain),8:F3} s  {totalPages / Median(plain),8:F1} pages/s");
}

static void RunLoop(List<string> files, string? option)
{
    string script = option is null
        ? "for f in \"$@\"; do pdftotext \"$f\" /dev/null; done"
        : "for f in \"$@\"; do pdftotext " + option + " \"$f\" /dev/null; done";
    PopplerReference.Run("sh", ["-c", script, "sh", .. files], TimeSpan.FromMinutes(30));
}

static int ReadAll(string f)
{
    int letters = 0;
    using var doc = PdfDocument.Open(f);
    foreach (var p in doc.GetPages())
    {
        letters += p.Letters.Count;
    }

    return letters;
}
