using OpenCvSharp;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Which way up a page is, in quarter turns, from its text lines: a page on its side gives long tall line
/// boxes where an upright one gives wide ones, and the direction classifier, shown the longest lines turned
/// the way a wide line would read, tells the two sides (or upright from upside down) apart by a vote of
/// their probabilities.
/// </summary>
internal static class PageOrientation
{
    /// <summary>Lines shown to the classifier, the longest first.</summary>
    public const int Sample = 16;

    /// <summary>
    /// How much of the wide lines' length the tall lines must reach for the page to be taken as on its side.
    /// Not half: an upright form has almost no tall lines (the odd label printed downwards: at most 0.05 of
    /// the wide lines' length over the sweep's and the family's upright pages), while a page on its side has
    /// many short wide boxes (numbers of neighbouring rows joined, labels printed one character a line):
    /// its tall lines measured 0.4 to over 100 times the wide ones.
    /// </summary>
    public const double SidewaysShare = 0.2;

    /// <summary>
    /// The clockwise turn (0, 90, 180 or 270 degrees) that sets <paramref name="page"/> upright; 0 when the
    /// page has too little text to tell.
    /// </summary>
    public static int UprightTurn(PaddleOcrEngine engine, Mat page) => UprightTurn(engine, page, engine?.Detect(page) ?? throw new ArgumentNullException(nameof(engine)));

    /// <summary>Whether a page whose wide and tall line boxes are these lies on its side (<see cref="SidewaysShare"/>).</summary>
    internal static bool IsSideways(IEnumerable<TextRegion> wide, IEnumerable<TextRegion> tall) => IsSideways(wide.Sum(Length), tall.Sum(Length));

    private static bool IsSideways(double wide, double tall) => tall > SidewaysShare * wide;

    /// <summary>
    /// As <see cref="IsSideways(IEnumerable{TextRegion}, IEnumerable{TextRegion})"/>, but a page whose lines leave
    /// its side in doubt (<see cref="IsDoubtful(IEnumerable{TextRegion}, IEnumerable{TextRegion})"/>) takes <paramref name="document"/>'s side when a page before it
    /// showed one, and a page whose lines do not gives the document its side. A page that would be taken as on
    /// its side is upright after all when <paramref name="stacked"/> says its tall lines are stacks of upright
    /// characters (<see cref="StackedLines"/>).
    /// </summary>
    internal static bool IsSideways(IEnumerable<TextRegion> wide, IEnumerable<TextRegion> tall, DocumentSide? document, Func<bool>? stacked = null)
    {
        var (w, t) = (wide.Sum(Length), tall.Sum(Length));
        var doubtful = document is not null && IsDoubtful(w, t);
        var sideways = doubtful ? document!.Sideways ?? IsSideways(w, t) : IsSideways(w, t);
        if (sideways && stacked is not null && stacked())
        {
            sideways = false;
        }

        if (document is not null && !doubtful)
        {
            document.Saw(sideways);
        }

        return sideways;
    }

    /// <summary>
    /// Whether the tall lines' share of the length leaves the page's side in doubt: from
    /// <see cref="DoubtfulFrom"/> to <see cref="DoubtfulUpTo"/> of the wide lines'. An upright page's tall lines
    /// came to 0.05 of its wide ones at most over the sweeps; a page on its side whose table wraps its labels in
    /// narrow columns (three or four characters a line, a cell's lines set close) has its stacked lines detected
    /// as many short wide boxes across them, and its tall lines came to 0.16–0.43 (the other pages on their
    /// side 1.6 and more).
    /// </summary>
    internal static bool IsDoubtful(IEnumerable<TextRegion> wide, IEnumerable<TextRegion> tall) => IsDoubtful(wide.Sum(Length), tall.Sum(Length));

    private static bool IsDoubtful(double wide, double tall) => tall >= DoubtfulFrom * wide && tall <= DoubtfulUpTo * wide && wide > 0;

    /// <summary>The least share of the tall lines' length (of the wide lines') that leaves a page's side in doubt.</summary>
    public const double DoubtfulFrom = 0.08;

    /// <summary>The largest share of the tall lines' length that leaves a page's side in doubt.</summary>
    public const double DoubtfulUpTo = 1.0;

    /// <summary>
    /// The page's line boxes wide enough to be read as lines across it, and those tall enough to be read as turned
    /// (<see cref="LineCropper.VerticalRatio"/>); boxes near square are neither.
    /// </summary>
    internal static (List<TextRegion> Wide, List<TextRegion> Tall) Sides(IReadOnlyList<TextRegion> regions) =>
        ([.. regions.Where(r => r.Quad.Width >= LineCropper.VerticalRatio * r.Quad.Height)], [.. regions.Where(r => r.Quad.Height >= LineCropper.VerticalRatio * r.Quad.Width)]);

    /// <summary>A line's length beyond its height: what it weighs in telling a page on its side, so that long lines outweigh short boxes.</summary>
    private static double Length(TextRegion r) => Math.Abs(r.Quad.Width - r.Quad.Height);

    /// <summary>
    /// As <see cref="UprightTurn(PaddleOcrEngine, Mat)"/>, from the lines <paramref name="regions"/> already
    /// detected on the page; a page whose side its lines leave in doubt takes <paramref name="document"/>'s.
    /// </summary>
    public static int UprightTurn(PaddleOcrEngine engine, Mat page, IReadOnlyList<TextRegion> regions, DocumentSide? document = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(regions);
        var (wide, tall) = Sides(regions);
        if (wide.Count + tall.Count < 3)
        {
            return 0;
        }

        var sideways = IsSideways(wide, tall, document, () => StackedLines.ReadUpright(engine, page, tall, wide));
        var sample = (sideways ? tall : wide).OrderByDescending(r => Math.Max(r.Quad.Width, r.Quad.Height)).Take(Sample).ToList();
        if (sample.Count == 0)
        {
            return 0;
        }

        var crops = sample.Select(r => LineCropper.Crop(page, r.Quad).AsBgr()).ToList();
        try
        {
            var upsideDown = engine.UpsideDown([.. crops.Select(c => c.Image)]).Average();
            var flipped = upsideDown > 0.5;

            // A tall line is cropped by turning it anticlockwise: that reads right on a page turned clockwise
            // (which a further 270° sets upright) and upside down on a page turned anticlockwise (90° does).
            return (sideways, flipped) switch
            {
                (false, false) => 0,
                (false, true) => 180,
                (true, false) => 270,
                (true, true) => 90,
            };
        }
        finally
        {
            crops.ForEach(c => c.Dispose());
        }
    }
}
