
using Extractor.Sources.Ocr;

namespace Extractor.Tests.Ocr;

public sealed class OcrCellTextTests
{
    [Theory]
    [InlineData("2.350.00", "2,350.00")]
    [InlineData("11,999.663.86", "11,999,663.86")]
    [InlineData("1OO%", "100%")]
    [InlineData("47 .2公里", "47.2公里")]
    [InlineData("808 ,538", "808,538")]
    [InlineData("<-=3万元", "<=3万元")]
    [InlineData("|95%", "95%")]
    [InlineData("社会效荤指标", "社会效益指标")]
    [InlineData("财政专户管理次金", "财政专户管理资金")]
    [InlineData("年度资金总额，", "年度资金总额：")]
    [InlineData("94.00S", "94.00%")]
    [InlineData(">=90 s", ">=90%")]
    public void KnownMisreadingsAreRepairedAndReported(string read, string expected)
    {
        var (text, repairs) = OcrCellText.Repair(read);
        Assert.Equal(expected, text);
        Assert.NotEmpty(repairs);
        Assert.Contains(read, repairs[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("93.55%")]
    [InlineData("2,350.00")]
    [InlineData("路面技术状况指数（PQI）")]
    [InlineData("O型")]
    [InlineData("及时")]
    [InlineData("=36公里")]
    [InlineData("93.5")]
    [InlineData("SS")]
    [InlineData("3S镇")]
    public void WellReadCellsAreLeftAlone(string read)
    {
        var (text, repairs) = OcrCellText.Repair(read);
        Assert.Equal(read, text);
        Assert.Empty(repairs);
    }

    [Theory]
    [InlineData("93,.535$", "93.55%", "93.55%")] // the Latin model reads numbers
    [InlineData("扣", "6", "6")] // a lone digit the Chinese model took for a character
    [InlineData("1296公里", "129625", "1296公里")] // the unit keeps the Chinese reading
    [InlineData("及时", "Ab", "及时")]
    [InlineData(">=859%", ">=85%", ">=85%")]
    [InlineData(">=859%", "285%", ">=85%")] // the sign the Chinese model read, less the Latin model's 2 for it
    [InlineData(">909%", "90%", ">90%")]
    [InlineData("98.36", null, "98.36")]
    public void TheLatinReadingWinsOnlyForPlainNumbers(string chinese, string? latin, string expected) =>
        Assert.Equal(expected, OcrCellText.Choose(chinese, latin));

    [Theory]
    [InlineData("人4", "4", 95, "4")] // a stray character before the same number
    [InlineData("了4", "4", 95, "4")]
    [InlineData("人4", "14", 95, "人4")] // not the same number
    [InlineData("100多", "100%", 95, "100%")] // no unit where the Latin model read %
    [InlineData(">80罗", ">80%", 95, ">80%")]
    [InlineData("100个", "100%", 95, "100个")] // a unit stays
    [InlineData("98人", "98%", 95, "98人")]
    [InlineData("多", "%", 95, "%")] // % alone in its cell
    [InlineData("个", "%", 95, "个")]
    [InlineData("巴口", "5", 40, "5")] // a short reading tesseract was unsure of
    [InlineData("巴口", "5", 90, "巴口")]
    [InlineData("及时完成", "5", 40, "及时完成")] // too long for a misread digit
    [InlineData("巴5", "5", 40, "5")]
    [InlineData("1.5", "15", 95, "1.5")] // the Latin model lost the point
    [InlineData("1.5", "1.6", 95, "1.6")] // other digits: the Latin reading
    [InlineData("15", "1.5", 95, "1.5")]
    [InlineData("1.5.", "15", 95, "15")]
    public void TheLatinReadingWinsWhereTheChineseOneMisreadANumber(string chinese, string latin, double sureness, string expected) =>
        Assert.Equal(expected, OcrCellText.Choose(chinese, latin, sureness));

    [Theory]
    [InlineData("疡45公里", "≥", false, "≥45公里")]
    [InlineData("285%", "≥", true, "≥85%")] // the Latin model's 2 for ≥
    [InlineData("90%", "≥", false, "≥90%")] // a sign not read at all
    [InlineData(">1280公里", "≥", false, "≥1280公里")] // the bar under > was lost
    [InlineData(">=85%", ">", false, ">=85%")] // two characters read as printed
    [InlineData("≤3万元", "<", false, "≤3万元")]
    [InlineData("及时", "≥", false, "及时")] // not a value
    [InlineData("和150元/平方米", "≤", false, "≤150元/平方米")] // a compound unit
    [InlineData("≥90%", "≧", false, "≧90%")] // the shape's second bar
    [InlineData("＞85%", ">", false, "＞85%")] // a full-width sign read as printed
    [InlineData("=85%", ">", false, ">85%")] // read as another sign
    [InlineData("2,350.00", "≤", true, "≤2,350.00")] // the 2 stays when no digit follows it
    [InlineData("23次", ">=", true, ">=23次")] // only ≥ and ≤ are read as 2
    [InlineData("> 3个", "＞", false, "＞3个")] // the shape is full-width, the reading half-width
    [InlineData("＝12个", "＝", false, "＝12个")]
    public void TheSignSeenInTheImageReplacesWhatWasReadBeforeTheNumber(string text, string sign, bool latin, string expected) =>
        Assert.Equal(expected, OcrCellText.WithOperator(text, sign, latin));

    [Theory]
    [InlineData("之", "≥", "≥")] // a character read for the sign
    [InlineData("2", "≥", "≥")] // the Latin model's 2
    [InlineData("", "=", "=")] // nothing read at all
    [InlineData("> =", ">", ">=")] // two characters read as printed
    [InlineData("＝", "=", "＝")] // a full-width sign read as printed
    [InlineData("≥", ">", "≥")] // blur hid the bar from the shape
    [InlineData(">", "≥", "≥")] // OCR lost the bar
    [InlineData("三", "≤", "≤")]
    public void ASignAloneInItsCellIsTheShapeUnlessOcrReadIt(string text, string sign, string expected) =>
        Assert.Equal(expected, OcrCellText.SignAlone(text, sign));

    [Theory]
    [InlineData("完成时间〈自工程完工之日起计算)", "完成时间（自工程完工之日起计算）")] // 〈 closed by a parenthesis: （ misread
    [InlineData("达标率《中心温度不低于60℃)", "达标率（中心温度不低于60℃）")]
    [InlineData("化学需氧量（COD)年削减量", "化学需氧量（COD）年削减量")] // a pair is of one width
    [InlineData("党群中心(新址）", "党群中心（新址）")]
    [InlineData("“两新\"党支部数量", "“两新”党支部数量")] // " closing a “
    [InlineData("\"两新”党支部数量", "“两新”党支部数量")]
    public void BracketsAndQuotesAreMadeToMatchTheirPartner(string read, string expected)
    {
        Assert.Equal(expected, OcrCellText.Pairs(read));
        var (text, repairs) = OcrCellText.Repair(read);
        Assert.Equal(expected, text);
        Assert.Contains(repairs, r => r.StartsWith("brackets and quotes paired", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("《上海市街道社区党群服务中心体系功能建设指导意见》")] // book title marks
    [InlineData("化学需氧量(COD)年削减量")] // a half-width pair
    [InlineData("\"两新\"党支部")] // straight quotes with nothing to tell their form
    [InlineData("指数(PQI")] // unclosed
    [InlineData("〈2〉和(3)")]
    public void BracketsAndQuotesWithoutEvidenceAreLeftAlone(string read) =>
        Assert.Equal(read, OcrCellText.Pairs(read));

    [Fact]
    public void OtherReadingsAreTheDifferentNumbersOcrMade()
    {
        static List<OcrWord> Words(string text, double confidence) => [new OcrWord(0, 1, 1, 1, 0, 0, 10, 10, confidence, text)];

        // Chosen: the Latin 9400% (no decimal point). The Chinese readings at two resolutions and the Latin
        // one alone give 94.00% (S repaired), 94.0% and 9400%; the last is the chosen text and not repeated.
        var others = OcrEngine.OtherReadings("9400%", [Words("94.00S", 80), Words("94.0%", 60), null], "9400%");
        Assert.Equal("94.00% | 94.0%", string.Join(" | ", others));

        // A cell without a digit has no other readings for the checks.
        Assert.Empty(OcrEngine.OtherReadings("及时", [Words("及吋", 50)], null));
    }

    [Fact]
    public void ALineOfTheTextAroundTheTablesIsSnappedOntoTheTitleWordByWord()
    {
        // The title read in three words with one character wrong (芭 for 项); the note under it is left alone.
        List<OcrWord> words =
        [
            new(0, 1, 1, 1, 100, 10, 60, 30, 90, "财政芭"),
            new(0, 1, 1, 1, 160, 10, 80, 30, 90, "目支出绩"),
            new(0, 1, 1, 1, 240, 10, 80, 30, 90, "效自评表"),
            new(0, 1, 1, 2, 150, 50, 80, 20, 90, "(2023年度)"),
        ];
        var (snapped, repairs) = OcrEngine.SnapLines(words);
        Assert.Equal("财政项|目支出绩|效自评表|(2023年度)", string.Join("|", snapped.Select(w => w.Text)));
        Assert.Equal(words.Select(w => w.Left), snapped.Select(w => w.Left));
        Assert.Equal("label snapped to the vocabulary: '财政芭目支出绩效自评表' → '财政项目支出绩效自评表'", Assert.Single(repairs));
    }

    [Fact]
    public void WordsOfOneLineTakeTheLinesHeight()
    {
        // 支出绩效 read a little higher than the words beside it: all three take the line's top and bottom.
        List<OcrWord> words =
        [
            new(0, 1, 1, 1, 100, 20, 60, 30, 90, "财政项目"),
            new(0, 1, 1, 1, 160, 8, 80, 30, 90, "支出绩效"),
            new(0, 1, 1, 1, 240, 22, 80, 30, 90, "自评表"),
            new(0, 1, 1, 2, 150, 70, 80, 20, 90, "(2023年度)"),
        ];
        var level = OcrEngine.OnTheirLines(words);
        Assert.All(level.Take(3), w => Assert.Equal((8, 52), (w.Top, w.Bottom)));
        Assert.Equal((70, 90), (level[3].Top, level[3].Bottom));
        Assert.Equal(words.Select(w => (w.Left, w.Width, w.Text)), level.Select(w => (w.Left, w.Width, w.Text)));
    }
}
