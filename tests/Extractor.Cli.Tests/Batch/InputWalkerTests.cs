using Extractor.Cli.Batch;

namespace Extractor.Cli.Tests.Batch;

public sealed class InputWalkerTests
{
    [Fact]
    public void AFolderIsWalkedInAStableOrderAndFilesThatAreNotInputsAreMarked()
    {
        using var t = new TempFolder();
        BatchTree.Create(t);
        t.Write("in/.hidden/x.txt", "hidden\n");
        t.Write("in/.DS_Store", "hidden\n");

        var walker = InputWalker.Create([t["in"]], null, out var errors)!;
        var all = walker.Enumerate().ToList();
        var inputs = all.Where(i => i.NotAnInput is null).ToList();

        Assert.Empty(errors);
        Assert.Equal(t["in"], walker.BaseFolder);
        Assert.Equal(
            ["empty.txt", "2021/a.txt", "2021/sub/b.txt", "2022/b.pdf", "2022/b.txt", "2022/binary.txt", "2022/noform.txt", "2022/scan.jpg", "2022/sums.txt"],
            inputs.Select(i => i.RelativePath));
        Assert.Equal(
            ["empty.json", "2021/a.json", "2021/sub/b.json", "2022/b.pdf.json", "2022/b.txt.json", "2022/binary.json", "2022/noform.json", "2022/scan.json", "2022/sums.json"],
            inputs.Select(i => i.OutputRelativePath));
        Assert.Equal(Path.Combine(t["in"], "2021", "sub", "b.txt"), inputs[2].Path);

        // Other files are walked too, to be counted as skipped by their extension; hidden ones are not.
        Assert.Equal(["2022/notes.md:md", "2022/old.doc:doc"], all.Where(i => i.NotAnInput is not null).Select(i => $"{i.RelativePath}:{i.NotAnInput}"));
    }

    [Fact]
    public void SeveralFoldersMirrorUnderTheirCommonParentAndOverlapsAreWalkedOnce()
    {
        using var t = new TempFolder();
        t.CopySeed("archive/2021/a.txt");
        t.CopySeed("archive/2022/a.txt");
        t.CopySeed("archive/2022/deep/c.txt");

        var walker = InputWalker.Create([t["archive/2021"], t["archive/2022"], t["archive/2022/deep/c.txt"], t["archive/2021/"]], null, out _)!;
        var inputs = walker.Enumerate().ToList();

        Assert.Equal(t["archive"], walker.BaseFolder);
        Assert.Equal(["2021/a.json", "2022/a.json", "2022/deep/c.json"], inputs.Select(i => i.OutputRelativePath));
    }

    [Fact]
    public void FileArgumentsAreNamedByTheirFolderAndMissingPathsAreErrors()
    {
        using var t = new TempFolder();
        t.CopySeed("x/b.txt");
        t.Write("x/b.pdf", "%PDF-1.4\n");

        var walker = InputWalker.Create([t["x/b.txt"]], null, out _)!;
        Assert.Equal(["b.txt.json"], walker.Enumerate().Select(i => i.OutputRelativePath));

        Assert.Null(InputWalker.Create([t["x/b.txt"], t["nowhere"]], null, out var errors));
        Assert.Single(errors);
        Assert.Contains("nowhere", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void WalkingIsLazy()
    {
        using var t = new TempFolder();
        for (var i = 0; i < 5; i++)
        {
            t.CopySeed($"in/d{i}/f.txt");
        }

        var walker = InputWalker.Create([t["in"]], null, out _)!;
        using var e = walker.Enumerate().GetEnumerator();
        Assert.True(e.MoveNext());

        // A file added after the walk began is still found: folders are listed as they are reached.
        t.CopySeed("in/d4/late.txt");
        var rest = new List<string>();
        while (e.MoveNext())
        {
            rest.Add(e.Current.RelativePath);
        }

        Assert.Contains("d4/late.txt", rest);
    }
}
