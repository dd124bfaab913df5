using Extractor.Domain;
using Extractor.Grammar;
using Extractor.Layout;
using Extractor.Sources.Ocr;

namespace Extractor.Tests.Domain;

/// <summary>
/// Every list the pipeline uses is derived from the one vocabulary: each word of it is recognised where it
/// should be (header detection, the row grammar, fund keys, label snapping, cell values, OCR repair).
/// </summary>
public class VocabularyTests
{
    [Fact]
    public void EveryHeaderWordNamesItsColumnInItsBlock()
    {
        foreach (var header in Vocabulary.Headers)
        {
            var printed = header.Match switch
            {
                Match.Exact => header.Word,
                Match.Prefix => header.Word + "情况",
                Match.Suffix => "本年" + header.Word,
                _ => "本年" + header.Word + "情况",
            };
            Assert.True(HeaderNames.RoleOf(header.Block, printed) == header.Role, $"{header.Block} {printed}");
            Assert.True(HeaderNames.RoleOf(header.Block, printed + "（A）") == header.Role, $"{header.Block} {printed}（A）");
        }
    }

    [Fact]
    public void EveryAmountUnitHasItsValueIn元()
    {
        Assert.Equal(Vocabulary.AmountUnits.Order(StringComparer.Ordinal), Vocabulary.YuanPerAmountUnit.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(10_000m, Vocabulary.YuanPerAmountUnit["万元"]);
    }

    [Fact]
    public void EveryFundLabelHasItsKeyWithAndWithoutQiZhong()
    {
        foreach (var label in Vocabulary.FundLabels.Where(l => l.Match == Match.Exact))
        {
            Assert.True(FundKeys.Of(label.Word) == label.Key, label.Word);
            Assert.True(FundKeys.Of("其中：" + label.Word) == label.Key, "其中：" + label.Word);
            Assert.True(FundKeys.Of(label.Word + "：") == label.Key, label.Word + "：");
        }
    }

    [Fact]
    public void EveryHeadLabelStartsALabelValueRow()
    {
        foreach (var label in Vocabulary.HeadLabels)
        {
            var parsed = RowGrammar.TryParse(RowGrammar.LabelValueRow, Line(label.Word, "某某单位"));
            Assert.True(parsed.WasSuccessful, label.Word);
            Assert.Equal(label.Word, Assert.Single(parsed.Value.Pairs).Label);
        }
    }

    [Fact]
    public void EveryTitleIsATitleRow()
    {
        foreach (var title in Vocabulary.Titles)
        {
            Assert.True(Vocabulary.IsTitleText(title), title);
            Assert.Equal(title, RowGrammar.TryParse(RowGrammar.TitleRow, Line(title)).Value.Title);
        }
    }

    [Fact]
    public void EveryOperatorSpellingReadsAsItsOperator()
    {
        foreach (var (spelling, op) in Vocabulary.Operators)
        {
            var measure = CellGrammar.ReadMeasure(spelling + "95%");
            Assert.True(measure?.Operator == op, spelling);
            Assert.Equal(95m, measure!.Value);
        }
    }

    [Fact]
    public void EveryPlaceholderIsOne()
    {
        foreach (var mark in Vocabulary.PlaceholderMarks)
        {
            Assert.True(CellGrammar.IsPlaceholder(mark.ToString()), mark.ToString());
        }

        Assert.All(Vocabulary.PlaceholderWords, w => Assert.True(CellGrammar.IsPlaceholder(w), w));
    }

    [Fact]
    public void EveryLevelNameKnowsItsParent()
    {
        Assert.All(Vocabulary.Level1Names, n => Assert.Equal(n, Vocabulary.Level1Of(n + "(50分)")));
        foreach (var (name, parent) in Vocabulary.Level2Names)
        {
            Assert.Equal(name, Vocabulary.Level2Of(name));
            Assert.Equal(parent, Vocabulary.ParentOf(name));
        }
    }

    [Fact]
    public void BlockAndTotalLabelsAreKnown()
    {
        Assert.All(Vocabulary.GoalsLabels, l => Assert.True(Vocabulary.IsGoalsLabel(l), l));
        Assert.All(Vocabulary.TotalLabels, l => Assert.True(Vocabulary.IsTotalLabel(l), l));
        Assert.All(Vocabulary.FundsTitles, l => Assert.True(RowGrammar.TryParse(RowGrammar.FundsTitleRow, Line(l + "（万元）")).WasSuccessful, l));
    }

    [Fact]
    public void SnappingKnowsEveryWordAndLeavesEachAsItIs()
    {
        var words = Vocabulary.Level1Names
            .Concat(Vocabulary.Level2Names.Select(l => l.Name))
            .Concat(Vocabulary.Headers.Where(h => h.Match == Match.Exact).Select(h => h.Word))
            .Concat(Vocabulary.HeadLabels.Select(h => h.Word))
            .Concat(Vocabulary.Titles)
            .Concat(Vocabulary.TotalLabels)
            .Concat(Vocabulary.GoalsLabels);
        foreach (var word in words)
        {
            Assert.True(LabelSnapper.Words.Contains(word), word);
            Assert.Null(LabelSnapper.Snap(word));
        }
    }

    [Fact]
    public void TheGrammarReadsEveryUnit()
    {
        foreach (var unit in Vocabulary.Units)
        {
            Assert.True(CellGrammar.ReadMeasure("=12" + unit)?.Unit == unit, unit);
        }
    }

    [Theory]
    [InlineData("指标1：", true)]
    [InlineData("指标 12:/", true)]
    [InlineData("指标值:", true)]
    [InlineData("指标Ⅰ：", true)]
    [InlineData("……", true)]
    [InlineData("指标值", false)]
    [InlineData("指标值：达标", false)]
    [InlineData("年度指标值", false)]
    [InlineData("指标完成率", false)]
    public void TemplateResidueIsAnUnfilledRowsText(string cell, bool residue)
    {
        // 指标1： as a scan may read it (its 1 as 值): the colon says it is no header word.
        Assert.Equal(residue, Vocabulary.IsTemplateResidue(cell));
    }

    private static RowLine Line(params string[] cells) =>
        new(1, 1, [.. cells.Select((c, i) => new RowCell(i, c, []))]);
}
