namespace Extractor.Layout;

/// <summary>
/// One way of finding table rows on pages (ruled grids; columns anchored by a header row). Strategies run
/// in turn: each reads what it can and leaves the rest of every page's glyphs to the next.
/// </summary>
internal interface ILayoutStrategy
{
    /// <summary>Reads rows from <paramref name="pages"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    LayoutPass Read(IReadOnlyList<LayoutPage> pages, CancellationToken cancellationToken);
}
