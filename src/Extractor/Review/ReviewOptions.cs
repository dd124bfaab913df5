namespace Extractor.Review;

/// <summary>Bounds of a review page: how many page images, how large, and how long rendering may take.</summary>
/// <param name="MaxPages">Most page images drawn; later pages are listed as not drawn.</param>
/// <param name="ImageSize">Longest side of a page image in pixels (pdftoppm <c>-scale-to</c>).</param>
/// <param name="MaxImageBytes">Most PNG bytes embedded in all; pages beyond are not drawn.</param>
/// <param name="PageTimeout">Longest time pdftoppm may take for one page.</param>
/// <param name="MaxTableLines">Most lines of row text shown in the table view.</param>
internal sealed record ReviewOptions(
    int MaxPages = 50,
    int ImageSize = 1400,
    long MaxImageBytes = 64L * 1024 * 1024,
    TimeSpan? PageTimeout = null,
    int MaxTableLines = 20_000)
{
    /// <summary>Smallest and largest <see cref="ImageSize"/> allowed.</summary>
    public const int MinImageSize = 200, MaxImageSize = 4000;

    /// <summary>Largest <see cref="MaxPages"/> allowed.</summary>
    public const int MaxPagesLimit = 500;

    /// <summary>The time limit of one page's rendering.</summary>
    public TimeSpan PageTimeLimit => PageTimeout ?? TimeSpan.FromSeconds(30);

    /// <summary>The defaults.</summary>
    public static ReviewOptions Default { get; } = new();
}
