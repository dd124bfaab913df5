
using Extractor.Sources.Ocr;

namespace Extractor.Tests.Ocr;

public sealed class TextLayerQualityTests
{
    [Fact]
    public void AGoodLayerIsKept()
    {
        var quality = TextLayerQuality.Judge("财政项目支出绩效自评表\n项目名称 党群中心劳务费及分摊费\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n发放劳务费的居民区书记及社工总人数 =39人 39人 5 5");
        Assert.False(quality.IsPoor, quality.ToString());
        Assert.True(quality.SpacedCjkShare < TextLayerQuality.MaxSpacedCjkShare);
    }

    [Fact]
    public void ATesseractLikeLayerWithSpacesBetweenCharactersIsPoor()
    {
        var quality = TextLayerQuality.Judge("部 门 预算 项 目 支出 绩效 自 评 表\n(2020 年 度 )\n项 目 名 称 | 区 级 应 急 物资 储备 库 运 行 维护\n主管 部 门 鄞州 区 应 急 管理 局 实施 单位 误 州 区");
        Assert.True(quality.IsPoor, quality.ToString());
        Assert.True(quality.SpacedCjkShare > 0.5);
    }

    [Fact]
    public void StrayMarksFromRulingsMakeALayerPoor()
    {
        var quality = TextLayerQuality.Judge("项目名称|农村公路养护工程省级补助资金|\n人Tea|al|KRS6E|aom|ze|wa ol ww|\n[农村公路]日常养护里程|~|_");
        Assert.True(quality.StrayShare >= TextLayerQuality.MaxStrayShare, quality.ToString());
        Assert.True(quality.IsPoor);
    }

    [Fact]
    public void TooLittleTextSaysNothing() => Assert.False(TextLayerQuality.Judge("项 目 名 称").IsPoor);
}
