using System.Runtime.InteropServices;
using Extractor.Pdf.Crypto;
using Extractor.Pdf.Filters;

namespace Extractor.Pdf.Parsing;

/// <summary>
/// The object layer of one file: cross-reference, object and object-stream cache, decryption and stream decoding.
/// Everything above it works with resolved <see cref="PdfObject"/>s.
/// </summary>
internal sealed class PdfFile
{
    private readonly Dictionary<int, PdfObject> cache = new();
    private readonly Dictionary<int, ObjectStreamContent?> objectStreams = new();
    private readonly HashSet<int> resolving = new();
    private XrefTable? reconstructed;
    private long totalDecoded;

    // Streams found over the per-stream limit, with why: a page tree can draw one bomb on every page.
    private readonly Dictionary<(int Number, int Generation), string> overLimit = new();

    public PdfFile(byte[] data, PdfOpenOptions options, Deadline deadline)
    {
        Data = data;
        Options = options;
        Deadline = deadline;
        Xref = new XrefTable();
    }

    public byte[] Data { get; }

    public PdfOpenOptions Options { get; }

    public Deadline Deadline { get; set; }

    public XrefTable Xref { get; private set; }

    public SecurityHandler? Security { get; set; }

    public int HeaderOffset { get; private set; }

    // A damaged file can repeat one problem for every object or every page: each is told once, and only so many.
    private const int MaxWarnings = 100;
    private readonly List<string> warnings = new();
    private readonly HashSet<string> warned = new(StringComparer.Ordinal);

    /// <summary>Problems met while reading objects that did not stop the reading.</summary>
    public IReadOnlyList<string> Warnings => warnings;

    /// <summary>Records a problem, once, up to a limit.</summary>
    public void Warn(string message)
    {
        if (warnings.Count > MaxWarnings || !warned.Add(message))
        {
            return;
        }

        warnings.Add(warnings.Count < MaxWarnings ? message : $"more than {MaxWarnings} problems; the rest are not listed");
    }

    public void Load()
    {
        var head = Data.AsSpan(0, Math.Min(Data.Length, 1024));
        int header = head.IndexOf("%PDF-"u8);
        if (header < 0)
        {
            throw new PdfReadException(PdfErrorKind.NotPdf, "no %PDF- header in the first 1024 bytes");
        }

        HeaderOffset = header;
        long start = XrefReader.FindStartXref(Data);
        XrefTable? table = null;
        if (start >= 0)
        {
            try
            {
                table = XrefReader.Read(this, start, header);
                if (table.Trailer["Root"] is null)
                {
                    table = null;
                }
            }
            catch (PdfFormatException e)
            {
                Warn("cross-reference unreadable, rebuilt by scanning: " + e.Message);
                table = null;
            }
        }
        else
        {
            Warn("no startxref, cross-reference rebuilt by scanning");
        }

        if (table is null)
        {
            table = Reconstruct();
        }

        Xref = table;
        cache.Clear();
    }

    /// <summary>Builds (once) the scanned table and switches to it.</summary>
    public XrefTable Reconstruct()
    {
        if (reconstructed is null)
        {
            reconstructed = XrefReader.Reconstruct(this);
            // The original trailer may still be fine when only offsets were wrong.
            if (reconstructed.Trailer["Root"] is null && Xref.Trailer["Root"] is not null)
            {
                reconstructed.Trailer = Xref.Trailer;
            }

            if (reconstructed.Trailer["Root"] is null)
            {
                // Xref streams carry trailer keys; failing that, look for the catalog itself.
                FindRootByScanning(reconstructed);
            }
        }

        return reconstructed;
    }

    private void FindRootByScanning(XrefTable table)
    {
        PdfDictionary? trailerFromStream = null;
        int? catalog = null;
        foreach (var (number, entry) in table.Entries.OrderBy(e => e.Value.Offset))
        {
            Deadline.Check();
            PdfObject? obj;
            try
            {
                obj = ReadIndirectObjectAt(entry.Offset, number, out _);
            }
            catch (PdfFormatException)
            {
                continue;
            }

            var dict = obj as PdfDictionary ?? (obj as PdfStream)?.Dictionary;
            if (dict is null)
            {
                continue;
            }

            if (dict["Type"] is PdfName t)
            {
                if (t.Value == "XRef" && dict["Root"] is not null)
                {
                    trailerFromStream = dict;
                }
                else if (t.Value == "Catalog")
                {
                    catalog = number;
                }
                else if (t.Value == "ObjStm" && obj is PdfStream os)
                {
                    RegisterObjectStreamMembers(table, number, os);
                }
            }
        }

        if (trailerFromStream is not null)
        {
            table.Trailer = trailerFromStream;
        }
        else if (catalog is int c)
        {
            var t = new PdfDictionary();
            t.Entries["Root"] = new PdfReference(c, table.Entries[c].Generation);
            foreach (var key in new[] { "Info", "Encrypt", "ID" })
            {
                if (Xref.Trailer[key] is { } v)
                {
                    t.Entries[key] = v;
                }
            }

            table.Trailer = t;
        }
    }

    private void RegisterObjectStreamMembers(XrefTable table, int streamNumber, PdfStream stream)
    {
        try
        {
            var content = ParseObjectStream(streamNumber, stream);
            for (int i = 0; i < content.Numbers.Length; i++)
            {
                table.AddIfAbsent(content.Numbers[i], XrefEntry.Compressed(streamNumber, i));
            }
        }
        catch (PdfFormatException)
        {
        }
    }

    public PdfDictionary Trailer => Xref.Trailer;

    /// <summary>Forgets loaded objects (after the security handler is known, they must be read again).</summary>
    public void ClearCache()
    {
        cache.Clear();
        objectStreams.Clear();
    }

    /// <summary>Switches to the table rebuilt by scanning.</summary>
    public void UseReconstructed()
    {
        var table = Reconstruct();
        if (!ReferenceEquals(table, Xref))
        {
            Warn("cross-reference rebuilt by scanning");
            Xref = table;
            ClearCache();
        }
    }

    /// <summary>Follows references until a direct object; null for missing objects.</summary>
    public PdfObject? Resolve(PdfObject? obj)
    {
        int guard = 0;
        while (obj is PdfReference r)
        {
            if (++guard > 32)
            {
                Warn($"object {r.Number}: a chain of references longer than 32 (or a cycle); read as null");
                return null;
            }

            obj = GetObject(r.Number);
        }

        return obj is PdfNull ? null : obj;
    }

    public PdfDictionary? ResolveDictionary(PdfObject? obj)
    {
        var o = Resolve(obj);
        return o as PdfDictionary ?? (o as PdfStream)?.Dictionary;
    }

    public PdfObject? Get(PdfDictionary? dict, string key) => dict is null ? null : Resolve(dict[key]);

    public PdfObject? GetObject(int number)
    {
        if (cache.TryGetValue(number, out var cached))
        {
            return cached;
        }

        // A reference cycle while loading (a /Length pointing at its own stream), or a chain of streams whose
        // lengths point at one another deep enough to threaten the stack.
        if (resolving.Count >= 64 || !resolving.Add(number))
        {
            return null;
        }

        try
        {
            var obj = LoadObject(number, Xref);
            if (obj is null && !Xref.Reconstructed)
            {
                // The xref may be wrong: try the scanned table.
                var table = Reconstruct();
                obj = LoadObject(number, table);
                if (obj is not null && !ReferenceEquals(Xref, table))
                {
                    Warn($"object {number} found by scanning; cross-reference is wrong");
                }
            }

            obj ??= PdfNull.Instance;
            cache[number] = obj;
            return obj;
        }
        finally
        {
            resolving.Remove(number);
        }
    }

    private PdfObject? LoadObject(int number, XrefTable table)
    {
        if (!table.Entries.TryGetValue(number, out var entry))
        {
            return null;
        }

        try
        {
            switch (entry.Type)
            {
                case XrefEntryType.InFile:
                {
                    var obj = ReadIndirectObjectAt(entry.Offset, number, out bool matched);
                    if (!matched)
                    {
                        // Try the header shift once.
                        if (HeaderOffset > 0)
                        {
                            obj = ReadIndirectObjectAt(entry.Offset + HeaderOffset, number, out matched);
                        }

                        if (!matched)
                        {
                            return null;
                        }
                    }

                    return Decrypt(obj, number, entry.Generation);
                }

                case XrefEntryType.InObjectStream:
                    return LoadFromObjectStream(entry.StreamNumber, entry.IndexInStream, number);
                default:
                    return null;
            }
        }
        catch (PdfFormatException)
        {
            return null;
        }
    }

    private PdfObject? Decrypt(PdfObject? obj, int number, int gen)
    {
        if (Security is null || obj is null)
        {
            return obj;
        }

        // The encryption dictionary's own strings are not encrypted.
        if (Trailer["Encrypt"] is PdfReference er && er.Number == number)
        {
            return obj;
        }

        Security.DecryptStrings(obj, number, gen, 0);
        return obj;
    }

    /// <summary>Reads "n g obj … endobj" at an offset. <paramref name="matched"/> tells whether the header matched the expected number.</summary>
    public PdfObject? ReadIndirectObjectAt(long offset, int expectedNumber, out bool matched)
    {
        matched = false;
        if (offset < 0 || offset >= Data.Length)
        {
            return null;
        }

        var lexer = new Lexer(Data, (int)offset, Data.Length);
        if (!lexer.Next(out var n) || n.Kind != TokenKind.Integer || !lexer.Next(out var g) || g.Kind != TokenKind.Integer ||
            !lexer.Next(out var kw) || !lexer.KeywordEquals(in kw, "obj"u8))
        {
            return null;
        }

        if (expectedNumber >= 0 && n.Integer != expectedNumber)
        {
            return null;
        }

        matched = true;
        var parser = new ObjectParser(lexer, Options.MaxNestingDepth);
        var obj = parser.ReadObject();
        if (obj is PdfDictionary dict)
        {
            int save = lexer.Position;
            if (lexer.Next(out var st) && lexer.KeywordEquals(in st, "stream"u8))
            {
                return ReadStreamBody(dict, lexer.Position, (int)n.Integer, (int)g.Integer);
            }

            lexer.Position = save;
        }

        return obj;
    }

    private PdfStream ReadStreamBody(PdfDictionary dict, int afterKeyword, int number, int gen)
    {
        var d = Data;
        int start = afterKeyword;
        // "stream" is followed by CRLF or LF (a lone CR is tolerated).
        if (start < d.Length && d[start] == 13)
        {
            start++;
        }

        if (start < d.Length && d[start] == 10)
        {
            start++;
        }

        long length = -1;
        var lengthObj = dict["Length"];
        if (lengthObj is PdfInteger li)
        {
            length = li.Value;
        }
        else if (lengthObj is PdfReference lr && lr.Number != number)
        {
            if (Resolve(lr) is PdfInteger resolved)
            {
                length = resolved.Value;
            }
        }

        if (length >= 0 && start + length <= d.Length && EndstreamFollows(start + (int)length))
        {
            return new PdfStream(dict, d.AsMemory(start, (int)length), number, gen);
        }

        // Wrong or missing /Length: find "endstream" and drop the EOL before it.
        int idx = d.AsSpan(start).IndexOf("endstream"u8);
        int end = idx < 0 ? d.Length : start + idx;
        int objEnd = d.AsSpan(start, end - start).IndexOf("endobj"u8);
        if (objEnd >= 0)
        {
            end = start + objEnd;
        }

        if (end > start && d[end - 1] == 10)
        {
            end--;
        }

        if (end > start && d[end - 1] == 13)
        {
            end--;
        }

        return new PdfStream(dict, d.AsMemory(start, end - start), number, gen);
    }

    private bool EndstreamFollows(int pos)
    {
        var lexer = new Lexer(Data, pos, Math.Min(Data.Length, pos + 64));
        lexer.SkipWhitespace();
        int p = lexer.Position;
        return p + 9 <= Data.Length && Data.AsSpan(p, 9).SequenceEqual("endstream"u8) ||
               p + 6 <= Data.Length && Data.AsSpan(p, 6).SequenceEqual("endobj"u8);
    }

    private sealed class ObjectStreamContent
    {
        public required byte[] Data { get; init; }

        public required int[] Numbers { get; init; }

        public required int[] Offsets { get; init; }

        public required int First { get; init; }
    }

    private PdfObject? LoadFromObjectStream(int streamNumber, int index, int number)
    {
        if (!objectStreams.TryGetValue(streamNumber, out var content))
        {
            content = null;
            if (GetObject(streamNumber) is PdfStream s)
            {
                try
                {
                    content = ParseObjectStream(streamNumber, s);
                }
                catch (PdfFormatException e)
                {
                    Warn($"object stream {streamNumber}: {e.Message}");
                }
            }

            objectStreams[streamNumber] = content;
        }

        if (content is null)
        {
            return null;
        }

        // The index in the xref is a hint; the number in the stream header is authoritative.
        int i = index >= 0 && index < content.Numbers.Length && content.Numbers[index] == number ? index : Array.IndexOf(content.Numbers, number);
        if (i < 0)
        {
            return null;
        }

        int start = content.First + content.Offsets[i];
        if (start < 0 || start >= content.Data.Length)
        {
            return null;
        }

        var parser = new ObjectParser(new Lexer(content.Data, start, content.Data.Length), Options.MaxNestingDepth);
        return parser.ReadObject();
    }

    private ObjectStreamContent ParseObjectStream(int streamNumber, PdfStream s)
    {
        int n = s.Dictionary["N"] is PdfInteger ni ? (int)Math.Clamp(ni.Value, 0, Options.MaxObjects) : 0;
        int first = s.Dictionary["First"] is PdfInteger fi ? (int)Math.Clamp(fi.Value, 0, int.MaxValue) : 0;
        var data = DecodeStream(s);
        var lexer = new Lexer(data, 0, Math.Min(first, data.Length));
        var numbers = new List<int>();
        var offsets = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (!lexer.Next(out var a) || a.Kind != TokenKind.Integer || !lexer.Next(out var b) || b.Kind != TokenKind.Integer)
            {
                break;
            }

            numbers.Add((int)Math.Clamp(a.Integer, 0, int.MaxValue));
            offsets.Add((int)Math.Clamp(b.Integer, 0, int.MaxValue));
        }

        if (numbers.Count == 0 && n > 0)
        {
            throw new PdfFormatException($"object stream {streamNumber} has an unreadable header");
        }

        return new ObjectStreamContent { Data = data, Numbers = numbers.ToArray(), Offsets = offsets.ToArray(), First = first };
    }

    /// <summary>Decrypts and decodes a stream through its filters. Image codecs (DCT, JPX, JBIG2, CCITT) stop the chain and return the data undecoded.</summary>
    public byte[] DecodeStream(PdfStream stream, bool decrypt = true) => DecodeStream(stream, decrypt, out _);

    public byte[] DecodeStream(PdfStream stream, bool decrypt, out string? stoppedAtFilter)
    {
        stoppedAtFilter = null;
        Deadline.Check();
        var dict = stream.Dictionary;
        var filters = new List<string>();
        var parms = new List<PdfDictionary?>();
        var f = Resolve(dict["Filter"] ?? dict["F"]);
        var p = Resolve(dict["DecodeParms"] ?? dict["DP"]);
        if (f is PdfName fn)
        {
            filters.Add(fn.Value);
            parms.Add(p as PdfDictionary ?? (p is PdfArray pa0 && pa0.Count > 0 ? Resolve(pa0[0]) as PdfDictionary : null));
        }
        else if (f is PdfArray fa)
        {
            for (int i = 0; i < fa.Count; i++)
            {
                if (Resolve(fa[i]) is PdfName name)
                {
                    filters.Add(name.Value);
                    parms.Add(p is PdfArray pa && i < pa.Count ? Resolve(pa[i]) as PdfDictionary : (fa.Count == 1 ? p as PdfDictionary : null));
                }
            }
        }

        // The raw bytes are read where they lie in the file; only decryption or a filter that needs an
        // array of its own copies them.
        var raw = MemoryMarshal.TryGetArray(stream.Raw, out var segment) ? segment : new ArraySegment<byte>(stream.Raw.ToArray());
        if (decrypt && Security is not null)
        {
            bool identityCrypt = filters.Count > 0 && filters[0] == "Crypt";
            bool isMetadata = dict["Type"] is PdfName tn && tn.Value == "Metadata";
            bool isXref = dict["Type"] is PdfName xn && xn.Value == "XRef";
            if (!isXref && !(isMetadata && !Security.EncryptMetadata))
            {
                string? cryptFilterName = identityCrypt ? (parms[0]?["Name"] as PdfName)?.Value ?? "Identity" : null;
                raw = new ArraySegment<byte>(Security.DecryptStream(raw.ToArray(), stream.ObjectNumber, stream.Generation, cryptFilterName));
            }
        }

        long perStream = Options.MaxDecompressedBytesPerStream;
        long remainingTotal = Options.MaxTotalDecompressedBytes - totalDecoded;
        if (remainingTotal <= 0)
        {
            // Spent: later streams are not inflated only to be refused afterwards.
            throw new PdfLimitException($"more than {Options.MaxTotalDecompressedBytes} decoded bytes in total");
        }

        var key = (stream.ObjectNumber, stream.Generation);
        if (stream.ObjectNumber > 0 && overLimit.TryGetValue(key, out var known))
        {
            throw new PdfLimitException(known);
        }

        long limit = Math.Min(perStream, remainingTotal);
        byte[] data;
        try
        {
            data = Decode(stream, raw, filters, parms, limit, out stoppedAtFilter);
        }
        catch (PdfLimitException) when (limit < perStream)
        {
            throw new PdfLimitException($"more than {Options.MaxTotalDecompressedBytes} decoded bytes in total");
        }
        catch (PdfLimitException e) when (stream.ObjectNumber > 0)
        {
            overLimit[key] = e.Message;
            throw;
        }

        totalDecoded += data.Length;
        if (totalDecoded > Options.MaxTotalDecompressedBytes)
        {
            throw new PdfLimitException($"more than {Options.MaxTotalDecompressedBytes} decoded bytes in total");
        }

        return data;
    }

    private byte[] Decode(PdfStream stream, ArraySegment<byte> raw, List<string> filters, List<PdfDictionary?> parms, long limit, out string? stoppedAtFilter)
    {
        stoppedAtFilter = null;
        byte[]? data = null; // null while the input is still the raw bytes
        for (int i = 0; i < filters.Count; i++)
        {
            var parm = parms[i];
            if (data is null && filters[i] is not ("FlateDecode" or "Fl"))
            {
                data = raw.ToArray();
            }

            switch (filters[i])
            {
                case "FlateDecode":
                case "Fl":
                    data = data is null
                        ? FlateFilter.Decode(raw.Array!, raw.Offset, raw.Count, limit, out bool damaged)
                        : FlateFilter.Decode(data, 0, data.Length, limit, out damaged);
                    if (damaged)
                    {
                        Warn($"object {stream.ObjectNumber}: damaged Flate data, kept what decoded");
                    }

                    data = ApplyPredictor(data, parm);
                    break;
                case "LZWDecode":
                case "LZW":
                    data = LzwFilter.Decode(data, parm is null || !(Resolve(parm["EarlyChange"]) is PdfInteger ec) || ec.Value != 0, limit);
                    data = ApplyPredictor(data, parm);
                    break;
                case "ASCIIHexDecode":
                case "AHx":
                    data = AsciiFilters.AsciiHex(data, limit);
                    break;
                case "ASCII85Decode":
                case "A85":
                    data = AsciiFilters.Ascii85(data, limit);
                    break;
                case "RunLengthDecode":
                case "RL":
                    data = AsciiFilters.RunLength(data, limit);
                    break;
                case "Crypt":
                    break;
                default:
                    // DCT, JPX, JBIG2, CCITT and unknown filters: images stay encoded.
                    stoppedAtFilter = filters[i];
                    i = filters.Count;
                    break;
            }
        }

        return data ?? raw.ToArray();
    }

    private byte[] ApplyPredictor(byte[] data, PdfDictionary? parm)
    {
        if (parm is null || Resolve(parm["Predictor"]) is not PdfInteger pred || pred.Value <= 1)
        {
            return data;
        }

        int colors = Resolve(parm["Colors"]) is PdfInteger c ? (int)c.Value : 1;
        int bpc = Resolve(parm["BitsPerComponent"]) is PdfInteger b ? (int)b.Value : 8;
        int columns = Resolve(parm["Columns"]) is PdfInteger col ? (int)Math.Clamp(col.Value, 1, 1 << 24) : 1;
        return PredictorFilter.Apply(data, (int)pred.Value, colors, bpc, columns);
    }
}
