using System.Collections.Immutable;
using Extractor.Sources.Ocr.Imaging;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Cuts read lines where vertical rulings cross them. The detector may take the text of two neighbouring
/// cells for one line; each character goes to the side of the ruling its centre lies on, so a line becomes
/// one piece a cell, and a bar the recognizer read on the ruling itself (|, ｜, 丨) is the ruling and goes.
/// </summary>
internal static class LineSplitter
{
    private static readonly HashSet<string> Bars = ["|", "｜", "丨", "l", "I"];

    /// <summary>
    /// The pieces of <paramref name="line"/> between the vertical <paramref name="rulings"/> that cross it
    /// (run through its middle height, within its extent), left to right; the line itself when none does.
    /// </summary>
    public static IReadOnlyList<OcrLine> Split(OcrLine line, IEnumerable<Ruling> rulings)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(rulings);
        var bounds = line.Quad.Bounds;
        var middle = bounds.Top + (bounds.Height / 2);
        var cuts = rulings
            .Where(r => !r.IsHorizontal && r.From <= middle && r.To >= middle && r.At > bounds.Left && r.At < bounds.Right)
            .Select(r => (r.At, Half: (r.Thickness / 2) + 2))
            .ToList();
        if (cuts.Count == 0)
        {
            return [line];
        }

        var kept = line.Characters.Where(c => !(Bars.Contains(c.Text) && cuts.Any(x => Math.Abs(c.Centre.X - x.At) <= Math.Max(x.Half, (c.Box.TopRight.X - c.Box.TopLeft.X) / 2)))).ToImmutableArray();
        if (kept.IsEmpty)
        {
            return [];
        }

        var trimmed = kept.Length == line.Characters.Length ? line : Piece(line, kept);
        return SplitAt(trimmed, cuts.Select(c => c.At));
    }

    /// <summary>The pieces of <paramref name="line"/> between the page columns <paramref name="cuts"/> (x in pixels), left to right.</summary>
    public static IReadOnlyList<OcrLine> SplitAt(OcrLine line, IEnumerable<double> cuts)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(cuts);
        var sorted = cuts.Order().ToArray();
        if (sorted.Length == 0 || line.Characters.IsEmpty)
        {
            return [line];
        }

        var pieces = line.Characters
            .GroupBy(c => Array.FindIndex(sorted, x => c.Centre.X < x) is var i && i >= 0 ? i : sorted.Length)
            .OrderBy(g => g.Key)
            .Select(g => Piece(line, [.. g]))
            .ToList();
        return pieces.Count == 1 ? [line] : pieces;
    }

    private static OcrLine Piece(OcrLine line, ImmutableArray<OcrCharacter> characters)
    {
        var first = characters[0].Box;
        var last = characters[^1].Box;
        var quad = new Quad(first.TopLeft, last.TopRight, last.BottomRight, first.BottomLeft);
        var text = string.Concat(characters.Select(c => c.Text));
        return new OcrLine(quad, text, characters.Average(c => c.Confidence), characters, line.DetectionScore);
    }
}
