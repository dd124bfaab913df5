using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Extractor.Fuzz;

var options = FuzzOptions.Parse(args, out var usageError);
if (options is null)
{
    Console.Error.WriteLine(usageError);
    Console.Error.WriteLine(FuzzOptions.Usage);
    return 2;
}

if (options.List)
{
    foreach (var c in CraftedCases.All)
    {
        Console.WriteLine($"crafted/{c.Name}\t{c.Description}\t→ {string.Join("; ", c.Expected.Select(e => $"{e.Code} ({e.Severity}) \"{e.Reason}\""))}");
    }

    return 0;
}

var root = FuzzCorpus.FindRepositoryRoot(AppContext.BaseDirectory, Environment.CurrentDirectory);
var plan = new FuzzPlan(FuzzCorpus.Load(root));
var journalOptions = new JsonSerializerOptions { WriteIndented = false };

if (options.Replay is { } replayId)
{
    var fuzzCase = plan.Build(replayId);
    Console.WriteLine($"{fuzzCase.Id}: {fuzzCase.FileName}, {fuzzCase.Bytes.Length:N0} bytes: {fuzzCase.Description}");
    if (options.Save is { } save)
    {
        File.WriteAllBytes(save, fuzzCase.Bytes);
        Console.WriteLine("written to " + save);
    }

    using var runner = new CaseRunner(options.Limits);
    var result = runner.Run(fuzzCase);
    Console.WriteLine($"{result.Class.Name()} in {result.Elapsed.TotalSeconds:F2} s, peak managed {result.PeakManagedBytes >> 20} MB, working set {result.PeakWorkingSetBytes >> 20} MB: {result.Detail}");
    var failed = result.Class.IsFailure();
    if (options.Cli)
    {
        var work = Directory.CreateTempSubdirectory("extractor-fuzz-");
        foreach (var cli in new CliProbe(CliProbe.DefaultExtractor, options.Limits).Run([fuzzCase], work.FullName))
        {
            Console.WriteLine($"{cli.Id}: {cli.Class.Name()} in {cli.Elapsed.TotalSeconds:F2} s: {cli.Detail}");
            failed |= cli.Class.IsFailure();
        }

        work.Delete(recursive: true);
    }

    return failed ? 1 : 0;
}

if (options.WorkerPlan is { } planFile)
{
    // A worker of an isolated run: results go to the journal one line each, so that the parent knows
    // where it stopped if this process dies.
    var ids = File.ReadAllLines(planFile);
    using var runner = new CaseRunner(options.Limits);
    using var journal = new StreamWriter(options.Journal!, append: true);
    foreach (var id in ids.Skip(options.Skip))
    {
        var result = runner.Run(plan.Build(id));
        journal.WriteLine(JsonSerializer.Serialize(result, journalOptions));
        journal.Flush();
        if (runner.Tainted)
        {
            return 3; // a hung conversion still runs: start a fresh process for the rest
        }
    }

    return 0;
}

var command = "extractor-fuzz " + string.Join(' ', args);
(int Cases, int Failures) printed = (0, 0);
var allIds = FuzzPlan.Ids(options.FirstSeed, options.Cases, options.Crafted);
var clock = Stopwatch.StartNew();
var results = options.Isolate ? RunIsolated(allIds) : RunInProcess(allIds);
var cliResults = new List<CaseResult>();
if (options.CliSample > 0)
{
    // Spread over the plan: every k-th id, crafted ones included.
    var step = Math.Max(1, allIds.Count / options.CliSample);
    var sample = allIds.Where((_, i) => i % step == 0).Take(options.CliSample).Select(plan.Build).ToList();
    var work = Directory.CreateTempSubdirectory("extractor-fuzz-cli-");
    Console.Error.WriteLine($"command line: {sample.Count} cases in {work.FullName}");
    cliResults = new CliProbe(CliProbe.DefaultExtractor, options.Limits).Run(sample, work.FullName);
    work.Delete(recursive: true);
}

clock.Stop();
var report = FuzzReport.Write(results, clock.Elapsed, command);
if (cliResults.Count > 0)
{
    report += Environment.NewLine + "Through the command line:" + Environment.NewLine + Environment.NewLine + FuzzReport.Write(cliResults, clock.Elapsed, command, processes: true);
}

Console.WriteLine(report);
if (options.Report is { } reportFile)
{
    File.WriteAllText(reportFile, report);
}

var failures = results.Concat(cliResults).Where(r => r.Class.IsFailure()).ToList();
if (options.SaveFailures is { } saveFolder && failures.Count > 0)
{
    Directory.CreateDirectory(saveFolder);
    foreach (var f in failures.Where(f => !f.Id.StartsWith("cli-batch", StringComparison.Ordinal)))
    {
        var id = f.Id.Replace("cli-convert/", string.Empty, StringComparison.Ordinal);
        File.WriteAllBytes(Path.Combine(saveFolder, plan.Build(id).FileName), plan.Build(id).Bytes);
    }
}

return failures.Count == 0 ? 0 : 1;

List<CaseResult> RunInProcess(List<string> ids)
{
    var list = new List<CaseResult>();
    using var runner = new CaseRunner(options.Limits);
    using var journal = options.Journal is null ? null : new StreamWriter(options.Journal);
    foreach (var id in ids)
    {
        var result = runner.Run(plan.Build(id));
        list.Add(result);
        journal?.WriteLine(JsonSerializer.Serialize(result, journalOptions));
        Progress(list);
    }

    return list;
}

List<CaseResult> RunIsolated(List<string> ids)
{
    var work = Directory.CreateTempSubdirectory("extractor-fuzz-");
    var planPath = Path.Combine(work.FullName, "plan.txt");
    var journalPath = options.Journal ?? Path.Combine(work.FullName, "journal.jsonl");
    File.WriteAllLines(planPath, ids);
    File.WriteAllText(journalPath, string.Empty);
    var list = new List<CaseResult>();
    var stall = TimeSpan.FromSeconds(60) + (2 * (options.Limits.Timeout + options.Limits.HangMargin));
    while (list.Count < ids.Count)
    {
        // The same program again: through the dotnet host when that is how this one runs.
        var self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CaseRunner).Assembly.Location);
        }

        foreach (var a in new[]
        {
            "--worker-plan", planPath, "--skip", list.Count.ToString(CultureInfo.InvariantCulture), "--journal", journalPath,
            "--timeout", options.Limits.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--margin", options.Limits.HangMargin.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--memory", (options.Limits.MemoryLimitBytes / 1048576.0).ToString(CultureInfo.InvariantCulture),
            "--ocr", options.Limits.Ocr.ToString().ToLowerInvariant(),
        })
        {
            start.ArgumentList.Add(a);
        }

        using var worker = Process.Start(start) ?? throw new InvalidOperationException("cannot start a worker");
        var stderr = worker.StandardError.ReadToEndAsync();
        var lastProgress = Stopwatch.StartNew();
        var seen = list.Count;
        var stalled = false;
        while (!worker.WaitForExit(1000))
        {
            var now = ReadJournal(journalPath, list);
            if (now > seen)
            {
                seen = now;
                lastProgress.Restart();
                Progress(list);
            }
            else if (lastProgress.Elapsed > stall)
            {
                worker.Kill(entireProcessTree: true);
                worker.WaitForExit();
                stalled = true;
                break;
            }
        }

        ReadJournal(journalPath, list);
        Progress(list);
        if (!stalled && worker.ExitCode is 0 or 3)
        {
            continue;
        }

        if (list.Count < ids.Count)
        {
            // The worker died (or stalled) inside the case after the last one it recorded.
            var culprit = plan.Build(ids[list.Count]);
            var why = stalled ? $"the worker process made no progress for {stall.TotalSeconds:0} s" : $"the worker process died with exit code {worker.ExitCode}: {Tail(stderr.Result)}";
            var dead = new CaseResult(culprit.Id, culprit.FileName, culprit.Description, stalled ? CaseClass.Hang : CaseClass.Crash, why, TimeSpan.Zero, 0, 0, 0, false);
            File.AppendAllLines(journalPath, [JsonSerializer.Serialize(dead, journalOptions)]);
            list.Add(dead);
        }
    }

    if (options.Journal is null)
    {
        work.Delete(recursive: true);
    }

    return list;
}

int ReadJournal(string path, List<CaseResult> into)
{
    using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    using var reader = new StreamReader(stream);
    var all = new List<CaseResult>();
    while (reader.ReadLine() is { } line)
    {
        if (line.Length > 0 && line.EndsWith('}'))
        {
            all.Add(JsonSerializer.Deserialize<CaseResult>(line, journalOptions)!);
        }
    }

    into.Clear();
    into.AddRange(all);
    return into.Count;
}

void Progress(List<CaseResult> so)
{
    // Isolated runs read the journal in steps: a line per hundred cases passed, and one per new failure.
    var failures = so.Count(r => r.Class.IsFailure());
    if (so.Count == 0 || (so.Count / 100 == printed.Cases / 100 && so.Count != allIds.Count && failures == printed.Failures))
    {
        return;
    }

    var note = string.Concat(so.Where(r => r.Class.IsFailure()).Skip(printed.Failures).Select(r => $"\n  {r.Class.Name()} {r.Id}: {r.Detail}"));
    Console.Error.WriteLine($"{so.Count}/{allIds.Count} cases, {failures} failures, {clock.Elapsed.TotalSeconds:F0} s{note}");
    printed = (so.Count, failures);
}

static string Tail(string text) => string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3));
