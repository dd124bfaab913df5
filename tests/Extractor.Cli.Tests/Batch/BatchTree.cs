namespace Extractor.Cli.Tests.Batch;

/// <summary>
/// A folder tree of inputs under <c>in/</c>: three copies of the seed (one beside a .pdf of the same
/// name), and five inputs that must fail: an empty file, a binary file, text with no form, a form cut
/// off in its table, and a .pdf (which this build cannot read yet). A .md file is not an input.
/// </summary>
internal static class BatchTree
{
    public static readonly string[] ExpectedOutputs = ["2021/a.json", "2021/sub/b.json", "2022/b.txt.json"];

    public static readonly (string Path, string Code, string Reason)[] ExpectedFailures =
    [
        ("in/2022/b.pdf", "unreadable", "no pages could be found"),
        ("in/2022/binary.txt", "unreadable", "binary"),
        ("in/2022/noform.txt", "no-form", "no self-evaluation form"),
        ("in/2022/truncated.txt", "form-incomplete", "总分"),
        ("in/empty.txt", "unreadable", "the file is empty"),
    ];

    public static int InputCount => ExpectedOutputs.Length + ExpectedFailures.Length;

    public static void Create(TempFolder folder)
    {
        folder.CopySeed("in/2021/a.txt");
        folder.CopySeed("in/2021/sub/b.txt");
        folder.CopySeed("in/2022/b.txt");
        folder.Write("in/2022/b.pdf", "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << >> endobj\n");
        folder.Write("in/empty.txt", string.Empty);
        folder.Write("in/2022/binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x00, 0x13, 0x37, 0x00, 0x00]);
        folder.Write("in/2022/noform.txt", "会议纪要\n今天讨论了明年的工作安排。\n");
        folder.Write("in/2022/truncated.txt", TestFiles.TruncatedSeed());
        folder.Write("in/2022/notes.md", "not an input\n");
    }
}
