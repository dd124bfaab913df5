namespace Extractor.Layout;

/// <summary>
/// The tolerances of the layout stage, in one place. Distances are in points unless said otherwise;
/// "shares" are of the font size or line height of the text concerned.
/// </summary>
internal sealed record LayoutOptions
{
    /// <summary>The tolerances measured on the family's producers.</summary>
    public static LayoutOptions Default { get; } = new();

    /// <summary>Lattice: distance within which two ruling positions are one grid line.</summary>
    public double GridSnap { get; init; } = 2.0;

    /// <summary>
    /// Lattice: most units (rows × columns) a grid may have to be read as a table. A form's table has a few
    /// hundred per page; a mesh of thousands of lines each way is read as text without rulings.
    /// </summary>
    public int MaxGridUnits { get; init; } = 100_000;

    /// <summary>Stream: between two CJK glyphs (no spaces in Chinese text), a gap wider than this share of the font size is a cell boundary.</summary>
    public double CjkGap { get; init; } = 0.25;

    /// <summary>Stream: between other glyphs (Latin words are spaced), a gap wider than this share of the font size is a cell boundary.</summary>
    public double LatinGap { get; init; } = 0.6;

    /// <summary>Stream: outside tables, only a gap wider than this many font sizes separates cells (titles may be letter-spaced).</summary>
    public double FreeGap { get; init; } = 2.5;

    /// <summary>Stream: a chunk joins the block above it when they overlap by more than this share of the narrower one.</summary>
    public double StackOverlap { get; init; } = 0.3;

    /// <summary>Stream: a chunk may rise this share of its line height into the block above it and still stack under it.</summary>
    public double StackRise { get; init; } = 0.25;

    /// <summary>Stream: blocks of line heights that differ by more than this ratio do not stack (a title over its year line).</summary>
    public double StackHeightRatio { get; init; } = 1.25;

    /// <summary>Stream: rows overlap when their extents share more than this share of the lower block (and half a point).</summary>
    public double BandOverlap { get; init; } = 0.3;

    /// <summary>Stream: an empty vertical strip at least this wide separates two columns left of the header.</summary>
    public double StripWidth { get; init; } = 2.0;

    /// <summary>Stream: step of the coverage count that finds the gutter between two columns.</summary>
    public double GutterStep { get; init; } = 0.5;

    /// <summary>Stream: halves of a label cut by a page break lie within this many line heights of each other.</summary>
    public double LabelJoinGap { get; init; } = 1.5;

    /// <summary>Stream: cost, in rows, of leaving a row outside every label group of a column (an empty merged cell).</summary>
    public double UnlabelledCost { get; init; } = 0.4;

    /// <summary>Stream: cost, in rows, of a placement against the way producers print labels (centred, or at the top of a cut cell).</summary>
    public double MisplacedCost { get; init; } = 1.0;
}
