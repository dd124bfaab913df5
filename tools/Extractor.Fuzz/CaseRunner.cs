using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Extractor.Conversion;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Export;
using Extractor.Sources.Ocr;

namespace Extractor.Fuzz;

/// <summary>
/// Converts cases in process with <see cref="FormExtractor"/>, each on its own thread, and
/// classifies the outcome. Besides exceptions that escape, it counts as a crash any exception of an
/// unexpected type thrown inside the conversion even when the code caught it (a bug hidden by a broad
/// catch still is a bug): it watches first-chance exceptions on the case's thread.
/// </summary>
public sealed class CaseRunner : IDisposable
{
    // The main thread's stack under Linux, where `extractor convert` runs its conversion.
    private const int StackSize = 8 * 1024 * 1024;

    [ThreadStatic]
    private static List<string>? unexpected;

    private readonly RunLimits limits;
    private readonly MemorySampler sampler = new();
    private readonly ExtractorOptions options;

    static CaseRunner() => AppDomain.CurrentDomain.FirstChanceException += (_, e) => Record(e.Exception);

    /// <summary>Creates a runner with the given bounds.</summary>
    public CaseRunner(RunLimits limits)
    {
        this.limits = limits;
        options = ExtractorOptions.Default with { Timeout = limits.Timeout, Ocr = limits.Ocr };
    }

    /// <summary>True once a case hung: its thread is still running and the process should be replaced.</summary>
    public bool Tainted { get; private set; }

    /// <summary>Runs one case.</summary>
    public CaseResult Run(FuzzCase fuzzCase)
    {
        ArgumentNullException.ThrowIfNull(fuzzCase);
        var found = new List<string>();
        Document? document = null;
        Exception? escaped = null;
        using var done = new ManualResetEventSlim();
        var thread = new Thread(
            () =>
            {
                unexpected = found;
                try
                {
                    document = new FormExtractor(options).Extract(fuzzCase.FileName, fuzzCase.Bytes);
                }
#pragma warning disable CA1031 // Whatever escapes is what this harness looks for.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    escaped = e;
                }
                finally
                {
                    unexpected = null;
                    done.Set();
                }
            },
            StackSize)
        { IsBackground = true, Name = "fuzz-case " + fuzzCase.Id };

        sampler.Begin();
        var clock = Stopwatch.StartNew();
        thread.Start();
        var finished = done.Wait(limits.Timeout + limits.HangMargin);
        clock.Stop();
        var (managed, workingSet) = sampler.End();
        if (!finished)
        {
            Tainted = true;
        }

        return Classify(fuzzCase, finished, document, escaped, found, clock.Elapsed, managed, workingSet);
    }

    /// <summary>Stops the memory sampler.</summary>
    public void Dispose() => sampler.Dispose();

    private CaseResult Classify(FuzzCase fuzzCase, bool finished, Document? document, Exception? escaped, List<string> found, TimeSpan elapsed, long managed, long workingSet)
    {
        CaseResult Result(CaseClass c, string detail) =>
            new(fuzzCase.Id, fuzzCase.FileName, fuzzCase.Description, c, detail, elapsed, managed, workingSet, document?.Forms.Length ?? 0, document is not null && IsTimeout(document));

        List<string> unexpectedSoFar;
        lock (found)
        {
            unexpectedSoFar = [.. found];
        }

        if (escaped is OutOfMemoryException || unexpectedSoFar.Any(s => s.StartsWith(nameof(OutOfMemoryException), StringComparison.Ordinal)))
        {
            return Result(CaseClass.Memory, "out of memory: " + (escaped?.Message ?? unexpectedSoFar[0]));
        }

        if (!finished)
        {
            return Result(CaseClass.Hang, $"no result after {elapsed.TotalSeconds:0.0} s (limit {limits.Timeout.TotalSeconds:0} s)");
        }

        if (escaped is not null)
        {
            return Result(CaseClass.Crash, $"escaped: {escaped.GetType().Name}: {escaped.Message} at {TopFrames(escaped)}");
        }

        if (unexpectedSoFar.Count > 0)
        {
            return Result(CaseClass.Crash, "caught inside: " + unexpectedSoFar[0] + (unexpectedSoFar.Count > 1 ? $" (+{unexpectedSoFar.Count - 1} more)" : string.Empty));
        }

        if (managed > limits.MemoryLimitBytes || workingSet > limits.MemoryLimitBytes)
        {
            return Result(CaseClass.Memory, $"peak managed heap {managed >> 20} MB, working set grew by {workingSet >> 20} MB (bound {limits.MemoryLimitBytes >> 20} MB)");
        }

        var doc = document!;
        try
        {
            using var parsed = JsonDocument.Parse(DocumentJson.Serialize(doc));
        }
#pragma warning disable CA1031 // Any failure to write valid JSON is a crash of the command line.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Result(CaseClass.Crash, $"JSON: {e.GetType().Name}: {e.Message}");
        }

        var (documentClass, why) = ClassifyDocument(doc, fuzzCase.FileName);
        if (documentClass.IsFailure())
        {
            return Result(documentClass, why);
        }

        // With OCR on, a page of images is read by OCR instead of being reported as needing it.
        var missed = fuzzCase.Expected?
            .Where(expected => limits.Ocr == OcrMode.Never || expected.Code != DiagnosticCodes.NoTextLayer)
            .FirstOrDefault(expected => !doc.Diagnostics.Any(d => Meets(d, expected)));
        if (missed is not null)
        {
            return Result(CaseClass.Mismatch, $"expected {missed.Code} ({missed.Severity}) naming \"{missed.Reason}\"; got {Detailed(doc)}");
        }

        return Result(documentClass, why);
    }

    /// <summary>What a returned document is: forms, forms with diagnostics, an error that says why, or a silent failure.</summary>
    public static CaseClass Classify(Document document, string fileName) => ClassifyDocument(document, fileName).Class;

    private static (CaseClass Class, string Detail) ClassifyDocument(Document doc, string fileName)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var codes = Codes(doc);
        if (doc.Source.Path != fileName)
        {
            return (CaseClass.SilentFailure, $"the document names {doc.Source.Path}, not the input");
        }

        var errors = doc.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        var vague = errors.FirstOrDefault(d => !HasReason(d.Message, fileName));
        if (vague is not null)
        {
            return (CaseClass.SilentFailure, $"error {vague.Code} without a reason: \"{vague.Message}\"");
        }

        if (doc.Forms.IsEmpty && errors.Count == 0)
        {
            return (CaseClass.SilentFailure, "no forms and no error: " + codes);
        }

        if (doc.Forms.IsEmpty)
        {
            return (CaseClass.ErrorWithReason, codes);
        }

        return (doc.Diagnostics.IsEmpty ? CaseClass.OkWithForms : CaseClass.OkWithDiagnostics, codes);
    }

    /// <summary>True when <paramref name="diagnostic"/> is the one <paramref name="expected"/> describes.</summary>
    public static bool Meets(Diagnostic diagnostic, ExpectedOutcome expected)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        ArgumentNullException.ThrowIfNull(expected);
        return diagnostic.Code == expected.Code
            && diagnostic.Severity == expected.Severity
            && (diagnostic.Message.Contains(expected.Reason, StringComparison.Ordinal) || (diagnostic.Text?.Contains(expected.Reason, StringComparison.Ordinal) ?? false));
    }

    private static bool IsTimeout(Document document) =>
        document.Diagnostics.Any(d => d.Severity == Severity.Error && d.Message.Contains("timed out", StringComparison.Ordinal));

    /// <summary>A message says why when something beyond the file's name and punctuation is left.</summary>
    private static bool HasReason(string message, string fileName)
    {
        var rest = message.Replace(fileName, string.Empty, StringComparison.Ordinal);
        return rest.Count(char.IsLetterOrDigit) >= 3;
    }

    private static string Codes(Document document)
    {
        var parts = document.Diagnostics
            .GroupBy(d => $"{d.Code}:{d.Severity.ToString().ToLowerInvariant()}")
            .Select(g => g.Count() == 1 ? g.Key : $"{g.Key} x{g.Count()}");
        return $"{document.Forms.Length} forms; " + (document.Diagnostics.IsEmpty ? "no diagnostics" : string.Join(", ", parts));
    }

    private static string Detailed(Document document) =>
        string.Join(" | ", document.Diagnostics.Take(6).Select(d => $"{d.Code}:{d.Severity}: {Shorten(d.Message)}{(d.Text is null ? string.Empty : " [" + Shorten(d.Text) + "]")}"));

    private static string Shorten(string s) => s.Length <= 160 ? s : s[..160] + "…";

    private static bool IsExpected(Exception e) =>
        e is PdfReadException or TimeoutException or OperationCanceledException or InvalidDataException or DecoderFallbackException or System.Xml.XmlException
        || e.GetType().FullName is "Extractor.Pdf.Parsing.PdfFormatException" or "Extractor.Pdf.Parsing.PdfLimitException" or "Extractor.Sources.Office.OfficeFailure"
        || InsideOfficeLibrary();

    /// <summary>The assemblies of the Office readers other projects make.</summary>
    private static readonly HashSet<string> OfficeLibraries = ["ExcelDataReader", "ExcelNumberFormat", "DocumentFormat.OpenXml", "DocumentFormat.OpenXml.Framework", "System.IO.Packaging"];

    /// <summary>
    /// True when the exception is thrown inside one of the Office libraries: their way of failing on a damaged
    /// container, which the Office reader reports as the file's error. This project cannot change how they fail;
    /// exceptions in its own code stay crashes.
    /// </summary>
    private static bool InsideOfficeLibrary() =>
        new StackTrace(3, false).GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Assembly.GetName().Name is { } name && OfficeLibraries.Contains(name));

    private static void Record(Exception e)
    {
        var list = unexpected;
        if (list is null || IsExpected(e))
        {
            return;
        }

        var where = string.Join(" < ", new StackTrace(2, false).GetFrames()
            .Select(f => f.GetMethod())
            .Where(m => m?.DeclaringType?.FullName?.StartsWith("Extractor.", StringComparison.Ordinal) == true)
            .Take(4)
            .Select(m => $"{m!.DeclaringType!.Name}.{m.Name}"));
        lock (list)
        {
            if (list.Count < 20)
            {
                list.Add($"{e.GetType().Name}: {e.Message} at {where}");
            }
        }
    }

    private static string TopFrames(Exception e) =>
        string.Join(" < ", new StackTrace(e, false).GetFrames()
            .Select(f => f.GetMethod())
            .Where(m => m?.DeclaringType is not null)
            .Take(4)
            .Select(m => $"{m!.DeclaringType!.Name}.{m.Name}"));
}
