namespace Extractor.Fuzz.Tests;

/// <summary>
/// The fuzz sample: the first 300 mutated cases (fixture PDFs and texts with flipped bytes, truncations,
/// damaged offsets and lengths, garbage in streams…) convert with no crash, hang, silent failure or
/// runaway memory. A failure prints the report with the seeds to replay (<c>extractor-fuzz --replay SEED</c>).
/// The crafted cases run in <see cref="CraftedCaseTests"/>.
/// </summary>
public sealed class FuzzSampleTests
{
    [Fact]
    public void TheMutatedSampleHasNoFailures()
    {
        var plan = new FuzzPlan(FuzzCorpus.Load(FuzzCorpus.FindRepositoryRoot(AppContext.BaseDirectory)));
        var ids = FuzzPlan.Ids(FuzzSample.FirstSeed, FuzzSample.MutatedCases, crafted: false);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var runner = new CaseRunner(FuzzSample.Limits);
        var results = ids.Select(id => runner.Run(plan.Build(id))).ToList();
        var report = FuzzReport.Write(results, clock.Elapsed, "FuzzSampleTests");
        Assert.True(results.All(r => !r.Class.IsFailure()), report);

        // The sample exercises every outcome that is not a failure, so it cannot pass by reading nothing.
        Assert.Contains(results, r => r.Class == CaseClass.OkWithForms || r.Class == CaseClass.OkWithDiagnostics);
        Assert.Contains(results, r => r.Class == CaseClass.ErrorWithReason);
        Assert.Equal(FuzzSample.MutatedCases, results.Count);
    }

    [Fact]
    public void ASeedAlwaysBuildsTheSameCase()
    {
        var plan = new FuzzPlan(FuzzCorpus.Load(FuzzCorpus.FindRepositoryRoot(AppContext.BaseDirectory)));
        foreach (var seed in new[] { "1", "77", "4242" })
        {
            var first = plan.Build(seed);
            var again = plan.Build(seed);
            Assert.Equal(first.FileName, again.FileName);
            Assert.Equal(first.Description, again.Description);
            Assert.Equal(first.Bytes, again.Bytes);
        }
    }
}
