using Extractor.Sources.Ocr.Imaging;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

[Collection(PaddleEngineGroup.Name)]
public sealed class PaddleOcrEngineTests(PaddleEngineFixture fixture)
{
    private const int Dpi = 200;
    private const double Scale = Dpi / 72.0;
    private static readonly string Borderless = Rendering.Form("seed-chromium-borderless-wqy-microhei-a4");

    [Fact]
    public void TheTitleLineIsReadExactlyAndItsCharactersArePlacedAlongIt()
    {
        using var page = Rendering.Page(Borderless, 1, Dpi);
        var title = Rendering.Lines(Borderless, 1).First(l => l.Text == "财政项目支出绩效自评表");
        var box = Pixels(title.Box, 6);
        using var crop = new Mat(page, box);

        var reading = fixture.Engine.Recognize(crop);
        Assert.Equal("财政项目支出绩效自评表", reading.Text);
        Assert.True(reading.Confidence > 0.9, $"confidence {reading.Confidence}");

        // The eleven characters are set evenly across the title's box: each is read near its own slot.
        var slot = title.Box.Width * Scale / 11;
        for (var i = 0; i < 11; i++)
        {
            var centre = box.X + (reading.Characters[i].Centre * box.Width);
            var expected = (title.Box.X * Scale) + ((i + 0.5) * slot);
            Assert.InRange(centre, expected - (slot / 2), expected + (slot / 2));
        }
    }

    [Fact]
    public void LinesCutAtPopplersBoxesAreReadAsPopplerReadsThem()
    {
        using var page = Rendering.Page(Borderless, 1, Dpi);
        var lines = Rendering.Lines(Borderless, 1).Where(l => l.Text.Length >= 4).Take(24).ToList();
        var crops = lines.Select(l => new Mat(page, Pixels(l.Box, 5))).ToList();
        try
        {
            var readings = fixture.Engine.RecognizeBatch(crops);
            var exact = lines.Zip(readings).Count(p => Same(p.First.Text, p.Second.Text));
            Assert.True(exact >= lines.Count - 2, $"{exact} of {lines.Count} lines exact: " + string.Join(" | ", lines.Zip(readings).Where(p => !Same(p.First.Text, p.Second.Text)).Select(p => $"{p.First.Text} → {p.Second.Text}")));
        }
        finally
        {
            crops.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public void APageIsReadWithNearlyAllItsCharactersInReadingOrder()
    {
        var pdf = Rendering.Form("seed-chromium-ar-pl-uming-a4");
        using var page = Rendering.Page(pdf, 1, Dpi);
        var reading = fixture.Engine.ReadPage(page);

        var text = string.Concat(reading.Lines.Select(l => l.Text)).Normalize(System.Text.NormalizationForm.FormKC);
        var recall = Rendering.Recall(Rendering.Text(pdf, 1), text);
        Assert.True(recall >= 0.96, $"recall {recall:P1}");
        Assert.Contains("11999665.86", text, StringComparison.Ordinal);
        Assert.Contains("年度资金总额", text, StringComparison.Ordinal);

        var title = reading.Lines.First();
        Assert.Equal("财政项目支出绩效自评表", title.Text);
        var backwards = reading.Lines.Zip(reading.Lines.Skip(1)).Where(p => p.Second.Quad.Bounds.Bottom < p.First.Quad.Bounds.Top).ToList();
        Assert.True(backwards.Count == 0, "no line is read after one wholly below it: " + string.Join(" | ", backwards.Select(p => $"{p.First.Text}@{p.First.Quad.Bounds} → {p.Second.Text}@{p.Second.Quad.Bounds}")));
        Assert.All(reading.Lines, l => Assert.Equal(l.Text, string.Concat(l.Characters.Select(c => c.Text))));
    }

    [Fact]
    public void ReadingFromTwoThreadsAtOnceGivesTheSameLines()
    {
        using var page = Rendering.Page(Borderless, 1, 150);
        var regions = fixture.Engine.Detect(page).Take(30).ToList();
        var readings = new PageReading[2];
        Parallel.For(0, 2, i => readings[i] = fixture.Engine.ReadRegions(page, regions));
        Assert.Equal(readings[0].Lines.Select(l => l.Text), readings[1].Lines.Select(l => l.Text));
        Assert.True(readings[0].Lines.Length >= 25);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void APageTurnedByQuarterTurnsIsFoundAndTurnedBack(int turned)
    {
        using var page = Rendering.Page(Rendering.Form("long-chromium-wqy-zenhei-a4"), 1, 100);
        using var sideways = QuarterTurn.Clockwise(page, turned);
        Assert.Equal((360 - turned) % 360, PageOrientation.UprightTurn(fixture.Engine, sideways));
    }

    [Fact]
    public void AShortPageOnItsSideIsFound()
    {
        const int turned = 90;
        // The second page of the funds-ab variant, turned: its numbers of neighbouring rows join into short
        // wide boxes, about as many as its long tall lines (PageOrientationTests for the rule itself).
        using var page = Rendering.Page(Extractor.Tests.Support.RepoPaths.Combine("fixtures", "variants", "funds-ab.pdf"), 2, 150);
        using var sideways = QuarterTurn.Clockwise(page, turned);
        Assert.Equal(360 - turned, PageOrientation.UprightTurn(fixture.Engine, sideways));
    }

    [Fact]
    public void TheScanFedOnItsSideIsPreparedUprightAndStraight()
    {
        // fixtures/scans/README.md: turned 90° clockwise, then skewed by +0.40°.
        using var scan = Rendering.Page(Rendering.Scan("turned-two-forms-image-200"), 1, 100);
        using var prepared = PagePreparation.Prepare(fixture.Engine, scan);
        Assert.Equal(270, prepared.ClockwiseTurn);
        Assert.Equal(scan.Rows, prepared.Image.Cols);
        Assert.InRange(Math.Abs(prepared.SkewDegrees), 0.2, 0.6);
    }

    private static Rect Pixels(Rect2d points, int pad) => new(
        (int)((points.X * Scale) - pad),
        (int)((points.Y * Scale) - pad),
        (int)((points.Width * Scale) + (2 * pad)),
        (int)((points.Height * Scale) + (2 * pad)));

    private static bool Same(string expected, string read) =>
        string.Equals(expected.Normalize(System.Text.NormalizationForm.FormKC), read.Replace(" ", string.Empty, StringComparison.Ordinal).Normalize(System.Text.NormalizationForm.FormKC), StringComparison.Ordinal);
}
