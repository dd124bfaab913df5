namespace Extractor.Domain;

/// <summary>What one cell's text is, worked out once so that alignment can try many shifts cheaply.</summary>
/// <param name="Text">The cell text.</param>
/// <param name="IsPlaceholder">—, -, /, 无.</param>
/// <param name="IsPoints">A number, optionally with 分 (分值 / 得分).</param>
/// <param name="IsAmount">A number, optionally with 元 / 万元.</param>
/// <param name="IsPercent">A number with %.</param>
/// <param name="IsNumber">A bare number.</param>
/// <param name="IsNumericMeasure">[operator] number [unit].</param>
/// <param name="IsOperator">An operator alone (指性质 column).</param>
/// <param name="IsUnit">A unit alone (度量单位 column).</param>
/// <param name="Points">The value when the cell is points (a number, optionally with 分).</param>
internal sealed record CellKind(
    string Text,
    bool IsPlaceholder,
    bool IsPoints,
    bool IsAmount,
    bool IsPercent,
    bool IsNumber,
    bool IsNumericMeasure,
    bool IsOperator,
    bool IsUnit,
    decimal? Points)
{
    private const int CacheLimit = 50_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CellKind> Cache = new(StringComparer.Ordinal);

    /// <summary>Classifies a cell's text (memoized: the same short values recur in every table).</summary>
    public static CellKind Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Cache.TryGetValue(text, out var known))
        {
            return known;
        }

        var kind = Classify(text);
        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        Cache.TryAdd(text, kind);
        return kind;
    }

    private static CellKind Classify(string text)
    {
        var placeholder = CellGrammar.IsPlaceholder(text);
        var hasDigit = text.AsSpan().IndexOfAnyInRange('0', '9') >= 0 || text.AsSpan().IndexOfAnyInRange('０', '９') >= 0;
        var points = hasDigit ? CellGrammar.ReadPoints(text) : null;
        return new CellKind(
            text,
            placeholder,
            points is not null,
            hasDigit && CellGrammar.ReadAmount(text) is not null,
            hasDigit && CellGrammar.IsPercent(text),
            hasDigit && CellGrammar.IsNumber(text),
            hasDigit && !placeholder && CellGrammar.ReadMeasure(text)?.Value is not null,
            !hasDigit && text.Length <= 3 && CellGrammar.IsOperator(text),
            !hasDigit && text.Length <= 10 && CellGrammar.IsUnit(text),
            points);
    }

    /// <summary>True for points in the range a form gives them (分值 and 得分 are at most a few hundred).</summary>
    public bool IsPlausiblePoints => Points is >= 0 and <= MaxPoints;

    /// <summary>Largest 分值 or 得分 a form prints (totals are 100; some regions use 1000-point scales).</summary>
    public const decimal MaxPoints = 1000m;

    /// <summary>True for a number of any kind (points, amount, percentage).</summary>
    public bool IsNumeric => IsPoints || IsAmount || IsPercent;
}
