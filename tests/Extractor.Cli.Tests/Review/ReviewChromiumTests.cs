using System.Text.RegularExpressions;
using Extractor.Cli.Tests.Support;

namespace Extractor.Cli.Tests.Review;

/// <summary>
/// The review page of a fixture PDF as a browser shows it: headless Chromium takes a screenshot (the page
/// images and the boxes are drawn) and dumps the DOM it built (every indicator of the JSON has its box).
/// Chromium is a test dependency (Debian package <c>chromium</c>; scripts/test.sh installs it): without it
/// these tests fail, saying so.
/// </summary>
public sealed partial class ReviewChromiumTests(ReviewedPdf reviewed) : IClassFixture<ReviewedPdf>
{
    /// <summary>The box outline colour of a row read without findings (#1565c0 in the page's style).</summary>
    private static readonly (byte R, byte G, byte B) BoxBlue = (0x15, 0x65, 0xC0);

    [Fact]
    public void TheScreenshotShowsThePageImageAndTheBoxesOnIt()
    {
        var shot = Path.Combine(reviewed.Folder, "shot.png");
        var run = Chromium("--window-size=1280,2000", $"--screenshot={shot}", new Uri(reviewed.Page).AbsoluteUri);
        Assert.True(File.Exists(shot), $"chromium wrote no screenshot (exit code {run.ExitCode}): {run.Stderr}");

        var image = PngPixels.Read(File.ReadAllBytes(shot));
        Assert.Equal((1280, 2000), (image.Width, image.Height));
        int dark = 0, blue = 0, total = 0;
        var colours = new HashSet<(byte, byte, byte)>();
        for (var y = 0; y < image.Height; y += 1)
        {
            for (var x = 0; x < image.Width; x += 1)
            {
                var c = image[x, y];
                total++;
                colours.Add(c);
                dark += c.R + c.G + c.B < 150 ? 1 : 0;
                blue += c == BoxBlue ? 1 : 0;
            }
        }

        // Not blank: text and the page's ruled table in black, many shades (anti-aliased text, the page image).
        Assert.True(colours.Count > 100, $"only {colours.Count} colours: the screenshot is blank");
        Assert.True(dark > total / 200, $"only {dark} dark pixels of {total}");

        // Page 1's 22 row boxes (2 px outlines of several hundred pixels each) are drawn in their colour.
        Assert.True(blue > 5_000, $"only {blue} pixels in the box colour: the boxes were not drawn");
    }

    [Fact]
    public void TheDomHasABoxForEveryIndicatorAndFundRow()
    {
        var run = Chromium("--dump-dom", new Uri(reviewed.Page).AbsoluteUri);
        Assert.True(run.ExitCode == 0, $"chromium --dump-dom failed (exit code {run.ExitCode}): {run.Stderr}");
        var dom = run.Stdout;
        Assert.Contains("<figure class=\"page\" id=\"page-8\">", dom, StringComparison.Ordinal);

        var boxes = Box().Matches(dom).Select(m => (Path: m.Groups["path"].Value, Style: m.Groups["style"].Value)).ToList();
        var boxed = boxes.Select(b => b.Path).ToHashSet();
        var missing = reviewed.IndicatorPaths.Concat(reviewed.FundRowPaths).Where(p => !boxed.Contains(p)).ToList();
        Assert.True(missing.Count == 0, "no box for " + string.Join(", ", missing));
        Assert.Equal(71, reviewed.IndicatorPaths.Count(boxed.Contains));

        // Each box lies on its page image (the image is the left 70% of its figure).
        foreach (var (path, style) in boxes)
        {
            var at = Position().Match(style);
            Assert.True(at.Success, $"{path}: {style}");
            var (left, top, width, height) = (Number(at, "left"), Number(at, "top"), Number(at, "width"), Number(at, "height"));
            Assert.True(left >= 0 && left + width <= 70.01 && top >= 0 && top + height <= 100.01 && width > 1 && height > 0.3, $"{path}: {style}");
        }

        // Nothing the browser would run; the JSON path is on the box for hovering.
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("<a class=\"box\" id=\"f0-i0-box\" href=\"#f0-i0\" data-path=\"forms\\[0\\]\\.indicators\\[0\\]\" style=\"[^\"]+\" title=\"forms\\[0\\]\\.indicators\\[0\\]", dom);
    }

    [Fact]
    public void AFormWhoseCellsHoldMarkupShowsItAsText()
    {
        // The seed with a project name that is a script and an indicator name that closes the style element.
        var seed = File.ReadAllText(TestFiles.Seed)
            .Replace("党群中心劳务费及分摊费", "<script>document.title='pwned'</script>", StringComparison.Ordinal)
            .Replace("发放劳务费的居民区书记及社工总人数", "</style><img src=x>发放劳务费", StringComparison.Ordinal);
        var input = Path.Combine(reviewed.Folder, "hostile.txt");
        File.WriteAllText(input, seed);
        var page = Path.Combine(reviewed.Folder, "hostile.html");
        var review = ExtractorProcess.Run("review", input, "-o", page);
        Assert.True(review.ExitCode == 0, review.Stderr);

        var run = Chromium("--dump-dom", new Uri(page).AbsoluteUri);
        Assert.True(run.ExitCode == 0, $"chromium --dump-dom failed (exit code {run.ExitCode}): {run.Stderr}");
        var dom = run.Stdout;

        // The browser built no script and no image, kept its one style element, and the title is the page's own.
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", dom, StringComparison.OrdinalIgnoreCase);
        Assert.Single(Regex.Matches(dom, "<style>"));
        Assert.Contains("<title>Review · hostile.txt</title>", dom, StringComparison.Ordinal);

        // The cells' text is there as text: in the form's head, the table of rows and the row text.
        Assert.Contains("<dd>&lt;script&gt;document.title='pwned'&lt;/script&gt;</dd>", dom, StringComparison.Ordinal);
        Assert.True(Regex.Count(dom, Regex.Escape("&lt;/style&gt;&lt;img src=x&gt;发放劳务费")) >= 2, "the indicator's name is shown as text in the rows and the row text");
    }

    private static double Number(Match match, string group) => double.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);

    private Programs.Outcome Chromium(params string[] arguments)
    {
        var chromium = Programs.Find("chromium") ?? Programs.Find("chromium-browser");
        Assert.True(chromium is not null, "chromium is not installed: the review page's browser test needs it (Debian: apt-get install chromium; scripts/test.sh installs it)");

        // --no-sandbox: Chromium refuses to run as root with its sandbox, as in CI containers. A profile of its own per run.
        var profile = Directory.CreateTempSubdirectory("extractor-chromium-").FullName;
        try
        {
            return Programs.Run(
                chromium,
                ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions", $"--user-data-dir={profile}", .. arguments],
                TimeSpan.FromSeconds(90),
                reviewed.Folder);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    [GeneratedRegex("<a class=\"box[^\"]*\"[^>]* data-path=\"(?<path>[^\"]+)\" style=\"(?<style>[^\"]+)\"")]
    private static partial Regex Box();

    [GeneratedRegex(@"left:\s*(?<left>[\d.]+)%;\s*top:\s*(?<top>[\d.]+)%;\s*width:\s*(?<width>[\d.]+)%;\s*height:\s*(?<height>[\d.]+)%")]
    private static partial Regex Position();
}
