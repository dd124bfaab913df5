namespace Extractor.Pdf.Parsing;

/// <summary>
/// Reads cross-reference sections: classic tables, xref streams, hybrid files (/XRefStm) and the /Prev chain
/// of incremental updates; and rebuilds the table by scanning for "n g obj" when those are missing or wrong.
/// </summary>
internal static class XrefReader
{
    /// <summary>Finds the offset after the last "startxref".</summary>
    public static long FindStartXref(byte[] data)
    {
        int searchFrom = Math.Max(0, data.Length - 4096);
        var tail = data.AsSpan(searchFrom);
        int idx = tail.LastIndexOf("startxref"u8);
        if (idx < 0)
        {
            // Some files have junk appended: look further back.
            idx = data.AsSpan().LastIndexOf("startxref"u8);
            if (idx < 0)
            {
                return -1;
            }

            searchFrom = 0;
        }

        var lexer = new Lexer(data, searchFrom + idx + 9, data.Length);
        if (lexer.Next(out var t) && t.Kind == TokenKind.Integer)
        {
            return t.Integer;
        }

        return -1;
    }

    /// <summary>Reads the chain of sections starting at <paramref name="startOffset"/>. Throws when the structure is not usable.</summary>
    public static XrefTable Read(PdfFile file, long startOffset, int headerOffset)
    {
        var table = new XrefTable();
        var visited = new HashSet<long>();
        long offset = startOffset;
        PdfDictionary? firstTrailer = null;
        int sections = 0;
        while (offset >= 0)
        {
            if (!visited.Add(offset) || ++sections > 1000)
            {
                break;
            }

            long actual = Locate(file.Data, offset, headerOffset);
            if (actual < 0)
            {
                if (firstTrailer is null)
                {
                    throw new PdfFormatException("startxref does not point at a cross-reference section");
                }

                break;
            }

            PdfDictionary trailer;
            if (IsKeywordAt(file.Data, actual, "xref"u8))
            {
                trailer = ReadTable(file, actual + 4, table);
                // Hybrid file: the /XRefStm stream adds entries (compressed objects) to this section.
                if (trailer["XRefStm"] is PdfInteger stm)
                {
                    long stmOffset = Locate(file.Data, stm.Value, headerOffset);
                    if (stmOffset >= 0 && visited.Add(stmOffset))
                    {
                        try
                        {
                            ReadStream(file, stmOffset, table, overrideFree: true);
                        }
                        catch (PdfFormatException)
                        {
                            // The table alone may still be enough.
                        }
                    }
                }
            }
            else
            {
                trailer = ReadStream(file, actual, table, overrideFree: false);
            }

            // Newer trailers win; keys they omit (an update without /Info, say) come from older ones.
            if (firstTrailer is null)
            {
                firstTrailer = new PdfDictionary(new Dictionary<string, PdfObject>(trailer.Entries, StringComparer.Ordinal));
            }
            else
            {
                foreach (var kv in trailer.Entries)
                {
                    firstTrailer.Entries.TryAdd(kv.Key, kv.Value);
                }
            }

            offset = trailer["Prev"] is PdfInteger prev ? prev.Value : trailer["Prev"] is PdfReal pr ? (long)pr.Value : -1;
        }

        if (firstTrailer is null)
        {
            throw new PdfFormatException("no cross-reference section");
        }

        // /Prev and /XRefStm describe one section only.
        firstTrailer.Entries.Remove("Prev");
        firstTrailer.Entries.Remove("XRefStm");
        table.Trailer = firstTrailer;
        return table;
    }

    /// <summary>Returns the offset if a section ("xref" or "n g obj") starts there, also trying a shift by the header offset.</summary>
    private static long Locate(byte[] data, long offset, int headerOffset)
    {
        foreach (long candidate in new[] { offset, offset + headerOffset })
        {
            if (candidate < 0 || candidate >= data.Length)
            {
                continue;
            }

            var lexer = new Lexer(data, (int)candidate, data.Length);
            lexer.SkipWhitespace();
            int p = lexer.Position;
            if (IsKeywordAt(data, p, "xref"u8))
            {
                return p;
            }

            if (lexer.Next(out var a) && a.Kind == TokenKind.Integer && lexer.Next(out var b) && b.Kind == TokenKind.Integer &&
                lexer.Next(out var c) && lexer.KeywordEquals(in c, "obj"u8))
            {
                return p;
            }

            if (headerOffset == 0)
            {
                break;
            }
        }

        return -1;
    }

    private static bool IsKeywordAt(byte[] data, long offset, ReadOnlySpan<byte> keyword)
    {
        if (offset < 0 || offset + keyword.Length > data.Length)
        {
            return false;
        }

        return data.AsSpan((int)offset, keyword.Length).SequenceEqual(keyword) &&
               (offset + keyword.Length == data.Length || !Lexer.IsRegular(data[(int)offset + keyword.Length]));
    }

    private static PdfDictionary ReadTable(PdfFile file, long position, XrefTable table)
    {
        var data = file.Data;
        var lexer = new Lexer(data, (int)position, data.Length);
        var pending = new List<(int Number, XrefEntry Entry)>();
        while (true)
        {
            int save = lexer.Position;
            if (!lexer.Next(out var t))
            {
                throw new PdfFormatException("cross-reference table has no trailer");
            }

            if (lexer.KeywordEquals(in t, "trailer"u8))
            {
                break;
            }

            if (t.Kind != TokenKind.Integer || !lexer.Next(out var countTok) || countTok.Kind != TokenKind.Integer)
            {
                lexer.Position = save;
                throw new PdfFormatException("bad cross-reference subsection header");
            }

            long first = t.Integer;
            long count = countTok.Integer;
            if (first < 0 || count < 0 || count > file.Options.MaxObjects)
            {
                throw new PdfFormatException("bad cross-reference subsection range");
            }

            for (long i = 0; i < count; i++)
            {
                if (!lexer.Next(out var off) || off.Kind != TokenKind.Integer || !lexer.Next(out var gen) || gen.Kind != TokenKind.Integer ||
                    !lexer.Next(out var kind) || kind.Kind != TokenKind.Keyword)
                {
                    throw new PdfFormatException("bad cross-reference entry");
                }

                byte k = data[kind.Start];
                int number = (int)Math.Min(int.MaxValue, first + i);
                if (k == (byte)'n')
                {
                    // An in-use entry with offset 0 is a known writer bug; treat it as free.
                    pending.Add((number, off.Integer > 0 ? XrefEntry.InFile(off.Integer, (int)gen.Integer) : XrefEntry.Free((int)gen.Integer)));
                }
                else
                {
                    pending.Add((number, XrefEntry.Free((int)gen.Integer)));
                }
            }
        }

        foreach (var (number, entry) in pending)
        {
            table.AddIfAbsent(number, entry);
        }

        var parser = new ObjectParser(lexer, file.Options.MaxNestingDepth);
        if (parser.ReadObject() is not PdfDictionary trailer)
        {
            throw new PdfFormatException("trailer is not a dictionary");
        }

        return trailer;
    }

    private static PdfDictionary ReadStream(PdfFile file, long offset, XrefTable table, bool overrideFree)
    {
        var obj = file.ReadIndirectObjectAt(offset, expectedNumber: -1, out _);
        if (obj is not PdfStream stream)
        {
            throw new PdfFormatException("cross-reference stream expected");
        }

        var dict = stream.Dictionary;
        if (dict["W"] is not PdfArray w || w.Count < 3)
        {
            throw new PdfFormatException("cross-reference stream without /W");
        }

        int w0 = AsInt(w[0]), w1 = AsInt(w[1]), w2 = AsInt(w[2]);
        if (w0 < 0 || w1 < 0 || w2 < 0 || w0 > 8 || w1 > 8 || w2 > 8)
        {
            throw new PdfFormatException("bad /W in cross-reference stream");
        }

        int size = dict["Size"] is PdfInteger s ? (int)Math.Clamp(s.Value, 0, int.MaxValue) : 0;
        var ranges = new List<(long First, long Count)>();
        if (dict["Index"] is PdfArray index)
        {
            for (int i = 0; i + 1 < index.Count; i += 2)
            {
                ranges.Add((AsInt(index[i]), AsInt(index[i + 1])));
            }
        }
        else
        {
            ranges.Add((0, size));
        }

        // Cross-reference streams are never encrypted (§7.6.1).
        byte[] data = file.DecodeStream(stream, decrypt: false);
        int entryLength = w0 + w1 + w2;
        if (entryLength == 0)
        {
            return dict;
        }

        int pos = 0;
        foreach (var (first, count) in ranges)
        {
            if (count < 0 || count > file.Options.MaxObjects || first < 0)
            {
                throw new PdfFormatException("bad /Index in cross-reference stream");
            }

            for (long i = 0; i < count && pos + entryLength <= data.Length; i++)
            {
                long type = w0 == 0 ? 1 : ReadField(data, pos, w0);
                long f2 = ReadField(data, pos + w0, w1);
                long f3 = ReadField(data, pos + w0 + w1, w2);
                pos += entryLength;
                int number = (int)Math.Min(int.MaxValue, first + i);
                XrefEntry entry = type switch
                {
                    0 => XrefEntry.Free((int)f3),
                    1 => XrefEntry.InFile(f2, (int)f3),
                    2 => XrefEntry.Compressed((int)f2, (int)f3),
                    _ => XrefEntry.Free(0),
                };
                if (type > 2)
                {
                    // Unknown types are to be ignored (§7.5.8.3): treat as null object.
                    continue;
                }

                if (overrideFree && table.Entries.TryGetValue(number, out var existing) && existing.Type == XrefEntryType.Free && entry.Type != XrefEntryType.Free)
                {
                    table.Entries[number] = entry;
                }
                else
                {
                    table.AddIfAbsent(number, entry);
                }
            }
        }

        return dict;
    }

    private static long ReadField(byte[] data, int pos, int width)
    {
        long v = 0;
        for (int i = 0; i < width; i++)
        {
            v = (v << 8) | data[pos + i];
        }

        return v;
    }

    private static int AsInt(PdfObject o) => o switch
    {
        PdfInteger i => (int)Math.Clamp(i.Value, int.MinValue, int.MaxValue),
        PdfReal r => (int)r.Value,
        _ => 0,
    };

    /// <summary>Rebuilds the table by scanning for "n g obj" headers and trailers (poppler's and PdfPig's fallback).</summary>
    public static XrefTable Reconstruct(PdfFile file)
    {
        var data = file.Data;
        var table = new XrefTable { Reconstructed = true };
        var found = new Dictionary<int, XrefEntry>();
        var span = data.AsSpan();
        int pos = 0;
        int objectCount = 0;
        while (pos < data.Length)
        {
            int idx = span[pos..].IndexOf("obj"u8);
            if (idx < 0)
            {
                break;
            }

            int at = pos + idx;
            pos = at + 3;
            if (at + 3 < data.Length && Lexer.IsRegular(data[at + 3]))
            {
                continue;
            }

            // Walk back over "n g ".
            int p = at - 1;
            if (p < 0 || !Lexer.IsWhite(data[p]))
            {
                continue;
            }

            while (p >= 0 && Lexer.IsWhite(data[p]))
            {
                p--;
            }

            int genEnd = p + 1;
            while (p >= 0 && data[p] >= (byte)'0' && data[p] <= (byte)'9')
            {
                p--;
            }

            int genStart = p + 1;
            if (genStart == genEnd || p < 0 || !Lexer.IsWhite(data[p]))
            {
                continue;
            }

            while (p >= 0 && Lexer.IsWhite(data[p]))
            {
                p--;
            }

            int numEnd = p + 1;
            while (p >= 0 && data[p] >= (byte)'0' && data[p] <= (byte)'9')
            {
                p--;
            }

            int numStart = p + 1;
            if (numStart == numEnd || numEnd - numStart > 10 || genEnd - genStart > 5)
            {
                continue;
            }

            if (p >= 0 && !Lexer.IsWhite(data[p]) && !Lexer.IsDelimiter(data[p]))
            {
                continue;
            }

            long number = ParseDigits(data, numStart, numEnd);
            long gen = ParseDigits(data, genStart, genEnd);
            if (number <= 0 || number > int.MaxValue || gen > 65535)
            {
                continue;
            }

            if (++objectCount > file.Options.MaxObjects)
            {
                throw new PdfLimitException("too many objects");
            }

            // Later definitions win: they belong to incremental updates.
            found[(int)number] = XrefEntry.InFile(numStart, (int)gen);
        }

        foreach (var kv in found)
        {
            table.Entries[kv.Key] = kv.Value;
        }

        // Trailers: the last one naming a /Root wins; keys missing from it are taken from earlier ones.
        PdfDictionary? trailer = null;
        pos = 0;
        while (pos < data.Length)
        {
            int idx = span[pos..].IndexOf("trailer"u8);
            if (idx < 0)
            {
                break;
            }

            int at = pos + idx;
            pos = at + 7;
            try
            {
                var parser = new ObjectParser(new Lexer(data, at + 7, data.Length), file.Options.MaxNestingDepth);
                if (parser.ReadObject() is PdfDictionary d)
                {
                    trailer = Merge(trailer, d);
                }
            }
            catch (PdfFormatException)
            {
            }
        }

        table.Trailer = trailer ?? new PdfDictionary();
        return table;
    }

    private static PdfDictionary Merge(PdfDictionary? older, PdfDictionary newer)
    {
        if (older is null)
        {
            return newer;
        }

        var merged = new PdfDictionary(new Dictionary<string, PdfObject>(older.Entries, StringComparer.Ordinal));
        foreach (var kv in newer.Entries)
        {
            merged.Entries[kv.Key] = kv.Value;
        }

        return merged;
    }

    private static long ParseDigits(byte[] data, int s, int e)
    {
        long v = 0;
        for (int i = s; i < e; i++)
        {
            v = (v * 10) + (data[i] - '0');
        }

        return v;
    }
}
