using System.Text;
using Extractor.Conversion;
using Extractor.Model;

namespace Extractor.Tests.Conversion;

/// <summary>The limits on row-text input count lines the way the reader splits them.</summary>
public sealed class TextLimitTests
{
    private static Diagnostic? Error(string text, ExtractorOptions options) =>
        DocumentConverter.Convert("rows.txt", Encoding.UTF8.GetBytes(text), options).Diagnostics.FirstOrDefault(d => d.Code == DiagnosticCodes.Unreadable);

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void LinesEndedByLfCrLfOrCrAloneCountTowardsTheLineLimit(string end)
    {
        // Old Mac files end lines with CR alone: counted as one long line, 300 short lines were refused as too long.
        var text = string.Concat(Enumerable.Repeat("总分\t100" + end, 300));
        var options = new ExtractorOptions(MaxLines: 200, MaxLineLength: 1000);
        Assert.Equal("rows.txt: more than 200 lines", Error(text, options)?.Message);
        Assert.Null(Error(text, new ExtractorOptions(MaxLines: 400, MaxLineLength: 1000)));
    }

    [Fact]
    public void RowTextOverItsSizeLimitIsRefusedBeforeItIsRead()
    {
        // Lines of tabs within the line limits still cost the stages after reading a copy per line; the text's
        // own size limit keeps that bounded (a 128 MB file of them took 2 GB).
        var text = string.Concat(Enumerable.Repeat(new string('\t', 998) + "x\n", 200));
        var options = ExtractorOptions.Default with { MaxTextBytes = 100_000 };
        Assert.Equal("rows.txt: the text is 200000 bytes, more than the limit of 100000 for row text", Error(text, options)?.Message);
    }
}
