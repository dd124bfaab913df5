namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Whether a document's pages lie on their side, as the last page whose lines showed it plainly said. A
/// scanner feeds a document's pages alike, so a page whose lines leave its side in doubt
/// (<see cref="PageOrientation.IsDoubtful(IEnumerable{TextRegion}, IEnumerable{TextRegion})"/>) takes the side of the pages read before it.
/// </summary>
internal sealed class DocumentSide
{
    /// <summary>Whether the last plainly decided page lay on its side; null before any.</summary>
    public bool? Sideways { get; private set; }

    /// <summary>Records a page whose lines showed its side plainly.</summary>
    public void Saw(bool sideways) => Sideways = sideways;
}
