namespace Extractor.Review;

/// <summary>One page image of a review page.</summary>
/// <param name="Frame">The page's crop box and rotation, to place the boxes.</param>
/// <param name="Png">The image.</param>
internal sealed record ReviewPageImage(PageFrame Frame, byte[] Png);
