namespace Extractor.Review;

/// <summary>A rendered page image, or why there is none.</summary>
/// <param name="Png">The PNG's bytes; null when rendering failed.</param>
/// <param name="Problem">Why there is no image.</param>
/// <param name="ToolMissing">True when the renderer is not installed (no page can be drawn).</param>
internal sealed record PageRendering(byte[]? Png, string? Problem, bool ToolMissing)
{
    /// <summary>A rendered image.</summary>
    public static PageRendering Of(byte[] png) => new(png, null, false);

    /// <summary>Rendering failed for this page.</summary>
    public static PageRendering Failed(string problem) => new(null, problem, false);

    /// <summary>The renderer is not installed.</summary>
    public static PageRendering Missing(string problem) => new(null, problem, true);
}
