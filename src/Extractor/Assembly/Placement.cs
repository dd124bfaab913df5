using System.Collections.Immutable;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Assembly;

/// <summary>What every placer needs: reporting text that fits no field, and joining pieces of one field.</summary>
internal static class Placement
{
    /// <summary>An <c>unplaced-text</c> warning for text of <paramref name="line"/> that fits no field.</summary>
    public static Diagnostic Unplaced(RowLine line, string text, string reason) =>
        new(DiagnosticCodes.UnplacedText, Severity.Warning, $"unplaced text: {reason}", line.Page, line.Number, text);

    /// <summary>Joins a further piece of a field by the whitespace rule.</summary>
    public static string? Join(string? existing, string? more) =>
        string.IsNullOrEmpty(more) ? existing : existing is null ? more : WhitespaceRule.Join(existing, more);

    /// <summary>Reports every cell of <paramref name="line"/> as unplaced.</summary>
    public static void ReportAll(ImmutableArray<Diagnostic>.Builder sink, RowLine line, string reason)
    {
        foreach (var cell in line.Cells)
        {
            sink.Add(Unplaced(line, cell.Text, reason));
        }
    }

    /// <summary>Reports every cell of <paramref name="line"/> as unplaced.</summary>
    public static void ReportAll(List<Diagnostic> sink, RowLine line, string reason)
    {
        foreach (var cell in line.Cells)
        {
            sink.Add(Unplaced(line, cell.Text, reason));
        }
    }
}
