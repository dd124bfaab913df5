using Extractor.Cli.Batch;
using Extractor.Conversion;
using Extractor.Model;
using Extractor.Export;

namespace Extractor.Cli.Tests.Batch;

public sealed class BatchRunnerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ResumeSkipsUnchangedInputsAndRedoesChangedAndDamagedOnes()
    {
        using var t = new TempFolder();
        for (var i = 0; i < 4; i++)
        {
            t.CopySeed($"in/f{i}.txt");
        }

        var first = await Run(t, resume: true);
        Assert.Equal(4, first.Converted);
        var before = t.Files("out").ToDictionary(f => f, f => File.GetLastWriteTimeUtc(t["out/" + f]));

        File.AppendAllText(t["in/f1.txt"], "\n\n");                  // changed content
        File.WriteAllText(t["out/f2.json"], "{ \"schemaVersion\": 1, ");  // damaged output
        var converted = new List<string>();
        var second = await Run(t, resume: true, convert: (path, ct) =>
        {
            lock (converted)
            {
                converted.Add(Path.GetFileName(path));
            }

            return new FormExtractor().Extract(path, ct);
        });

        Assert.Equal(2, second.UpToDate);
        Assert.Equal(2, second.Converted);
        Assert.Equal(["f1.txt", "f2.txt"], converted.Order(StringComparer.Ordinal));
        Assert.Equal(before["f0.json"], File.GetLastWriteTimeUtc(t["out/f0.json"]));
        Assert.Equal(before["f3.json"], File.GetLastWriteTimeUtc(t["out/f3.json"]));
        var changed = DocumentJson.Deserialize(File.ReadAllText(t["out/f1.json"]))!;
        Assert.NotEqual(TestFiles.SeedSha256, changed.Source.Sha256);
        Assert.Equal(Sha(t["in/f1.txt"]), changed.Source.Sha256);
        Assert.Equal(TestFiles.SeedSha256, DocumentJson.Deserialize(File.ReadAllText(t["out/f2.json"]))!.Source.Sha256);

        // Up-to-date documents still reach the exports, so a resumed run's JSONL is complete.
        Assert.Equal(4 * TestFiles.SeedForms, second.Forms);
    }

    [Fact]
    public async Task WithoutResumeEveryInputIsConvertedAgain()
    {
        using var t = new TempFolder();
        t.CopySeed("in/a.txt");
        await Run(t, resume: false);

        var again = await Run(t, resume: false);

        Assert.Equal(1, again.Converted);
        Assert.Equal(0, again.UpToDate);
    }

    [Fact]
    public async Task AConversionOverTheLimitIsATimeoutFailureAndTheBatchGoesOn()
    {
        using var t = new TempFolder();
        t.CopySeed("in/a.txt");
        t.CopySeed("in/hang.txt");
        t.CopySeed("in/z.txt");
        using var release = new ManualResetEventSlim();

        // Converted once beforehand, so that only the stuck file depends on the clock.
        var seed = new FormExtractor().Extract(TestFiles.Seed);
        var summary = await Run(t, timeout: TimeSpan.FromSeconds(1), jsonl: "all.jsonl", convert: (path, ct) =>
        {
            if (path.EndsWith("hang.txt", StringComparison.Ordinal))
            {
                release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None); // ignores the token, as a stuck parser would
            }

            return seed with { Source = seed.Source with { Path = path } };
        });
        release.Set();

        Assert.Equal(2, summary.Converted);
        Assert.Equal(1, summary.Failed);
        var failure = Assert.Single(summary.ListedFailures);
        Assert.Equal("timeout", failure.Code);
        Assert.Equal(TestFiles.SeedSha256, failure.Sha256);
        Assert.Contains("1 s", failure.Reason, StringComparison.Ordinal);
        Assert.Equal([".failed/hang.json", "a.json", "z.json"], t.Files("out"));
        var line = File.ReadAllLines(t["all.jsonl"]).Select(l => DocumentJson.Deserialize(l)!).Single(d => d.Source.Path.EndsWith("hang.txt", StringComparison.Ordinal));
        Assert.Equal("timeout", Assert.Single(line.Diagnostics).Code);
    }

    [Fact]
    public async Task AnExceptionInAConversionIsAnInternalErrorFailure()
    {
        using var t = new TempFolder();
        t.CopySeed("in/a.txt");
        t.CopySeed("in/boom.txt");

        var summary = await Run(t, convert: (path, ct) =>
            path.EndsWith("boom.txt", StringComparison.Ordinal)
                ? throw new InvalidOperationException("index out of step")
                : new FormExtractor().Extract(path, ct));

        var failure = Assert.Single(summary.ListedFailures);
        Assert.Equal("internal-error", failure.Code);
        Assert.Equal("InvalidOperationException: index out of step", failure.Reason);
        Assert.Equal([".failed/boom.json", "a.json"], t.Files("out"));
    }

    [Fact]
    public async Task AFailedInputLosesItsOlderOutput()
    {
        using var t = new TempFolder();
        t.CopySeed("in/a.txt");
        await Run(t);
        Assert.Equal(["a.json"], t.Files("out"));

        File.WriteAllText(t["in/a.txt"], "会议纪要\n今天讨论了明年的工作安排。\n");
        var summary = await Run(t, resume: true);

        Assert.Equal("no-form", Assert.Single(summary.ListedFailures).Code);
        Assert.Equal([".failed/a.json"], t.Files("out"));
    }

    [Fact]
    public async Task AnInterruptedBatchLeavesNoTemporaryOrPartialFileAndExportsWhatFinished()
    {
        using var t = new TempFolder();
        for (var i = 0; i < 24; i++)
        {
            t.CopySeed($"in/d{i % 3}/f{i:D2}.txt");
        }

        using var stop = new CancellationTokenSource();
        var started = 0;
        var walker = InputWalker.Create([t["in"]], null, out _)!;
        var runner = new BatchRunner(new BatchOptions(t["out"], 3, false, Limit), null, (path, ct) =>
        {
            if (Interlocked.Increment(ref started) == 8)
            {
                stop.Cancel();
            }

            Thread.Sleep(20);
            return new FormExtractor().Extract(path, ct);
        });
        var exporters = new List<IDocumentExporter> { new JsonlExporter(t["x/all.jsonl"]), new CsvExporter(t["x/all.csv"]), new SqliteExporter(t["x/all.db"]) };
        BatchSummary summary;
        try
        {
            summary = await runner.RunAsync(walker.Enumerate(), exporters, null, stop.Token);
        }
        finally
        {
            exporters.ForEach(e => e.Dispose());
        }

        Assert.True(summary.Interrupted);
        Assert.InRange(summary.Converted, 1, 23);
        Assert.Empty(t.Files(pattern: "*.tmp"));
        Assert.DoesNotContain(t.Files(), f => Path.GetFileName(f).StartsWith('.'));

        // Every JSON on disk is whole and is exactly one of the exported documents.
        var outputs = t.Files("out");
        Assert.Equal(summary.Converted, outputs.Count);
        foreach (var output in outputs)
        {
            var document = DocumentJson.Deserialize(File.ReadAllText(t["out/" + output]))!;
            Assert.Equal(TestFiles.SeedIndicators, document.Forms.Sum(f => f.Indicators.Length));
        }

        var lines = File.ReadAllLines(t["x/all.jsonl"]);
        Assert.Equal(outputs.Count, lines.Length);
        Assert.Equal(
            outputs.Select(o => o.Replace(".json", ".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            lines.Select(l => Path.GetRelativePath(t["in"], DocumentJson.Deserialize(l)!.Source.Path).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Equal(outputs.Count * TestFiles.SeedIndicators + 1, BatchCommandTests.ReadCsv(t["x/all.csv"]).Count);
    }

    [Fact]
    public async Task ResultsReachASingleWriterAndTheJsonMatchesTheJsonl()
    {
        using var t = new TempFolder();
        for (var i = 0; i < 6; i++)
        {
            t.CopySeed($"in/f{i}.txt");
        }

        var summary = await Run(t, jobs: 4, jsonl: "all.jsonl");

        Assert.Equal(6, summary.Converted);
        var lines = File.ReadAllLines(t["all.jsonl"]);
        Assert.Equal(6, lines.Length);
        foreach (var line in lines)
        {
            var document = DocumentJson.Deserialize(line)!;
            var output = t["out/" + Path.GetFileNameWithoutExtension(document.Source.Path) + ".json"];
            Assert.Equal(DocumentJson.Serialize(document) + "\n", File.ReadAllText(output));
        }
    }

    private static string Sha(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    private static async Task<BatchSummary> Run(
        TempFolder t,
        bool resume = false,
        int jobs = 2,
        TimeSpan? timeout = null,
        string? jsonl = null,
        Func<string, CancellationToken, Document>? convert = null)
    {
        var walker = InputWalker.Create([t["in"]], null, out var errors) ?? throw new InvalidOperationException(string.Join("; ", errors));
        var runner = new BatchRunner(new BatchOptions(t["out"], jobs, resume, timeout ?? Limit), null, convert);
        var exporters = new List<IDocumentExporter>();
        if (jsonl is not null)
        {
            exporters.Add(new JsonlExporter(t[jsonl]));
        }

        try
        {
            return await runner.RunAsync(walker.Enumerate(), exporters);
        }
        finally
        {
            exporters.ForEach(e => e.Dispose());
        }
    }
}
