using System.Diagnostics;
using Extractor.Geometry;

namespace Extractor.Tests.Layout;

/// <summary>Rulings made to hurt the grid reader: time and memory stay bounded.</summary>
public sealed class LatticeTablesScaleTests
{
    [Fact]
    public void AMeshOfThousandsOfLinesIsNotBuiltAsATable()
    {
        // 3,000 lines each way on a 200-inch page: 9 million units, each of whose edges was checked against
        // every line (minutes, and hundreds of MB of cells).
        var rulings = new List<Ruling>();
        for (var i = 0; i < 3000; i++)
        {
            var at = 10 + (i * 4.7);
            rulings.Add(new Ruling(10, at, 14200, at));
            rulings.Add(new Ruling(at, 10, at, 14200));
        }

        var clock = Stopwatch.StartNew();
        Assert.Empty(LatticeTables.Find(rulings));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void ALargeTableIsStillATable()
    {
        // 300 rows of 100 columns (30,000 units) in one grid, under the limit.
        var rulings = new List<Ruling>();
        for (var r = 0; r <= 300; r++)
        {
            rulings.Add(new Ruling(0, r * 10, 1000, r * 10));
        }

        for (var c = 0; c <= 100; c++)
        {
            rulings.Add(new Ruling(c * 10, 0, c * 10, 3000));
        }

        var clock = Stopwatch.StartNew();
        var table = Assert.Single(LatticeTables.Find(rulings));
        Assert.Equal(30_000, table.Cells.Length);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }
}
