using System.Text.Json;

namespace Extractor.Cli.Tests.Trust;

/// <summary><c>--password</c> for encrypted PDFs and <c>--pages</c> ranges, through the command line.</summary>
public sealed class ReadingOptionsTests
{
    private static string Corpus(string name) => Path.Combine(TestFiles.RepositoryRoot, "fixtures", "pdf-corpus", "pdf", name);

    [Theory]
    [InlineData("qpdf-user-password-aes-256.pdf")]
    [InlineData("qpdf-user-password-rc4-128.pdf")]
    public void AnEncryptedPdfOpensWithItsPassword(string name)
    {
        var without = CliProcess.Run(TestFiles.RepositoryRoot, "text", Corpus(name));
        Assert.Equal(1, without.ExitCode);
        Assert.Contains("encrypted: ", without.Stderr, StringComparison.Ordinal);
        Assert.Contains("needs a password", without.Stderr, StringComparison.Ordinal);

        var wrong = CliProcess.Run(TestFiles.RepositoryRoot, "text", Corpus(name), "--password", "user-2022");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("the password given does not open it", wrong.Stderr, StringComparison.Ordinal);

        var with = CliProcess.Run(TestFiles.RepositoryRoot, "text", Corpus(name), "--password", "user-2023");
        Assert.Equal(0, with.ExitCode);
        Assert.Contains("平安社区建设项目", with.Stdout, StringComparison.Ordinal);

        // convert reads it too: a report, not a form, so the error is no-form and no longer encrypted.
        var convert = CliProcess.Run(TestFiles.RepositoryRoot, "convert", Corpus(name), "--password", "user-2023");
        using var json = JsonDocument.Parse(convert.Stdout);
        Assert.DoesNotContain(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "encrypted");
    }

    [Fact]
    public void PagesReadsOnlyThePagesAskedFor()
    {
        var pdf = Damaged.OtherFormPdf;
        var all = JsonDocument.Parse(CliProcess.Run(TestFiles.RepositoryRoot, "convert", pdf).Stdout).RootElement;
        var pageCount = all.GetProperty("source").GetProperty("pages").GetInt32();
        var firstFormPages = all.GetProperty("forms")[0].GetProperty("source").GetProperty("pages").EnumerateArray().Select(p => p.GetInt32()).ToList();

        var run = CliProcess.Run(TestFiles.RepositoryRoot, "convert", pdf, "--pages", $"{firstFormPages[0]}-{firstFormPages[^1]}");
        var some = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(pageCount, some.GetProperty("source").GetProperty("pages").GetInt32());
        var form = Assert.Single(some.GetProperty("forms").EnumerateArray());
        Assert.Equal(all.GetProperty("forms")[0].GetProperty("projectName").GetString(), form.GetProperty("projectName").GetString());
        Assert.Equal(firstFormPages, form.GetProperty("source").GetProperty("pages").EnumerateArray().Select(p => p.GetInt32()));

        var text = CliProcess.Run(TestFiles.RepositoryRoot, "text", pdf, "--pages", "2");
        Assert.Equal(0, text.ExitCode);
        var page2 = CliProcess.Run(TestFiles.RepositoryRoot, "text", pdf).Stdout.Split("\n\n")[1];
        Assert.Equal(page2.Trim('\n'), text.Stdout.Trim('\n'));

        var beyond = CliProcess.Run(TestFiles.RepositoryRoot, "convert", pdf, "--pages", "90-99");
        Assert.Equal(1, beyond.ExitCode);
        Assert.Contains("none of the pages asked for (90-99)", beyond.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3-1")]
    [InlineData("0")]
    [InlineData("1,,x")]
    public void ABadPageListIsAUsageError(string pages)
    {
        var run = CliProcess.Run(TestFiles.RepositoryRoot, "convert", TestFiles.Seed, "--pages", pages);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--pages", run.Stderr, StringComparison.Ordinal);
    }
}
