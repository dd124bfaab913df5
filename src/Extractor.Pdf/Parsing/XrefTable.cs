namespace Extractor.Pdf.Parsing;

internal enum XrefEntryType : byte
{
    Free = 0,
    InFile = 1,
    InObjectStream = 2,
}

/// <summary>Where one object lives: a file offset, or an index inside an object stream.</summary>
internal readonly record struct XrefEntry(XrefEntryType Type, long Offset, int Generation, int StreamNumber, int IndexInStream)
{
    public static XrefEntry Free(int gen) => new(XrefEntryType.Free, 0, gen, 0, 0);

    public static XrefEntry InFile(long offset, int gen) => new(XrefEntryType.InFile, offset, gen, 0, 0);

    public static XrefEntry Compressed(int stream, int index) => new(XrefEntryType.InObjectStream, 0, 0, stream, index);
}

/// <summary>The merged cross-reference of all sections (newest wins) plus the trailer.</summary>
internal sealed class XrefTable
{
    public Dictionary<int, XrefEntry> Entries { get; } = new();

    public PdfDictionary Trailer { get; set; } = new();

    /// <summary>Whether the table came from scanning the file rather than from its xref sections.</summary>
    public bool Reconstructed { get; set; }

    /// <summary>Adds an entry unless a newer section already defined the object.</summary>
    public void AddIfAbsent(int number, XrefEntry entry)
    {
        if (number >= 0)
        {
            Entries.TryAdd(number, entry);
        }
    }
}
