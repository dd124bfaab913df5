using Extractor.Text;

namespace Extractor.Tests.Normalize;

/// <summary>The contract's whitespace rule: WhitespaceRule.Apply, Join, IsCjk, IsWhitespace.</summary>
public class WhitespaceRuleTests
{
    [Theory]
    [InlineData("年度 指标值", "年度指标值")]
    [InlineData("=39 人", "=39人")]
    [InlineData("实际 完成值", "实际完成值")]
    [InlineData("偏差原因分析及 改进措施", "偏差原因分析及改进措施")]
    [InlineData("年度 总体 目标", "年度总体目标")]
    [InlineData("(2023 年度)", "(2023年度)")]
    [InlineData("项目资金 (元)", "项目资金(元)")]
    [InlineData("项目名称 ： 党群", "项目名称：党群")]
    [InlineData("ABC 公司", "ABC公司")]
    [InlineData("“两新” 党建", "“两新”党建")]
    [InlineData("86.19 ％", "86.19％")]
    [InlineData("新时代文明实践工作和\n社区志愿服务工作的考\n核达标率", "新时代文明实践工作和社区志愿服务工作的考核达标率")]
    public void WhitespaceNextToCjkIsDropped(string text, string expected)
    {
        Assert.Equal(expected, WhitespaceRule.Apply(text));
    }

    [Theory]
    [InlineData("hello   world", "hello world")]
    [InlineData("PDF  text\tlayer", "PDF text layer")]
    [InlineData("data\nset", "data set")]
    [InlineData("> 80 %", "> 80 %")]
    [InlineData("a\u00A0b", "a b")]
    [InlineData("A\u3000B", "A B")]
    [InlineData("ISO  9001", "ISO 9001")]
    public void OtherRunsOfWhitespaceBecomeOneSpace(string text, string expected)
    {
        Assert.Equal(expected, WhitespaceRule.Apply(text));
    }

    [Theory]
    [InlineData("  trimmed  ", "trimmed")]
    [InlineData("\t年度\t", "年度")]
    [InlineData("\u3000年度\u3000", "年度")]
    [InlineData("\r\n规范\r\n", "规范")]
    [InlineData("   ", "")]
    [InlineData("\u3000\u3000", "")]
    [InlineData("", "")]
    public void TextIsTrimmed(string text, string expected)
    {
        Assert.Equal(expected, WhitespaceRule.Apply(text));
    }

    [Theory]
    [InlineData("年度\u3000指标值", "年度指标值")]
    [InlineData("年度\u3000\u3000指标值", "年度指标值")]
    [InlineData("年度 \u3000 指标值", "年度指标值")]
    public void IdeographicSpaceIsWhitespace(string text, string expected)
    {
        Assert.Equal(expected, WhitespaceRule.Apply(text));
    }

    [Theory]
    [InlineData("其中：当年财政拨款")]
    [InlineData("（沪委办〔2021〕33号）")]
    [InlineData("≥95%")]
    [InlineData("11,999,665.86")]
    [InlineData("ＡＢＣ")]
    public void NothingElseChanges(string text)
    {
        Assert.Equal(text, WhitespaceRule.Apply(text));
    }

    [Theory]
    [InlineData("\U00020000 测试", "\U00020000测试")]
    [InlineData("测试 \U00020000", "测试\U00020000")]
    [InlineData("abc \U00020000", "abc\U00020000")]
    [InlineData("\U00020000 abc", "\U00020000abc")]
    [InlineData("\U0002A700 \U0002A701", "\U0002A700\U0002A701")]
    public void SurrogatePairIdeographsCountAsCjk(string text, string expected)
    {
        Assert.Equal(expected, WhitespaceRule.Apply(text));
    }

    [Fact]
    public void SurrogatePairsOutsideCjkKeepTheSpace()
    {
        Assert.Equal("\U0001F600 abc", WhitespaceRule.Apply("\U0001F600  abc"));
    }

    [Fact]
    public void JoinRebuildsAnIndicatorSplitByAPageBreak()
    {
        Assert.Equal(
            "杨行镇“两新”党建工作和“两新”党员教育管理工作的考核达标率",
            WhitespaceRule.Join("杨行镇“两新”党建工", "作和“两新”党员教育 管理工作的考核达标率"));
    }

    [Fact]
    public void JoinRebuildsACellWrappedOverSeveralLines()
    {
        Assert.Equal(
            "新时代文明实践工作和社区志愿服务工作的考核达标率",
            WhitespaceRule.Join(["新时代文明实践工作和", "社区志愿服务工作的考", "核达标率"]));
    }

    [Theory]
    [InlineData("Data", "Center", "Data Center")]
    [InlineData("完善党员党组织建设 ", " 立持续发展", "完善党员党组织建设立持续发展")]
    [InlineData("ISO", "9001认证", "ISO 9001认证")]
    [InlineData("\U00020000", "测", "\U00020000测")]
    [InlineData("", "规范", "规范")]
    [InlineData("", "", "")]
    public void JoinAppliesTheRuleAtTheSeam(string first, string second, string expected)
    {
        Assert.Equal(expected, WhitespaceRule.Join(first, second));
    }

    [Fact]
    public void JoinSkipsEmptyPieces()
    {
        Assert.Equal("a b", WhitespaceRule.Join(["", "a", "", "b", ""]));
    }

    [Fact]
    public void NullIsRefused()
    {
        Assert.Throws<ArgumentNullException>(() => WhitespaceRule.Apply(null!));
        Assert.Throws<ArgumentNullException>(() => WhitespaceRule.Join(null!));
    }

    [Theory]
    [InlineData(0x4E00, true)]
    [InlineData(0x9FFF, true)]
    [InlineData(0x3400, true)]
    [InlineData(0x20000, true)]
    [InlineData(0x2A700, true)]
    [InlineData(0x3002, true)]
    [InlineData(0xFF1A, true)]
    [InlineData(0xFF05, true)]
    [InlineData(0x201C, true)]
    [InlineData(0x2014, true)]
    [InlineData('A', false)]
    [InlineData('5', false)]
    [InlineData('%', false)]
    [InlineData(0x1F600, false)]
    public void IsCjkCoversIdeographsAndFullWidthPunctuation(int codePoint, bool expected)
    {
        Assert.Equal(expected, WhitespaceRule.IsCjk(codePoint));
    }

    [Theory]
    [InlineData(' ', true)]
    [InlineData('\t', true)]
    [InlineData('\u3000', true)]
    [InlineData('\u00A0', true)]
    [InlineData('\uFEFF', false)]
    [InlineData('\u200B', false)]
    [InlineData('a', false)]
    [InlineData('年', false)]
    public void IsWhitespaceIncludesIdeographicAndNoBreakSpaces(char c, bool expected)
    {
        Assert.Equal(expected, WhitespaceRule.IsWhitespace(c));
    }

    [Theory]
    [InlineData("ab\u200Bcd", "abcd")]
    [InlineData("a\uFEFFb c", "ab c")]
    [InlineData("年度\u200B 指标值", "年度指标值")]
    public void ZeroWidthCharactersVanishInsteadOfBecomingSpaces(string input, string expected)
    {
        Assert.Equal(expected, WhitespaceRule.Apply(input));
    }
}
