using Extractor.Sources.Ocr;
using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class BrokenLinesTests
{
    private const int Width = 900;
    private const int Height = 1600;

    [Fact]
    public void AThinRulingBrokenIntoDashesIsFoundWhole()
    {
        var (ink, grey) = Table();
        using (ink)
        using (grey)
        {
            // Two rows of ink, each broken every 7 pixels at a different place, and both at once every 40: no run
            // is as long as the kernel (30 pixels).
            for (var x = 100; x <= 800; x++)
            {
                var bothBroken = x % 40 == 0;
                Ink(ink, grey, x, 300, on: x % 7 != 0 && !bothBroken);
                Ink(ink, grey, x, 301, on: x % 7 != 3 && !bothBroken);
            }

            var found = RulingFinder.FindInInk(ink, grey);
            var rows = found.Where(r => r.IsHorizontal).ToList();
            Assert.Equal(3, rows.Count);
            Assert.Equal(100, rows[0].At, 0.5);
            Assert.Equal(500, rows[2].At, 0.5);
            var broken = rows[1];
            Assert.Equal(300.5, broken.At, 0.5);
            Assert.InRange(broken.From, 99, 101);
            Assert.InRange(broken.To, 799, 805);
            Assert.InRange(broken.Thickness, 1.0, 2.0);
        }
    }

    [Fact]
    public void AHairlineScannedInBlackAndWhiteAsDotsIsFoundWhole()
    {
        var (ink, grey) = Table();
        using (ink)
        using (grey)
        {
            // A hairline printed grey and scanned in black and white: dots of one to three pixels, one or two pixels
            // high, two to eight pixels apart (about half a pixel of ink a pixel of its length). No run is as long as the
            // kernel (30 pixels), and gaps of five and more are more than a closing of five bridges.
            int[] dots = [2, 1, 3, 2, 3, 2, 2];
            int[] gaps = [3, 6, 2, 8, 4, 5, 3, 7];
            var (x, k) = (100, 0);
            while (x <= 800)
            {
                for (var i = 0; i < dots[k % dots.Length] && x + i <= 800; i++)
                {
                    Ink(ink, grey, x + i, 300, on: true);
                    Ink(ink, grey, x + i, 301, on: (x + i) % 4 != 0);
                }

                x += dots[k % dots.Length] + gaps[k % gaps.Length];
                k++;
            }

            var rows = RulingFinder.FindInInk(ink, grey).Where(r => r.IsHorizontal).ToList();
            Assert.Equal(3, rows.Count);
            var dotted = rows[1];
            Assert.Equal(300.5, dotted.At, 0.5);
            Assert.InRange(dotted.From, 99, 101);
            Assert.InRange(dotted.To, 795, 801);
        }
    }

    [Fact]
    public void AHairlineRunsNoFurtherThanItIsDarkerThanThePaper()
    {
        var (ink, grey) = Table();
        using (ink)
        using (grey)
        {
            // A wall at x = 600 printed as a hairline from the top ruling to the bottom one, in dots; below the table
            // a noisy scan's specks (8% of the pixels), as dense along x = 600 as beside it, for 300 pixels. Bridged
            // as widely as the dots need, the wall runs on into the specks (to y = 534).
            for (var y = 101; y < 500; y++)
            {
                Ink(ink, grey, 600, y, on: y % 6 < 3);
            }

            var random = new Random(20261206);
            for (var y = 500; y < 800; y++)
            {
                for (var x = 560; x < 640; x++)
                {
                    Ink(ink, grey, x, y, on: random.NextDouble() < 0.08);
                }
            }

            var walls = RulingFinder.FindInInk(ink, grey).Where(r => !r.IsHorizontal).ToList();
            Assert.Equal([100, 600, 800], walls.Select(w => (int)Math.Round(w.At)));
            Assert.InRange(walls[1].From, 98, 110);
            Assert.InRange(walls[1].To, 490, 520);
        }
    }

    [Fact]
    public void AWallDoesNotRunOnThroughACharacterBelowIt()
    {
        var (ink, grey) = Table();
        using (ink)
        using (grey)
        {
            // A wall two pixels thick from the top ruling down to y = 300, where a merged cell's wall ends; six pixels
            // below it a character like 丰, 22 pixels high (shorter than the kernel), whose upright stroke stands on the
            // wall's line. Bridged across the gap, the stroke is as dark as the wall, but it has the rest of its
            // character beside it.
            for (var y = 101; y <= 300; y++)
            {
                Ink(ink, grey, 450, y, on: true);
                Ink(ink, grey, 451, y, on: true);
            }

            Box(ink, grey, new Rect(450, 307, 2, 22));
            foreach (var y in new[] { 310, 317, 324 })
            {
                Box(ink, grey, new Rect(440, y, 22, 3));
            }

            var walls = RulingFinder.FindInInk(ink, grey).Where(r => !r.IsHorizontal).ToList();
            Assert.Equal([100, 450, 800], walls.Select(w => (int)Math.Round(w.At)));
            Assert.InRange(walls[1].To, 299, 302);
        }
    }

    [Fact]
    public void ARowOfEllipsesIsNoRuling()
    {
        var (ink, grey) = Table();
        using (ink)
        using (grey)
        {
            // A cell's residue ……………… (eight ems at 29 pixels, three dots an em, each dot 3 pixels square) at the
            // middle of its line: bridged, a dotted row 230 pixels long, but not a line of the table.
            for (var dot = 0; dot < 24; dot++)
            {
                Box(ink, grey, new Rect(200 + (dot * 29 / 3), 350, 3, 3));
            }

            var rows = RulingFinder.FindInInk(ink, grey).Where(r => r.IsHorizontal).ToList();
            Assert.Equal([100, 500], rows.Select(r => (int)Math.Round(r.At)));
        }
    }

    [Fact]
    public void AWallFoundInPiecesIsJoined()
    {
        var (ink, grey) = Table();
        using (ink)
        using (grey)
        {
            // A column wall two pixels thick with a gap of three pixels every 60: each piece is longer than the
            // kernel (26 pixels), but only the top one meets a ruling at its end.
            for (var y = 99; y <= 501; y++)
            {
                var on = y % 60 >= 3;
                Ink(ink, grey, 450, y, on);
                Ink(ink, grey, 451, y, on);
            }

            var walls = RulingFinder.FindInInk(ink, grey).Where(r => !r.IsHorizontal).ToList();
            Assert.Equal(3, walls.Count);
            Assert.Equal(450.5, walls[1].At, 1.0);
            Assert.InRange(walls[1].From, 98, 101);
            Assert.InRange(walls[1].To, 499, 503);
        }
    }

    [Fact]
    public void StrokesOfARowOfCharactersBridgedTogetherAreNoRuling()
    {
        var (ink, grey) = Table();
        using (ink)
        using (grey)
        {
            // Ten characters like 目, 24 pixels square and 3 apart, their middle strokes on one row: bridged, they
            // run 267 pixels, but their upright strokes stand above and below that row.
            for (var c = 0; c < 10; c++)
            {
                var left = 150 + (c * 27);
                Box(ink, grey, new Rect(left, 390, 24, 3));
                Box(ink, grey, new Rect(left, 401, 24, 3));
                Box(ink, grey, new Rect(left, 412, 24, 3));
                Box(ink, grey, new Rect(left, 390, 3, 25));
                Box(ink, grey, new Rect(left + 21, 390, 3, 25));
                Box(ink, grey, new Rect(left + 11, 390, 3, 25));
            }

            var found = RulingFinder.FindInInk(ink, grey);
            Assert.Equal([100, 500], found.Where(r => r.IsHorizontal).Select(r => (int)Math.Round(r.At)));
        }
    }

    [Fact]
    public void TheEdgesOfAGreyGroundAndNoiseAlongTheEdgeOfAPageAreNoRulings()
    {
        var (ink, grey) = Table();
        using (ink)
        using (grey)
        {
            // The lid of the scanner above the page (grey 200) whose edge the threshold marks in broken dashes.
            using (var lid = new Mat(grey, new Rect(0, 0, Width, 40)))
            {
                lid.SetTo(Scalar.All(200));
            }

            for (var x = 20; x < Width - 20; x++)
            {
                Ink(ink, null, x, 40, on: x % 6 != 0);
                Ink(ink, null, x, 41, on: x % 6 != 3);
            }

            // The lid left of the page too, its edge marked whole: no broken line, but no ruling either.
            using (var lid = new Mat(grey, new Rect(0, 0, 40, Height)))
            {
                lid.SetTo(Scalar.All(200));
            }

            Cv2.Rectangle(ink, new Rect(38, 0, 2, Height), Scalar.All(255), -1);

            // Specks a straightened page's noise leaves along its bottom edge, one pixel in three.
            for (var x = 100; x < 700; x += 3)
            {
                Ink(ink, grey, x, Height - 10, on: true);
            }

            var found = RulingFinder.FindInInk(ink, grey);
            Assert.Equal([100, 500], found.Where(r => r.IsHorizontal).Select(r => (int)Math.Round(r.At)));
            Assert.Equal([100, 800], found.Where(r => !r.IsHorizontal).Select(r => (int)Math.Round(r.At)));
        }
    }

    [Fact]
    public void AScannedPageWhoseThinRulingsAThresholdAndAStraighteningBrokeHasThemAll()
    {
        // A form rendered at 168 dpi, skewed 0.9°, blurred a little, noisy and thresholded as a bitonal scanner does,
        // then straightened and thresholded as the reader does: its rulings are one or two pixels of broken ink.
        using var page = Rendering.Page(Rendering.Form("seed-chromium-wqy-zenhei-a4l"), 1, 168);
        using var skewed = Deskew.Rotate(page, 0.9);
        Cv2.GaussianBlur(skewed, skewed, new Size(0, 0), 0.9);
        using (var noise = new Mat(skewed.Size(), MatType.CV_16SC1))
        using (var sum = new Mat())
        {
            Cv2.SetTheRNG(20261205);
            Cv2.Randn(noise, Scalar.All(0), Scalar.All(20));
            skewed.ConvertTo(sum, MatType.CV_16SC1);
            Cv2.Add(sum, noise, sum);
            sum.ConvertTo(skewed, MatType.CV_8UC1);
        }

        Cv2.Threshold(skewed, skewed, 158, 255, ThresholdTypes.Binary);
        using var straight = Deskew.Rotate(skewed, -0.9);
        using var ink = Binarization.Adaptive(straight, Binarization.BlockFor(straight.Cols), ScanReader.AdaptiveOffset);
        var found = RulingFinder.FindInInk(ink, straight);

        using var clean = Binarization.Adaptive(page, Binarization.BlockFor(page.Cols), ScanReader.AdaptiveOffset);
        var expected = RulingFinder.FindInInk(clean, page).Where(r => r.IsHorizontal && r.Length > page.Cols / 3).ToList();
        Assert.True(expected.Count >= 10, "the form has a ruled table");
        Assert.All(expected, e => Assert.Contains(found, f => f.IsHorizontal && Math.Abs(f.At - e.At) <= 3 && f.Length >= 0.9 * e.Length));
    }

    [Theory]
    [InlineData("seed-libreoffice-noto-serif-a4l", 96)]
    [InlineData("seed-chromium-noto-sans-a4", 104)]
    [InlineData("long-chromium-wqy-zenhei-a4", 100)]
    public void RowsOfSmallTypeBridgedIntoOnePieceAreNoRulings(string form, int dpi)
    {
        // A form scanned reduced (an A3 sheet on a Letter bed): type of 14–16 pixels an em, blurred a little and
        // thresholded bold, so that bridging joins each row of characters into one piece with paper above and
        // below it. Every ruling found is one the form draws, found on the page rendered at 200 dpi.
        using var page = Rendering.Page(Rendering.Form(form), 1, dpi);
        Cv2.GaussianBlur(page, page, new Size(0, 0), 0.6);
        Cv2.Threshold(page, page, 170, 255, ThresholdTypes.Binary);
        using var ink = Binarization.Adaptive(page, Binarization.BlockFor(page.Cols), ScanReader.AdaptiveOffset);
        var found = RulingFinder.FindInInk(ink, page).Where(r => r.IsHorizontal).ToList();

        using var fine = Rendering.Page(Rendering.Form(form), 1, 200);
        using var fineInk = Binarization.Adaptive(fine, Binarization.BlockFor(fine.Cols), ScanReader.AdaptiveOffset);
        var drawn = RulingFinder.FindInInk(fineInk, fine).Where(r => r.IsHorizontal).Select(r => r.At * dpi / 200).ToList();
        Assert.True(found.Count >= 10, "the form has a ruled table");
        Assert.All(found, f => Assert.Contains(drawn, d => Math.Abs(d - f.At) <= 3));
    }

    [Fact]
    public void ADottedWallIsARulingWhateverCrossesIt()
    {
        var (ink, grey) = Table();
        using (ink)
        using (grey)
        {
            // A thin grid scanned in black and white (a 150-dpi bitonal scan, blurred and noisy): the wall at x = 450
            // is runs of 20 pixels three pixels apart, no run as long as the kernel, and every other run is crossed
            // in its middle by a row's ruling, two pixels thick. Seen from the wall, each crossing with its run is
            // a piece as compact as a character: half the wall's ink.
            for (var y = 101; y < 500; y++)
            {
                var on = (y - 101) % 23 < 20;
                Ink(ink, grey, 450, y, on);
                Ink(ink, grey, 451, y, on);
            }

            for (var y = 111; y < 500; y += 46)
            {
                Box(ink, grey, new Rect(100, y, 701, 2));
            }

            var walls = RulingFinder.FindInInk(ink, grey).Where(r => !r.IsHorizontal).ToList();
            Assert.Equal(3, walls.Count);
            Assert.Equal(450.5, walls[1].At, 1.0);
            Assert.InRange(walls[1].From, 99, 102);
            Assert.InRange(walls[1].To, 498, 501);
        }
    }

    /// <summary>A page (ink mask and grey) with a table: rows 100 and 500, columns 100 and 800, three pixels thick.</summary>
    private static (Mat Ink, Mat Grey) Table()
    {
        var ink = new Mat(Height, Width, MatType.CV_8UC1, Scalar.All(0));
        var grey = new Mat(Height, Width, MatType.CV_8UC1, Scalar.All(245));
        foreach (var y in new[] { 100, 500 })
        {
            Box(ink, grey, new Rect(99, y - 1, 703, 3));
        }

        foreach (var x in new[] { 100, 800 })
        {
            Box(ink, grey, new Rect(x - 1, 99, 3, 403));
        }

        return (ink, grey);
    }

    private static void Box(Mat ink, Mat grey, Rect box)
    {
        Cv2.Rectangle(ink, box, Scalar.All(255), -1);
        Cv2.Rectangle(grey, box, Scalar.All(20), -1);
    }

    private static void Ink(Mat ink, Mat? grey, int x, int y, bool on)
    {
        if (on)
        {
            ink.Set(y, x, (byte)255);
            grey?.Set(y, x, (byte)20);
        }
    }
}
