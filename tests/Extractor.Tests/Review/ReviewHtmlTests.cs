using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Extractor.Model;
using Extractor.Review;

namespace Extractor.Tests.Review;

/// <summary>The review page: what a document's cells hold is only ever text, the page loads nothing, and boxes sit where the provenance says.</summary>
public partial class ReviewHtmlTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string StyleEnd = "</style><b>bold</b>";

    [Fact]
    public void CellsHoldingMarkupRenderOnlyAsEscapedText()
    {
        var html = ReviewHtml.Write(new ReviewContent(Hostile(), [Image()], RowText: $"项目名称\t{Script}\n指标\t{StyleEnd}\t\"'&\n", Notices: [$"note {Script}"]));

        // The page's own style element is the only one; no script element at all.
        Assert.Equal(1, Count(html, "<style>"));
        Assert.Equal(1, Count(html, "</style>"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);

        // Everything hostile is there, escaped: in the head fields, the box labels, tooltips, tables and notices.
        Assert.True(Count(html, "&lt;script&gt;alert(1)&lt;/script&gt;") >= 5, "the script text is shown escaped wherever it was read");
        Assert.Contains("<dd>&lt;script&gt;alert(1)&lt;/script&gt;</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<b>&lt;/style&gt;&lt;b&gt;bold&lt;/b&gt;</b>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&quot;&#39;&amp;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<li>note &lt;script&gt;alert(1)&lt;/script&gt;</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePageLoadsNothingFromTheNetwork()
    {
        var html = ReviewHtml.Write(new ReviewContent(Hostile(), [Image()], RowText: "a\thttp://example.com/x.png", Notices: []));

        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ReviewHtml.ContentSecurityPolicy}\">", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", ReviewHtml.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotMatch(Url(), html.Replace("<td>http://example.com/x.png</td>", string.Empty, StringComparison.Ordinal));
        Assert.Equal(1, Count(html, "http://example.com/x.png"));

        // The one resource is the page image, inline.
        var sources = Source().Matches(html).Select(m => m.Groups["value"].Value).ToList();
        Assert.Equal(["data:image/png;base64,iVBORw0KGgo="], sources);
        Assert.DoesNotContain(" href=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void EveryRowHasItsBoxWhereItsProvenanceSaysAndItsMarks()
    {
        var html = ReviewHtml.Write(new ReviewContent(Hostile(), [Image()], RowText: null, Notices: []));

        // The first indicator: x 59.53–119.06 of 595.3 (10%–20%), y 757.7–673.5 of 842 from the top (10%–20%); the image is 70% of the figure's width.
        var first = Box().Matches(html).Single(m => m.Groups["path"].Value == "forms[0].indicators[0]");
        Assert.Equal(" check-error", first.Groups["marks"].Value);
        Assert.Equal("left:7%;top:10%;width:7%;height:10%", first.Groups["style"].Value);
        var second = Box().Matches(html).Single(m => m.Groups["path"].Value == "forms[0].indicators[1]");
        Assert.Equal(" low-confidence", second.Groups["marks"].Value);
        var fund = Box().Matches(html).Single(m => m.Groups["path"].Value == "forms[0].funds.rows[0]");
        Assert.Equal(string.Empty, fund.Groups["marks"].Value);

        // The path and values on hover, the values beside the box.
        Assert.Contains("title=\"forms[0].indicators[0]&#10;一级指标 产出指标&#10;二级指标 数量指标&#10;三级指标 &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("目标 =39人 · 实际 38人 · 分值 5 · 得分 5</span>", html, StringComparison.Ordinal);

        // The check links to the box; the row table lists the rows, none undrawn.
        Assert.Contains("<a href=\"#f0-i0-box\">forms[0].indicators[0]</a> <b>score-sum-mismatch</b>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Rows read (3)</summary>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutImagesTheRowsAndTheRowTextAreTables()
    {
        var document = Hostile() with { Source = new SourceInfo("seed.txt", "00", SourceKinds.Text, 1) };
        var html = ReviewHtml.Write(new ReviewContent(document, [], RowText: "项目名称\tx\n指标\ty\n", Notices: ["text input has no page images"]));

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("<details open><summary>Rows read (3)</summary>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"record check-error\" id=\"f0-i0\" data-path=\"forms[0].indicators[0]\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"read\" data-paths=\"forms[0].indicators[0]\" title=\"forms[0].indicators[0]\"><th>2</th><td>指标</td><td>y</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Row text (2 lines)</summary>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 10, 60, 20, 70)]
    [InlineData(90, 30, 10, 40, 20)] // turned clockwise: user y runs across the displayed page, user x up it
    [InlineData(180, 80, 30, 90, 40)]
    [InlineData(270, 60, 80, 70, 90)]
    public void BoxesFollowThePagesRotation(int rotation, double left, double top, double right, double bottom)
    {
        // A square page of 100 points with its crop box at (50, 50); the box spans x 10–20 and y 30–40 from the crop box's corner.
        var frame = new PageFrame(1, 50, 50, 100, 100, rotation);
        var at = frame.ToPercent(new PageBox(1, 60, 80, 70, 90))!.Value;
        Assert.Equal(left, at.Left, 6);
        Assert.Equal(top, at.Top, 6);
        Assert.Equal(right - left, at.Width, 6);
        Assert.Equal(bottom - top, at.Height, 6);
    }

    [Fact]
    public void ABoxOffThePageIsNotDrawn()
    {
        var frame = new PageFrame(1, 0, 0, 100, 100, 0);
        Assert.Null(frame.ToPercent(new PageBox(1, 200, 200, 300, 300)));
        Assert.Equal((0.0, 50.0, 50.0, 50.0), frame.ToPercent(new PageBox(1, -20, -20, 50, 50)));
    }

    private static Document Hostile()
    {
        var boxes = (double x0, double y0, double x1, double y1) => new RowSource([1], [new PageBox(1, x0, y0, x1, y1)], null);
        var fund = new FundRow(Script, FundRowKeys.Total, 100m, 100m, 100m, 10m, 100m, 10m, boxes(59.53, 780, 500, 800));
        var first = new Indicator("产出指标", "数量指标", Script, new Measure("=39人", "=", 39m, "人", null), new Measure("38人", null, 38m, "人", null), 5m, 5m, null, new RowSource([1], [new PageBox(1, 59.53, 673.6, 119.06, 757.8)], [2]));
        var second = new Indicator("效益指标", "社会效益指标", StyleEnd, new Measure("及时", null, null, null, "及时"), new Measure(Script, null, null, null, Script), 5m, 4m, Script, boxes(59.53, 600, 500, 620));
        var form = new Form(
            "财政项目支出绩效自评表", 2023, Script, StyleEnd, "单位", new Funds("元", [fund]), new Goals(Script, StyleEnd), [first, second], new Total(100m, 96m),
            [new Check(CheckCodes.ScoreSumMismatch, Severity.Error, $"sum {Script}", "/indicators/0", 100m, 96m)],
            new FormSource([1]));
        var lowConfidence = new Diagnostic(DiagnosticCodes.OcrLowConfidence, Severity.Warning, $"low {Script}", 1, null, Script) { Path = "/forms/0/indicators/1/actual" };
        return new Document(1, new SourceInfo($"dir/{Script}.pdf", "ab", SourceKinds.Pdf, 1), [form], [lowConfidence]);
    }

    /// <summary>An A4 page (595.3 × 842 points) with a stand-in image: the page only embeds the bytes.</summary>
    private static ReviewPageImage Image() => new(new PageFrame(1, 0, 0, 595.3, 842, 0), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    private static int Count(string text, string part) => Regex.Count(text, Regex.Escape(part));

    [GeneratedRegex(@"(?i)(https?|ftp|wss?):|//[a-z0-9]")]
    private static partial Regex Url();

    [GeneratedRegex("(?i)\\ssrc=\"(?<value>[^\"]*)\"")]
    private static partial Regex Source();

    [GeneratedRegex("<a class=\"box(?<marks>[^\"]*)\"[^>]* data-path=\"(?<path>[^\"]+)\" style=\"(?<style>[^\"]+)\"")]
    private static partial Regex Box();
}
