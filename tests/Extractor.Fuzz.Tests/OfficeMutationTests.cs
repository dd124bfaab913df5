namespace Extractor.Fuzz.Tests;

/// <summary>
/// The Office fixtures, each damaged in many seeded ways where its readers parse it (an XML part inside the
/// ZIP container, the OLE2 file's bytes): every damaged file converts within its limits to forms, forms with
/// diagnostics, or an error that says why — never a crash, hang or silent failure.
/// </summary>
public sealed class OfficeMutationTests
{
    private const int CasesPerFile = 40;

    public static TheoryData<string> Fixtures() =>
    [
        .. Directory.GetFiles(Path.Combine(FuzzCorpus.FindRepositoryRoot(AppContext.BaseDirectory), "fixtures", "office"))
            .Where(f => f.EndsWith(".xlsx", StringComparison.Ordinal) || f.EndsWith(".xls", StringComparison.Ordinal) || f.EndsWith(".docx", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EveryDamagedCopyConvertsOrSaysWhyNot(string name)
    {
        var path = Path.Combine(FuzzCorpus.FindRepositoryRoot(AppContext.BaseDirectory), "fixtures", "office", name);
        var seed = new SeedFile("fixtures/office/" + name, File.ReadAllBytes(path));
        using var runner = new CaseRunner(FuzzSample.Limits);
        var failures = new List<string>();
        for (var i = 1; i <= CasesPerFile; i++)
        {
            var (bytes, what) = OfficeMutator.Mutate(seed, i);
            var result = runner.Run(new FuzzCase($"office/{name}/{i}", name, bytes, what, null));
            if (result.Class.IsFailure())
            {
                failures.Add($"{i} ({what}): {result.Class.Name()}: {result.Detail}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
