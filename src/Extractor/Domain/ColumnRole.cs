namespace Extractor.Domain;

/// <summary>What a column of a header row holds.</summary>
internal enum ColumnRole
{
    /// <summary>A header cell this grammar does not map to a field.</summary>
    Unknown,

    /// <summary>项目资金 rows: the row label column.</summary>
    FundLabel,

    /// <summary>年初预算数.</summary>
    InitialBudget,

    /// <summary>全年预算数 / 调整后预算数.</summary>
    AnnualBudget,

    /// <summary>全年执行数 / 预算执行数.</summary>
    Executed,

    /// <summary>执行率 / 预算执行率.</summary>
    ExecutionRate,

    /// <summary>分值 / 权重.</summary>
    Weight,

    /// <summary>得分.</summary>
    Score,

    /// <summary>一级指标.</summary>
    Level1,

    /// <summary>二级指标.</summary>
    Level2,

    /// <summary>三级指标.</summary>
    Name,

    /// <summary>年度指标值.</summary>
    Target,

    /// <summary>实际完成值 / 全年实际值.</summary>
    Actual,

    /// <summary>偏差原因分析及改进措施 / 未完成原因….</summary>
    Reason,

    /// <summary>指标性质: the operator part of a split target.</summary>
    TargetOperator,

    /// <summary>指标值: the number part of a split target.</summary>
    TargetValue,

    /// <summary>度量单位: the unit part of a split target.</summary>
    TargetUnit,

    /// <summary>预期目标 / 年初设定目标.</summary>
    GoalExpected,

    /// <summary>实际完成情况 / 年度总体目标完成情况综述.</summary>
    GoalActual,
}
