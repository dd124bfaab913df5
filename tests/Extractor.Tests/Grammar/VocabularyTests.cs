using Extractor.Domain;

namespace Extractor.Tests.Grammar;

/// <summary>The fixed vocabulary: 一级/二级 names, table, goals and total labels, points notes.</summary>
public class VocabularyTests
{
    [Theory]
    [InlineData("产出指标", "产出指标")]
    [InlineData("效益指标", "效益指标")]
    [InlineData("满意度指标", "满意度指标")]
    [InlineData("产出指标(50分)", "产出指标")]
    [InlineData("效益指标（30 分）", "效益指标")]
    [InlineData("满意度指标(10)", "满意度指标")]
    public void Level1OfNamesTheLevel1WithoutPointsNote(string cell, string expected)
    {
        Assert.Equal(expected, Vocabulary.Level1Of(cell));
    }

    [Theory]
    [InlineData("数量指标")]
    [InlineData("一级指标")]
    [InlineData("产出")]
    [InlineData("产出指标(50分)说明")]
    public void Level1OfOtherCellsIsNull(string cell)
    {
        Assert.Null(Vocabulary.Level1Of(cell));
    }

    [Theory]
    [InlineData("数量指标", "数量指标")]
    [InlineData("社会效益指标（10分）", "社会效益指标")]
    [InlineData("服务对象满意度指标", "服务对象满意度指标")]
    public void Level2OfNamesAKnownLevel2(string cell, string expected)
    {
        Assert.Equal(expected, Vocabulary.Level2Of(cell));
    }

    [Theory]
    [InlineData("产出指标")]
    [InlineData("发放劳务费的居民区书记及社工总人数")]
    public void Level2OfOtherCellsIsNull(string cell)
    {
        Assert.Null(Vocabulary.Level2Of(cell));
    }

    [Theory]
    [InlineData("数量指标", "产出指标")]
    [InlineData("质量指标", "产出指标")]
    [InlineData("时效指标", "产出指标")]
    [InlineData("成本指标", "产出指标")]
    [InlineData("经济成本指标", "产出指标")]
    [InlineData("社会成本指标", "产出指标")]
    [InlineData("生态环境成本指标", "产出指标")]
    [InlineData("经济效益指标", "效益指标")]
    [InlineData("社会效益指标", "效益指标")]
    [InlineData("生态效益指标", "效益指标")]
    [InlineData("可持续影响指标", "效益指标")]
    [InlineData("服务对象满意度指标", "满意度指标")]
    [InlineData("社会公众或服务对象满意度指标", "满意度指标")]
    [InlineData("服务对象满意度", "满意度指标")]
    [InlineData("社会效益", "效益指标")]
    [InlineData("可持续影响", "效益指标")]
    [InlineData("数量", "产出指标")]
    [InlineData("时效", "产出指标")]
    public void ParentOfGivesTheLevel1OfALevel2(string level2, string expected)
    {
        Assert.Equal(expected, Vocabulary.ParentOf(level2));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("其他指标")]
    [InlineData("")]
    public void ParentOfAnUnknownLevel2IsNull(string? level2)
    {
        Assert.Null(Vocabulary.ParentOf(level2));
    }

    [Theory]
    [InlineData("绩效指标", true)]
    [InlineData("绩效指标(100分)", true)]
    [InlineData("绩效目标", false)]
    [InlineData("指标", false)]
    [InlineData("一级指标", false)]
    [InlineData("产出指标", false)]
    public void IsTableLabelKnowsTheMergedTableLabel(string cell, bool expected)
    {
        Assert.Equal(expected, Vocabulary.IsTableLabel(cell));
    }

    [Theory]
    [InlineData("年度总体目标", true)]
    [InlineData("总体目标", true)]
    [InlineData("年度目标", true)]
    [InlineData("预期目标", false)]
    [InlineData("年度 总体 目标", false)]
    public void IsGoalsLabelKnowsTheGoalsLabel(string cell, bool expected)
    {
        Assert.Equal(expected, Vocabulary.IsGoalsLabel(cell));
    }

    [Theory]
    [InlineData("总分", true)]
    [InlineData("合计", true)]
    [InlineData("总计", true)]
    [InlineData("总得分", true)]
    [InlineData("总分值", false)]
    [InlineData("分值", false)]
    public void IsTotalLabelKnowsTheTotalLabel(string cell, bool expected)
    {
        Assert.Equal(expected, Vocabulary.IsTotalLabel(cell));
    }

    [Theory]
    [InlineData("产出指标(50分)", "产出指标")]
    [InlineData("产出指标 （50.5 分）", "产出指标")]
    [InlineData("产出指标（50）", "产出指标")]
    [InlineData("产出指标(A)", "产出指标(A)")]
    [InlineData("产出指标(50分)说明", "产出指标(50分)说明")]
    [InlineData("产出指标", "产出指标")]
    [InlineData("产出指标(50", "产出指标")]
    [InlineData("效益指标（30分", "效益指标")]
    [InlineData("人数(50", "人数(50")]
    public void StripPointsNoteRemovesOnlyATrailingPointsNote(string cell, string expected)
    {
        Assert.Equal(expected, Vocabulary.StripPointsNote(cell));
    }

    [Theory]
    [InlineData("分)", true)]
    [InlineData("0分）", true)]
    [InlineData(")", true)]
    [InlineData("分", false)]
    [InlineData("50", false)]
    [InlineData("（50分）", false)]
    public void IsPointsNoteTailKnowsACutNotesTail(string cell, bool expected)
    {
        Assert.Equal(expected, Vocabulary.IsPointsNoteTail(cell));
    }

    [Theory]
    [InlineData("可持续影", null, "可持续影响指标")]
    [InlineData("数量指", null, "数量指标")]
    [InlineData("经济效益", null, "经济效益指标")]
    [InlineData("产出", "产出指标", null)]
    [InlineData("效益指", "效益指标", null)]
    [InlineData("效益", "效益指标", null)]
    [InlineData("满意度", "满意度指标", null)]
    public void CompleteLabelFindsTheOnlyLabelAStartBelongsTo(string start, string? level1, string? level2)
    {
        Assert.Equal((level1, level2), Vocabulary.CompleteLabel(start));
    }

    [Theory]
    [InlineData("服务对象满意度指标")]
    [InlineData("指")]
    [InlineData("培训村级保洁")]
    public void CompleteLabelRefusesWholeNamesSingleCharactersAndForeignText(string start)
    {
        Assert.Null(Vocabulary.CompleteLabel(start));
    }
}
