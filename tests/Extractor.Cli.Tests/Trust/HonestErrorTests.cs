using System.Text.Json;

namespace Extractor.Cli.Tests.Trust;

/// <summary>
/// Errors that say what is true, through the command line: the type from the bytes, damage told apart from
/// no text and no form, a folder, the real path of an output that cannot be written, a log that cannot be
/// opened, one exit code for a missing input.
/// </summary>
public sealed class HonestErrorTests
{
    private static JsonElement Error(CliProcess.Result run)
    {
        using var json = JsonDocument.Parse(run.Stdout);
        return json.RootElement.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("severity").GetString() == "error").Clone();
    }

    [Fact]
    public void APngNamedPdfIsAnImageNotBinaryText()
    {
        using var t = new TempFolder();
        var path = t.Write("scan.pdf", Damaged.Png);

        var run = CliProcess.Run(t.Path, "convert", path);

        // Read as an image (by OCR), whatever its name; this one's data is damaged (a CRC that does not match).
        Assert.Equal(1, run.ExitCode);
        var error = Error(run);
        Assert.Equal("unreadable", error.GetProperty("code").GetString());
        Assert.Contains("a PNG image that could not be decoded", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("binary", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("a PNG image", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, "damaged", "the file is truncated")]
    [InlineData(40, "damaged", "no text could be read: the file is truncated")]
    public void APdfCutOffBeforeItsTextIsDamagedNotNoText(int percent, string code, string message)
    {
        using var t = new TempFolder();
        var path = Damaged.Cut(t, "cut.pdf", percent);

        var run = CliProcess.Run(t.Path, "convert", path);

        Assert.Equal(1, run.ExitCode);
        var error = Error(run);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("no text found", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.txt", "", "no-text", "the file is empty")]
    [InlineData("blank.txt", " \n\t\n", "no-text", "only whitespace")]
    [InlineData("letter.txt", "关于预算执行情况的说明\n本单位严格执行预算。\n", "no-form", "no self-evaluation form")]
    public void NoTextAndNoFormAreToldApart(string name, string content, string code, string message)
    {
        using var t = new TempFolder();
        var path = t.Write(name, content);

        var run = CliProcess.Run(t.Path, "convert", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(code, Error(run).GetProperty("code").GetString());
        Assert.Contains(message, Error(run).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderGivenToConvertOrTextIsADirectoryAndAMissingInputIsExit2Everywhere()
    {
        using var t = new TempFolder();
        Directory.CreateDirectory(t["folder"]);

        foreach (var command in new[] { "convert", "text" })
        {
            var folder = CliProcess.Run(t.Path, command, "folder");
            Assert.Equal(2, folder.ExitCode);
            Assert.Contains("folder: is a directory", folder.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("no such file", folder.Stderr, StringComparison.Ordinal);

            var missing = CliProcess.Run(t.Path, command, "nowhere.pdf");
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("nowhere.pdf: no such file or folder", missing.Stderr, StringComparison.Ordinal);
        }

        var batch = CliProcess.Run(t.Path, "batch", "nowhere.pdf", "-o", "out");
        Assert.Equal(2, batch.ExitCode);
        Assert.Contains("nowhere.pdf: no such file or folder", batch.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteErrorsNameTheRealOutputPathNeverATemporaryFile()
    {
        using var t = new TempFolder();
        t.CopySeed("in/a.txt");
        t.Write("blocked", "a file where a folder is wanted\n");

        var json = CliProcess.Run(t.Path, "convert", "in/a.txt", "-o", "blocked/a.json");
        Assert.Equal(1, json.ExitCode);
        Assert.Contains($"cannot write {t["blocked/a.json"]}", json.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", json.Stderr, StringComparison.Ordinal);

        foreach (var (option, file) in new[] { ("--jsonl", "all.jsonl"), ("--csv", "all.csv"), ("--sqlite", "all.db") })
        {
            var run = CliProcess.Run(t.Path, "batch", "in", "-o", "out", option, "blocked/" + file);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains(t["blocked/" + file], run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(".tmp", run.Stderr, StringComparison.Ordinal);
        }

        // A JSON in a batch that cannot be written is that input's failure, naming where it was to go.
        t.Write("out2", "a file where OUTDIR's folder is wanted\n");
        var outdir = CliProcess.Run(t.Path, "batch", "in", "-o", "out2/json");
        Assert.Equal(1, outdir.ExitCode);
        Assert.Contains(t["out2/json"], outdir.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", outdir.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ALogFileThatCannotBeOpenedIsAUsageError()
    {
        using var t = new TempFolder();
        t.CopySeed("in/a.txt");
        t.Write("blocked", "a file where a folder is wanted\n");

        var run = CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--log", "blocked/batch.log");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--log blocked/batch.log: cannot be opened for writing", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(t["out"]));
    }

    [Fact]
    public void TextExits1OnAFileItCannotReadAndSaysWhy()
    {
        using var t = new TempFolder();
        var cut = Damaged.Cut(t, "cut.pdf", 40);
        var png = t.Write("scan.pdf", Damaged.Png);

        var broken = CliProcess.Run(t.Path, "text", cut);
        Assert.Equal(1, broken.ExitCode);
        Assert.Equal(string.Empty, broken.Stdout);
        Assert.Contains("damaged", broken.Stderr, StringComparison.Ordinal);
        Assert.Contains("truncated", broken.Stderr, StringComparison.Ordinal);

        var image = CliProcess.Run(t.Path, "text", png);
        Assert.Equal(1, image.ExitCode);
        Assert.Contains("a PNG image", image.Stderr, StringComparison.Ordinal);

        // Damage the text was read despite is said, and the text printed.
        var partly = CliProcess.Run(t.Path, "text", Damaged.Cut(t, "cut95.pdf", 95));
        Assert.Equal(0, partly.ExitCode);
        Assert.Contains("党群中心劳务费及分摊费", partly.Stdout, StringComparison.Ordinal);
        Assert.Contains("damaged", partly.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void FilesOfTypesNotReadAreCountedAsSkippedByTypeInABatch()
    {
        using var t = new TempFolder();
        t.CopySeed("in/a.txt");
        t.Write("in/scan.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00]);
        t.Write("in/image.pdf", Damaged.Png);
        t.Write("in/old.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        t.Write("in/book.xls", Ole2("Workbook"));
        t.Write("in/letter.xls", Ole2("WordDocument"));

        var run = CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--jsonl", "all.jsonl");

        // Images are inputs (read by OCR): the cut JPEG and the one-pixel PNG fail as unreadable, not skipped.
        // A workbook is read too, so one whose container is broken fails, naming the file and the damage.
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("  converted     1", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  failed        3", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("in/book.xls: unreadable: the OLE2 header is damaged", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  skipped       2: doc 2", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Skipped in/old.doc: a Word 97–2003 or WPS document by its name, which is not read; convert it to .docx first: `soffice --headless --convert-to docx old.doc`", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Skipped in/letter.xls: a Word 97–2003 document (.xls), which is not read; convert it to .docx first: `soffice --headless --convert-to docx letter.xls`", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(4, File.ReadAllLines(t["all.jsonl"]).Length);
    }

    /// <summary>An OLE2 compound file whose directory names one stream, as Office's binary files are.</summary>
    private static byte[] Ole2(string stream)
    {
        var bytes = new byte[1024];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        var entry = 512 + 128; // the second directory entry, after the root
        System.Text.Encoding.Unicode.GetBytes("Root Entry").CopyTo(bytes, 512);
        bytes[512 + 64] = 22;
        bytes[512 + 66] = 5;
        System.Text.Encoding.Unicode.GetBytes(stream).CopyTo(bytes, entry);
        bytes[entry + 64] = (byte)((stream.Length + 1) * 2);
        bytes[entry + 66] = 2;
        return bytes;
    }
}
