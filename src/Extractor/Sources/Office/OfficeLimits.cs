namespace Extractor.Sources.Office;

/// <summary>
/// Bounds on reading an Office file. Workbooks and Word documents are ZIP or OLE2 containers: a few kilobytes
/// can inflate to gigabytes, claim a million rows, or chain their sectors in a loop. Each bound stops such a
/// file with an error that names it; the defaults are far above what a report holds (a form sheet has tens
/// of rows and a dozen columns, a form document a few hundred kilobytes of XML).
/// </summary>
internal sealed record OfficeLimits
{
    /// <summary>Most parts (ZIP entries) or OLE2 directory entries in the container.</summary>
    public int MaxParts { get; init; } = 10_000;

    /// <summary>Largest decompressed size of one XML part.</summary>
    public long MaxPartBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Largest decompressed size of all parts together (images and embedded objects included).</summary>
    public long MaxDecompressedBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>
    /// Largest OLE2 file (.xls, and the Word 97–2003 files recognised to be refused): the legacy reader walks
    /// sector chains in time that grows with the square of their length.
    /// </summary>
    public long MaxCompoundBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Most sheets of a workbook, or tables of a Word document.</summary>
    public int MaxSheets { get; init; } = 1_000;

    /// <summary>Most rows of one sheet (as its last row says) or of all Word tables together.</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>Most columns of one sheet or Word table (a sheet has at most 16,384).</summary>
    public int MaxColumns { get; init; } = 16_384;

    /// <summary>Largest rows × columns of one sheet: what reading it walks, whatever holds text.</summary>
    public long MaxSheetArea { get; init; } = 20_000_000;

    /// <summary>Most cells holding a value in the whole file.</summary>
    public int MaxCells { get; init; } = 200_000;

    /// <summary>Most merged ranges of one sheet.</summary>
    public int MaxMergedRanges { get; init; } = 100_000;

    /// <summary>Longest text of one cell, in characters; longer text is cut, with a warning.</summary>
    public int MaxCellLength { get; init; } = 100_000;

    /// <summary>The defaults.</summary>
    public static OfficeLimits Default { get; } = new();
}
