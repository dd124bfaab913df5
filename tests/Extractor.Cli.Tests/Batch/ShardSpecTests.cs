using Extractor.Cli.Batch;

namespace Extractor.Cli.Tests.Batch;

public sealed class ShardSpecTests
{
    private static readonly string[] Paths = Enumerable.Range(0, 500).Select(i => $"{2015 + (i % 9)}/区县{i % 13}/自评表-{i:D4}.pdf").ToArray();

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void ShardsAreDisjointCoverEverythingAndAreRoughlyEven(int n)
    {
        var shards = Enumerable.Range(1, n).Select(k => Paths.Where(new ShardSpec(k, n).Contains).ToList()).ToList();

        Assert.Equal(Paths.Length, shards.Sum(s => s.Count));
        Assert.Equal(Paths.Order(StringComparer.Ordinal), shards.SelectMany(s => s).Order(StringComparer.Ordinal));
        Assert.All(shards, s => Assert.InRange(s.Count, Paths.Length / n / 2, Paths.Length / n * 2));
    }

    [Fact]
    public void TheSplitIsPinnedSoMachinesAndVersionsAgree()
    {
        // SHA-256 of the UTF-8 relative path, first 8 bytes big-endian, modulo N, plus 1. Pinned values:
        // a change here would make machines on different versions disagree about who takes which file.
        Assert.Equal(Expected("2021/a.txt", 4), ShardSpec.BucketOf("2021/a.txt", 4));
        Assert.Equal(Expected("2022/区县/自评表.pdf", 10), ShardSpec.BucketOf("2022/区县/自评表.pdf", 10));
        Assert.Equal(2, ShardSpec.BucketOf("2021/a.txt", 4));
        Assert.Equal(5, ShardSpec.BucketOf("2022/区县/自评表.pdf", 10));
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("3/8", 3, 8)]
    public void KOfNParses(string text, int k, int n) => Assert.Equal(new ShardSpec(k, n), ShardSpec.TryParse(text, out _));

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("1-3")]
    [InlineData("a/b")]
    [InlineData("-1/3")]
    public void BadShardsAreRefusedWithAReason(string text)
    {
        Assert.Null(ShardSpec.TryParse(text, out var error));
        Assert.Contains(text, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoShardRunsIntoOneFolderGiveTheSameOutputsAsOneRun()
    {
        using var t = new TempFolder();
        for (var i = 0; i < 6; i++)
        {
            t.CopySeed($"in/d{i % 2}/f{i}.txt");
        }

        var one = CliProcess.Run(t.Path, "batch", "in", "-o", "one", "--shard", "1/2");
        var two = CliProcess.Run(t.Path, "batch", "in", "-o", "two", "--shard", "2/2");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, two.ExitCode);

        var first = t.Files("one");
        var second = t.Files("two");
        Assert.Empty(first.Intersect(second));
        Assert.Equal(
            ["d0/f0.json", "d0/f2.json", "d0/f4.json", "d1/f1.json", "d1/f3.json", "d1/f5.json"],
            first.Concat(second).Order(StringComparer.Ordinal));
        Assert.All(first, f => Assert.Equal(1, ShardSpec.BucketOf(f.Replace(".json", ".txt", StringComparison.Ordinal), 2)));
    }

    private static int Expected(string path, int n)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path));
        return (int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)n) + 1;
    }
}
