namespace Extractor.Cli.Tests.Batch;

/// <summary>
/// A folder tree of inputs under <c>in/</c>: three copies of the seed (one beside a .pdf of the same name), two
/// forms whose sums do not hold (converted, to review), three inputs that must fail (an empty file, text with no
/// form, a .pdf with no pages), and four files that are skipped: a binary .txt and a GIF named .jpg by their bytes, a
/// .md and a .doc by their names.
/// </summary>
internal static class BatchTree
{
    public static readonly string[] ExpectedOutputs = ["2021/a.json", "2021/sub/b.json", "2022/b.txt.json", "2022/sums.json"];

    /// <summary>The converted input whose status is review (its error checks).</summary>
    public const string Review = "in/2022/sums.txt";

    /// <summary>Why it is to review.</summary>
    public const string ReviewReasons = "score-exceeds-weight 1, score-sum-mismatch 1, weight-sum-mismatch 1";

    public static readonly (string Path, string Code, string Reason)[] ExpectedFailures =
    [
        ("in/2022/b.pdf", "damaged", "no pages could be found"),
        ("in/2022/noform.txt", "no-form", "no self-evaluation form"),
        ("in/empty.txt", "no-text", "the file is empty"),
    ];

    /// <summary>The skipped files' types, as the summary counts them.</summary>
    public const string SkippedByType = "binary 1, doc 1, gif 1, md 1";

    public const int SkippedCount = 4;

    /// <summary>Inputs that reach the exports: converted and failed, not skipped.</summary>
    public static int InputCount => ExpectedOutputs.Length + ExpectedFailures.Length;

    public static void Create(TempFolder folder)
    {
        folder.CopySeed("in/2021/a.txt");
        folder.CopySeed("in/2021/sub/b.txt");
        folder.CopySeed("in/2022/b.txt");
        folder.Write("in/2022/b.pdf", "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << >> endobj\n");
        folder.Write("in/empty.txt", string.Empty);
        folder.Write("in/2022/binary.txt", [0x00, 0x9F, 0x92, 0x96, 0x00, 0xFF, 0x10, 0x02, 0x00, 0x00, 0x41]);
        // A GIF named .jpg: picked up by its name, skipped by its bytes (GIF is no scan format read here).
        folder.Write("in/2022/scan.jpg", [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00]);
        folder.Write("in/2022/old.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        folder.Write("in/2022/noform.txt", "会议纪要\n今天讨论了明年的工作安排。\n");
        folder.Write("in/2022/sums.txt", File.ReadAllBytes(Path.Combine(TestFiles.RepositoryRoot, "tests", "Extractor.Tests", "Approved", "checks.txt")));
        folder.Write("in/2022/notes.md", "not an input\n");
    }
}
