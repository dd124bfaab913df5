using System.Collections.Immutable;
using Extractor.Model;

namespace Extractor.Domain;

/// <summary>
/// Every word the form family prints, written once. Header detection, the row grammar, label snapping,
/// fund keys and OCR repair all derive their lists from these tables: a new template's synonym is one
/// line here. Words are as printed after the whitespace rule, without column marks such as (A) or (B/A)
/// and without a trailing colon (both are stripped before lookup).
/// </summary>
internal static partial class Vocabulary
{
    /// <summary>产出指标.</summary>
    public const string Output = "产出指标";

    /// <summary>效益指标.</summary>
    public const string Benefit = "效益指标";

    /// <summary>满意度指标.</summary>
    public const string Satisfaction = "满意度指标";

    /// <summary>成本指标: a 二级 of 产出指标, printed as a 一级 of its own by the 2021 central template.</summary>
    public const string Cost = "成本指标";

    /// <summary>The label of the merged column that holds the whole indicator table.</summary>
    public const string PerformanceIndicators = "绩效指标";

    /// <summary>Headings of the family (a heading is recognised by <see cref="TitleEnding"/> and <see cref="TitleMarks"/>).</summary>
    public static readonly ImmutableArray<string> Titles =
    [
        "财政项目支出绩效自评表", "项目支出绩效自评表", "部门预算项目支出绩效自评表", "绩效目标自评表",
    ];

    /// <summary>What a heading ends with, when no year note follows it.</summary>
    public const string TitleEnding = "自评表";

    /// <summary>
    /// What a heading contains wherever it stands (a year note or a bracket may follow); 绩效目标自评 also without
    /// its 表, as sichuan-nanchong-langzhong-2021-shengdao prints it.
    /// </summary>
    public static readonly ImmutableArray<string> TitleMarks = ["绩效自评表", "绩效目标自评"];

    /// <summary>Longest heading.</summary>
    public const int TitleMaxLength = 60;

    /// <summary>Labels of the rows above the funds block, with the contract field their value fills (null: none).</summary>
    public static readonly ImmutableArray<HeadLabel> HeadLabels =
    [
        new("项目名称", HeadField.ProjectName),
        new("主管部门", HeadField.SupervisingDepartment),
        new("项目主管部门", HeadField.SupervisingDepartment),
        new("实施单位", HeadField.ImplementingUnit),
        new("项目实施单位", HeadField.ImplementingUnit),
        new("项目单位", HeadField.ImplementingUnit),
        new("专项资金名称", HeadField.ProjectName),
        new("资金名称", HeadField.ProjectName),
        new("县级主管部门", HeadField.SupervisingDepartment),
        new("主管单位", HeadField.SupervisingDepartment),
        new("实施单位（盖章）", HeadField.ImplementingUnit),
        new("实施单位(盖章)", HeadField.ImplementingUnit),
        new("项目实施单位（盖章）", HeadField.ImplementingUnit),
        new("地方主管部门", HeadField.SupervisingDepartment),
        new("中央主管部门", null),
        new("资金使用单位", HeadField.ImplementingUnit),
        new("预算单位", null),
        new("项目负责人", null),
        new("联系电话", null),
        new("填报单位", null),
        new("单位名称", null),
        new("项目编码", null),
        new("项目类别", null),
        new("项目属性", null),
        new("项目期限", null),
        new("填报日期", null),
        new("负责人及电话", null),
        new("项目负责人及电话", null),
        new("联系人", null),
        new("填报人", null),
    ];

    /// <summary>
    /// How head labels of other wordings end, with the field their value fills: 转移支付(项目)名称,
    /// 某某主管部门, 资金使用单位. Tried after the exact labels, in this order; a bracketed note such as
    /// （盖章） is not part of the label.
    /// </summary>
    public static readonly ImmutableArray<(string Word, Match Match, HeadField? Field)> HeadLabelPatterns =
    [
        ("项目名称", Match.Suffix, HeadField.ProjectName),
        ("资金名称", Match.Suffix, HeadField.ProjectName),
        ("主管部门", Match.Suffix, HeadField.SupervisingDepartment),
        ("主管单位", Match.Suffix, HeadField.SupervisingDepartment),
        ("实施单位", Match.Suffix, HeadField.ImplementingUnit),
        ("使用单位", Match.Suffix, HeadField.ImplementingUnit),
        ("执行单位", Match.Suffix, HeadField.ImplementingUnit),
        ("名称", Match.Suffix, HeadField.ProjectName),
        ("负责人", Match.Contains, null),
        ("联系电话", Match.Suffix, null),
        ("填报人", Match.Prefix, null),
        ("填报日期", Match.Prefix, null),
    ];

    /// <summary>Labels of the funds block (项目资金（元）: the unit in brackets is read apart).</summary>
    public static readonly ImmutableArray<string> FundsTitles = ["项目资金", "资金情况", "预算执行情况", "资金投入情况", "资金使用情况", "项目资金情况"];

    /// <summary>Units an amount of the funds block is given in.</summary>
    public static readonly ImmutableArray<string> AmountUnits = ["万元", "元"];

    /// <summary>How many 元 one of each amount unit is: amounts are also given in 元 so that forms can be summed.</summary>
    public static readonly ImmutableDictionary<string, decimal> YuanPerAmountUnit =
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, decimal>("万元", 10_000m), new KeyValuePair<string, decimal>("元", 1m)]);

    /// <summary>Labels of the goals block.</summary>
    public static readonly ImmutableArray<string> GoalsLabels = ["年度总体目标", "总体目标", "年度目标", "绩效目标", "年度总体目标完成情况", "项目年度目标", "年度目标完成情况", "总体目标完成情况", "项目年度目标完成情况"];

    /// <summary>Labels of the total row.</summary>
    public static readonly ImmutableArray<string> TotalLabels = ["总分", "合计", "总计", "总得分", "综合得分"];

    /// <summary>Header words of each block and the column each names.</summary>
    public static readonly ImmutableArray<HeaderWord> Headers =
    [
        new(Block.Funds, "年初预算数", ColumnRole.InitialBudget),
        new(Block.Funds, "年初预算", ColumnRole.InitialBudget),
        new(Block.Funds, "年初预算金额", ColumnRole.InitialBudget),
        new(Block.Funds, "全年预算数", ColumnRole.AnnualBudget),
        new(Block.Funds, "调整后预算数", ColumnRole.AnnualBudget),
        new(Block.Funds, "全年预算", ColumnRole.AnnualBudget),
        new(Block.Funds, "调整后预算", ColumnRole.AnnualBudget),
        new(Block.Funds, "预算数", ColumnRole.AnnualBudget),
        new(Block.Funds, "全年预算金额", ColumnRole.AnnualBudget),
        new(Block.Funds, "全年执行数", ColumnRole.Executed),
        new(Block.Funds, "预算执行数", ColumnRole.Executed),
        new(Block.Funds, "执行数", ColumnRole.Executed),
        new(Block.Funds, "实际执行数", ColumnRole.Executed),
        new(Block.Funds, "全年执行", ColumnRole.Executed),
        new(Block.Funds, "实际支出数", ColumnRole.Executed),
        new(Block.Funds, "执行率", ColumnRole.ExecutionRate),
        new(Block.Funds, "预算执行率", ColumnRole.ExecutionRate),
        new(Block.Funds, "资金执行率", ColumnRole.ExecutionRate),
        new(Block.Funds, "分值", ColumnRole.Weight),
        new(Block.Funds, "权重", ColumnRole.Weight),
        new(Block.Funds, "得分", ColumnRole.Score),
        new(Block.Funds, "执行率", ColumnRole.ExecutionRate, Match.Contains),
        new(Block.Funds, "执行数", ColumnRole.Executed, Match.Contains),
        new(Block.Funds, "支出数", ColumnRole.Executed, Match.Contains),
        new(Block.Funds, "执行金额", ColumnRole.Executed, Match.Contains),
        new(Block.Funds, "年初", ColumnRole.InitialBudget, Match.Prefix),
        new(Block.Funds, "预算", ColumnRole.AnnualBudget, Match.Contains),
        new(Block.Funds, "分值", ColumnRole.Weight, Match.Contains),
        new(Block.Funds, "权重", ColumnRole.Weight, Match.Contains),

        new(Block.Indicators, "一级指标", ColumnRole.Level1),
        new(Block.Indicators, "二级指标", ColumnRole.Level2),
        new(Block.Indicators, "三级指标", ColumnRole.Name),
        new(Block.Indicators, "年度指标值", ColumnRole.Target),
        new(Block.Indicators, "年度目标值", ColumnRole.Target),
        new(Block.Indicators, "预期指标值", ColumnRole.Target),
        new(Block.Indicators, "目标值", ColumnRole.Target),
        new(Block.Indicators, "年度绩效指标值", ColumnRole.Target),
        new(Block.Indicators, "指标目标值", ColumnRole.Target),
        new(Block.Indicators, "年度预期指标值", ColumnRole.Target),
        new(Block.Indicators, "实际完成值", ColumnRole.Actual),
        new(Block.Indicators, "全年实际值", ColumnRole.Actual),
        new(Block.Indicators, "完成值", ColumnRole.Actual),
        new(Block.Indicators, "实际值", ColumnRole.Actual),
        new(Block.Indicators, "全年完成值", ColumnRole.Actual),
        new(Block.Indicators, "实际完成情况值", ColumnRole.Actual),
        new(Block.Indicators, "实际完成指标值", ColumnRole.Actual),
        new(Block.Indicators, "分值", ColumnRole.Weight),
        new(Block.Indicators, "权重", ColumnRole.Weight),
        new(Block.Indicators, "得分", ColumnRole.Score),
        new(Block.Indicators, "指标性质", ColumnRole.TargetOperator),
        new(Block.Indicators, "指标值", ColumnRole.TargetValue),
        new(Block.Indicators, "度量单位", ColumnRole.TargetUnit),
        new(Block.Indicators, "计量单位", ColumnRole.TargetUnit),
        new(Block.Indicators, "偏差原因分析及改进措施", ColumnRole.Reason),
        new(Block.Indicators, "未完成原因分析", ColumnRole.Reason),
        new(Block.Indicators, "偏差原因", ColumnRole.Reason, Match.Prefix),
        new(Block.Indicators, "未完成原因", ColumnRole.Reason, Match.Prefix),
        new(Block.Indicators, "一级", ColumnRole.Level1, Match.Prefix),
        new(Block.Indicators, "二级", ColumnRole.Level2, Match.Prefix),
        new(Block.Indicators, "三级", ColumnRole.Name, Match.Prefix),
        new(Block.Indicators, "原因", ColumnRole.Reason, Match.Contains),
        new(Block.Indicators, "改进措施", ColumnRole.Reason, Match.Contains),
        new(Block.Indicators, "实际", ColumnRole.Actual, Match.Prefix),
        new(Block.Indicators, "完成值", ColumnRole.Actual, Match.Suffix),
        new(Block.Indicators, "指标值", ColumnRole.Target, Match.Suffix),
        new(Block.Indicators, "目标值", ColumnRole.Target, Match.Suffix),
        new(Block.Indicators, "分值", ColumnRole.Weight, Match.Contains),
        new(Block.Indicators, "权重", ColumnRole.Weight, Match.Contains),

        new(Block.Goals, "预期目标", ColumnRole.GoalExpected),
        new(Block.Goals, "年初设定目标", ColumnRole.GoalExpected),
        new(Block.Goals, "年度目标", ColumnRole.GoalExpected),
        new(Block.Goals, "预期总体目标", ColumnRole.GoalExpected),
        new(Block.Goals, "实际完成情况", ColumnRole.GoalActual),
        new(Block.Goals, "年度总体目标完成情况综述", ColumnRole.GoalActual),
        new(Block.Goals, "实际完成目标", ColumnRole.GoalActual),
        new(Block.Goals, "总体目标完成情况", ColumnRole.GoalActual),
        new(Block.Goals, "年度目标完成情况", ColumnRole.GoalActual),
        new(Block.Goals, "项目年度目标", ColumnRole.GoalExpected),
        new(Block.Goals, "总体目标", ColumnRole.GoalExpected),
        new(Block.Goals, "完成情况", ColumnRole.GoalActual, Match.Contains),
        new(Block.Goals, "完成目标", ColumnRole.GoalActual, Match.Contains),
        new(Block.Goals, "综述", ColumnRole.GoalActual, Match.Suffix),
        new(Block.Goals, "预期", ColumnRole.GoalExpected, Match.Prefix),
    ];

    /// <summary>一级指标 names.</summary>
    public static readonly ImmutableArray<string> Level1Names = [Output, Benefit, Satisfaction];

    /// <summary>Known 二级指标 names and the 一级指标 each belongs to.</summary>
    public static readonly ImmutableArray<(string Name, string Parent)> Level2Names =
    [
        ("数量指标", Output),
        ("质量指标", Output),
        ("时效指标", Output),
        (Cost, Output),
        ("经济成本指标", Output),
        ("社会成本指标", Output),
        ("生态环境成本指标", Output),
        ("经济效益指标", Benefit),
        ("社会效益指标", Benefit),
        ("生态效益指标", Benefit),
        ("生态环境效益指标", Benefit),
        ("可持续影响指标", Benefit),
        ("服务对象满意度指标", Satisfaction),
        ("社会公众或服务对象满意度指标", Satisfaction),
        ("社会公众满意度指标", Satisfaction),
    ];

    /// <summary>
    /// Words inside a 二级 name that tell its 一级 when the name is not a known one (regional spellings),
    /// tried in this order.
    /// </summary>
    public static readonly ImmutableArray<(string Word, Match Match, string Parent)> Level2Hints =
    [
        ("满意度指标", Match.Suffix, Satisfaction),
        ("满意度", Match.Suffix, Satisfaction),
        ("效益", Match.Contains, Benefit),
        ("影响", Match.Contains, Benefit),
        ("数量", Match.Contains, Output),
        ("质量", Match.Contains, Output),
        ("时效", Match.Contains, Output),
        ("成本", Match.Contains, Output),
    ];

    /// <summary>Labels of the fund rows and the contract key of each (null: a row the contract has no key for).</summary>
    public static readonly ImmutableArray<FundLabel> FundLabels =
    [
        new("年度资金总额", FundRowKeys.Total),
        new("资金总额", FundRowKeys.Total, Match.Contains),
        new("合计", FundRowKeys.Total),
        new("总计", FundRowKeys.Total),
        new("资金总计", FundRowKeys.Total),
        new("总额", FundRowKeys.Total),
        new("财政资金", FundRowKeys.CurrentYearAppropriation),
        new("当年财政拨款", FundRowKeys.CurrentYearAppropriation),
        new("本年财政拨款", FundRowKeys.CurrentYearAppropriation),
        new("财政拨款", FundRowKeys.CurrentYearAppropriation),
        new("当年财政资金", FundRowKeys.CurrentYearAppropriation),
        new("本年财政资金", FundRowKeys.CurrentYearAppropriation),
        new("上年结转资金", FundRowKeys.Carryover),
        new("上年结转", FundRowKeys.Carryover, Match.Prefix),
        new("其他资金", FundRowKeys.Other),
        new("其它资金", FundRowKeys.Other),
        new("财政专户管理资金", null),
        new("单位资金", null),
    ];

    /// <summary>What a fund label may start with before its name (其中：当年财政拨款).</summary>
    public static readonly ImmutableArray<string> FundLabelPrefixes = ["其中：", "其中:", "其中"];

    /// <summary>Units the forms print after a number.</summary>
    public static readonly ImmutableArray<string> Units =
    [
        "%", "‰", "个", "人", "次", "人次", "万人次", "户", "家", "所", "座", "套", "支", "类", "项", "面", "件", "台", "辆", "艘",
        "批", "场", "期", "篇", "册", "万册", "本", "间", "处", "条", "起", "名", "位", "份", "张", "块", "棵", "株", "亩", "万亩",
        "公顷", "元", "万元", "亿元", "千元", "年", "月", "日", "天", "周", "小时", "分钟", "秒", "公里", "千米", "米", "平方米",
        "万平方米", "立方米", "吨", "千克", "公斤", "度", "千瓦时", "分", "倍", "学时", "课时", "人天", "户次", "家次",
    ];

    /// <summary>Comparison operators in every spelling the forms print, with the contract's operator.</summary>
    public static readonly ImmutableArray<(string Spelling, string Operator)> Operators =
    [
        (">=", ">="), ("＞=", ">="), (">＝", ">="), ("＞＝", ">="), ("﹥=", ">="), ("﹥＝", ">="), (">﹦", ">="), ("＞﹦", ">="), ("﹥﹦", ">="),
        ("<=", "<="), ("＜=", "<="), ("<＝", "<="), ("＜＝", "<="), ("﹤=", "<="), ("﹤＝", "<="), ("<﹦", "<="), ("＜﹦", "<="), ("﹤﹦", "<="),
        // ≥= and ≤= say the same twice: typed so, and read so from a scan of >= (its > taken for ≥).
        ("≥=", ">="), ("≥＝", ">="), ("≧=", ">="), ("≧＝", ">="), ("≤=", "<="), ("≤＝", "<="), ("≦=", "<="), ("≦＝", "<="),
        ("≥", ">="), ("≧", ">="), ("⩾", ">="),
        ("≤", "<="), ("≦", "<="), ("⩽", "<="),
        ("=", "="), ("＝", "="), ("﹦", "="), ("═", "="),
        (">", ">"), ("＞", ">"), ("﹥", ">"),
        ("<", "<"), ("＜", "<"), ("﹤", "<"),
    ];

    /// <summary>Characters that, alone or repeated, print "nothing here" (— - /), and the words that do.</summary>
    public static readonly ImmutableArray<char> PlaceholderMarks = ['—', '–', '-', '－', '―', '/', '／', '\\', '＼'];

    /// <summary>Words that print "nothing here".</summary>
    public static readonly ImmutableArray<string> PlaceholderWords = ["无"];
}
