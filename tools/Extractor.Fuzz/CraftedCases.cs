using System.Globalization;
using System.IO.Compression;
using System.Text;
using Extractor.Model;

namespace Extractor.Fuzz;

/// <summary>
/// Hostile inputs made by hand: decompression bombs, deep nesting, reference cycles and loops, absurd sizes
/// and counts, broken CMaps, runaway content, absurd images and text. Each names the diagnostic that
/// must come out. Where the reader can survive the problem without losing anything, the page carries
/// <see cref="Marker"/>, and the case expects that text to be read (reported as text outside any form).
/// </summary>
public static class CraftedCases
{
    /// <summary>The word drawn on crafted pages whose text must survive.</summary>
    public const string Marker = "CraftedMarker";

    private const string MarkerContent = "BT /F1 12 Tf 72 720 Td (" + Marker + ") Tj ET\n";

    private static readonly ExpectedOutcome MarkerRead = new(DiagnosticCodes.UnplacedText, Severity.Warning, Marker);

    /// <summary>Every crafted case, in a fixed order.</summary>
    public static IReadOnlyList<CraftedCase> All { get; } =
    [
        Pdf("flate-bomb", "a content stream Flate-compressed twice: a few KB that inflate to 300 MB of spaces", FlateBomb,
            Warning(DiagnosticCodes.Unreadable, "decoded stream larger than 16777216 bytes"), MarkerRead),
        Pdf("flate-bomb-object-stream", "the page objects inside an object stream that inflates to 300 MB", FlateBombObjectStream,
            Error(DiagnosticCodes.Unreadable, "decoded stream larger than 16777216 bytes")),
        Pdf("flate-bomb-repeated", "200 pages whose content is one stream that inflates to 60 MB", FlateBombRepeated,
            Warning(DiagnosticCodes.Unreadable, "decoded stream larger than 16777216 bytes"), MarkerRead),
        Pdf("nesting-content-arrays", "100,000 nested arrays in a content stream", () => PdfWriter.OnePage(MarkerContent + new string('[', 100_000), compress: true),
            Warning(DiagnosticCodes.Unreadable, "object nesting deeper than 256"), MarkerRead),
        Pdf("nesting-object-dictionaries", "100,000 nested dictionaries in the page object", NestedPageDictionary,
            Error(DiagnosticCodes.Unreadable, "object nesting deeper than 256")),
        Pdf("nesting-q", "100,000 q operators without Q", () => PdfWriter.OnePage(Repeat("q ", 100_000) + MarkerContent, compress: true),
            Warning(DiagnosticCodes.Damaged, "q nesting too deep"), MarkerRead),
        Pdf("nesting-marked-content", "100,000 nested marked-content sequences", () => PdfWriter.OnePage(Repeat("/P BMC /P << /MCID 0 >> BDC ", 50_000) + MarkerContent, compress: true),
            MarkerRead),
        Pdf("nesting-strings", "a literal string with 100,000 nested parentheses", () => PdfWriter.OnePage(MarkerContent + "BT /F1 12 Tf 72 700 Td " + new string('(', 100_000) + new string(')', 100_000) + " Tj ET", compress: true),
            MarkerRead),
        Pdf("reference-cycle-root", "/Root points at an object that points back at it", RootCycle,
            Warning(DiagnosticCodes.Damaged, "pages found by scanning"), MarkerRead),
        Pdf("reference-chain", "the page's /Contents is a chain of 100,000 references", ReferenceChain,
            Warning(DiagnosticCodes.Damaged, "a chain of references longer than 32 (or a cycle)"), MarkerRead),
        Pdf("length-cycle", "stream lengths that are references to each other's streams", LengthCycle,
            MarkerRead),
        Pdf("length-self", "a stream whose /Length is a reference to itself", () => PdfWriter.OnePage(MarkerContent, extra: w => w.Set(4, "<< /Length 4 0 R >>\nstream\n" + MarkerContent + "\nendstream")),
            MarkerRead),
        Pdf("length-huge", "/Length 99999999999 on the content stream", () => Build(w => OnePageInto(w, MarkerContent, length: "99999999999")),
            MarkerRead),
        Pdf("length-negative", "/Length -2147483648 on the content stream", () => Build(w => OnePageInto(w, MarkerContent, length: "-2147483648")),
            MarkerRead),
        Pdf("count-huge", "/Count 2147483647 on the page tree and /Size 2147483647 in the trailer", CountHuge,
            MarkerRead),
        Pdf("xref-subsection-huge", "a cross-reference subsection of 2,000,000,000 entries", XrefSubsectionHuge,
            Warning(DiagnosticCodes.Damaged, "rebuilt by scanning: bad cross-reference subsection range"), MarkerRead),
        Pdf("xref-prev-loop", "two cross-reference sections whose /Prev point at each other", XrefPrevLoop,
            MarkerRead),
        Pdf("object-stream-self", "an object stream that holds itself and /N 2147483647", ObjectStreamSelf,
            Error(DiagnosticCodes.Damaged, "no pages")),
        Pdf("page-tree-self-loop", "a page-tree node whose /Kids is itself", PageTreeSelfLoop,
            Warning(DiagnosticCodes.Damaged, "page tree lists object 2 more than once"), MarkerRead),
        Pdf("page-tree-kids-parent-loop", "two page-tree nodes that are each other's kid, one real page", PageTreeKidsLoop,
            Warning(DiagnosticCodes.Damaged, "page tree lists object 2 more than once"), MarkerRead),
        Pdf("page-tree-deep", "a page tree 100,000 levels deep", PageTreeDeep,
            Warning(DiagnosticCodes.Damaged, "page tree deeper than 256 levels")),
        Pdf("page-tree-wide", "one page listed 1,000,000 times in /Kids", PageTreeWide,
            Warning(DiagnosticCodes.Damaged, "page tree lists object 3 more than once"), MarkerRead),
        Pdf("many-pages", "20,000 pages that share one content stream", ManyPages,
            MarkerRead),
        Pdf("cmap-broken", "a ToUnicode CMap with bad hex, unterminated groups, wrong arities and a huge range", CMapBroken,
            Warning(DiagnosticCodes.Damaged, "empty destination strings ignored"), MarkerRead),
        Pdf("cmap-many-ranges", "a ToUnicode CMap of 300,000 bfranges, used by 60,000 glyphs", CMapManyRanges,
            MarkerRead),
        Pdf("cmap-many-codespaces", "an encoding CMap with 200,000 codespace ranges", CMapManyCodespaces,
            Warning(DiagnosticCodes.Damaged, "more than 100 codespace ranges; the rest ignored"), MarkerRead),
        Pdf("cmap-usecmap-loop", "an encoding CMap that uses itself, by name and by /UseCMap", CMapUseLoop,
            MarkerRead),
        Pdf("cmap-huge-destination", "a ToUnicode bfchar whose destination is 1 MB long, drawn 5,000 times", CMapHugeDestination,
            Warning(DiagnosticCodes.Damaged, "destination strings longer than 512 bytes ignored"), MarkerRead),
        Pdf("operators-millions", "a content stream of 6,000,000 operators", () => PdfWriter.OnePage(MarkerContent + Repeat("q Q ", 3_000_000), compress: true),
            Warning(DiagnosticCodes.Unreadable, "more than 5000000 operators on the page"), MarkerRead),
        Pdf("operands-millions", "a content stream of 7,000,000 operands and no operator", () => PdfWriter.OnePage(MarkerContent + Repeat("1 ", 7_000_000), compress: true),
            MarkerRead),
        Pdf("glyphs-million", "1,000,000 glyphs drawn on one page", GlyphsMillion,
            Warning(DiagnosticCodes.Unreadable, "more than 100000 letters on the page"), MarkerRead),
        Pdf("glyphs-unmapped", "one string of 10,000,000 codes that map to no text", GlyphsUnmapped,
            Warning(DiagnosticCodes.Unreadable, "more than 100000 letters on the page"), MarkerRead),
        Pdf("glyphs-scattered", "90,000 single letters scattered over a 200-inch page, each its own chunk of text", GlyphsScattered,
            MarkerRead),
        Pdf("glyphs-document", "120 pages of 9,000 letters: over the letters a document may hold", GlyphsDocument,
            Error(DiagnosticCodes.Unreadable, "more than 1000000 letters in the document; reading stopped at page 111 of 120")),
        Pdf("stream-table-long", "a table without rulings that runs on over 300 pages, 续表 over each page's part", StreamTableLong,
            Warning(DiagnosticCodes.FormIncomplete, "总分")),
        Pdf("rulings-million", "300,000 ruling lines on one page", RulingsMillion,
            Warning(DiagnosticCodes.Unreadable, "more than 50000 rulings on the page"), MarkerRead),
        Pdf("grid-huge", "a ruled mesh of 3,000 by 3,000 lines on a 200-inch page", GridHuge,
            MarkerRead),
        Pdf("xobject-mutual", "two Form XObjects that draw each other", XObjectMutual,
            Warning(DiagnosticCodes.Damaged, "nested too deeply or recursive"), MarkerRead),
        Pdf("xobject-fanout", "20 levels of Form XObjects, each drawing the next one twice (2^20 draws)", XObjectFanout,
            MarkerRead),
        Pdf("image-huge", "images of 2147483647 × 2147483647 pixels, as XObject and inline", ImageHuge,
            Warning(DiagnosticCodes.NoTextLayer, "has no text layer, only images")),
        Pdf("predictor-huge-row", "a 12-byte Flate stream with a PNG predictor of 4,000,000 columns of 32 colours", PredictorHugeRow,
            MarkerRead),
        Pdf("coordinates-overflow", "matrices that overflow to infinity and NaN, and a 1e38-point media box", CoordinatesOverflow,
            MarkerRead),
        Pdf("widths-absurd", "a font with /FirstChar -5, /LastChar 2147483647 and widths of 1e30", WidthsAbsurd,
            MarkerRead),
        Pdf("encrypt-unknown-handler", "/Encrypt with an unknown security handler", () => Build(w => OnePageInto(w, MarkerContent), "/Encrypt << /Filter /NoSuchHandler /V 9 /R 9 >>"),
            Error(DiagnosticCodes.Encrypted, "security handler")),
        Pdf("slow-pages", "60 pages that each show a 15 MB string in a font whose 100 codespace ranges match nothing: 15 minutes of reading", SlowPages,
            Error(DiagnosticCodes.Timeout, "timed out after")),
        Pdf("header-only", "a file that holds only %PDF-1.7", () => "%PDF-1.7\n"u8.ToArray(),
            Error(DiagnosticCodes.Damaged, "no pages")),
        Pdf("header-then-noise", "%PDF-1.7 and 2 MB of random bytes", () => [.. "%PDF-1.7\n"u8, .. new Prng(7).Bytes(2 << 20)],
            Error(DiagnosticCodes.Damaged, "no pages")),
        Text("text-empty", "an empty text file", () => [],
            Error(DiagnosticCodes.NoText, "empty")),
        Text("text-tabs-million", "one line of 1,000,000 tabs", () => Encoding.UTF8.GetBytes("项目名称\t" + new string('\t', 1_000_000) + "x\n"),
            Error(DiagnosticCodes.Unreadable, "longer than")),
        Text("text-lines-millions", "3,000,000 lines", () => Encoding.UTF8.GetBytes(Repeat("总分\t100\n", 3_000_000)),
            Error(DiagnosticCodes.Unreadable, "lines")),
        Text("text-cr-lines", "300,000 lines ended by CR alone", () => Encoding.UTF8.GetBytes(Repeat("总分\t100\r", 300_000)),
            Error(DiagnosticCodes.Unreadable, "lines")),
        Text("text-invalid-utf8", "bytes that are neither UTF-8 nor GB18030", () => [.. Encoding.UTF8.GetBytes("项目名称\t"), 0xFF, 0xFF, 0x80, 0xFE, .. "\n"u8],
            Error(DiagnosticCodes.Unsupported, "neither UTF-8 nor GB18030")),
        Text("text-nul", "row text with NUL bytes", () => [.. Encoding.UTF8.GetBytes("财政项目支出绩效自评表\n项目名称\t"), 0, .. Encoding.UTF8.GetBytes("测试\n")],
            Error(DiagnosticCodes.Unsupported, "NUL")),
        Text("text-long-cells", "100 lines that are each one cell of 99,999 Chinese characters", TextLongCells,
            Warning(DiagnosticCodes.UnplacedText, "项目项目项目")),
        Text("text-at-limits", "the most cells the text limits allow: lines of 99,999 tabs up to the size limit", TextAtLimits,
            Error(DiagnosticCodes.NoForm, "no self-evaluation form")),
        Text("text-huge-numbers", "a form whose amounts and scores are 400-digit numbers and 1e400", TextHugeNumbers,
            Warning(DiagnosticCodes.UnplacedText, "99999999999999999999")),
    ];

    /// <summary>The crafted case of that name.</summary>
    public static CraftedCase Get(string name) =>
        All.FirstOrDefault(c => c.Name == name) ?? throw new ArgumentException("no crafted case " + name, nameof(name));

    private static CraftedCase Pdf(string name, string description, Func<byte[]> build, params ExpectedOutcome[] expected) =>
        new(name, description, ".pdf", build, expected);

    private static CraftedCase Text(string name, string description, Func<byte[]> build, params ExpectedOutcome[] expected) =>
        new(name, description, ".txt", build, expected);

    private static ExpectedOutcome Warning(string code, string reason) => new(code, Severity.Warning, reason);

    private static ExpectedOutcome Error(string code, string reason) => new(code, Severity.Error, reason);

    private static string Repeat(string s, int count) => new StringBuilder(s.Length * count).Insert(0, s, count).ToString();

    private static byte[] Build(Action<PdfWriter> objects, string trailer = "")
    {
        var pdf = new PdfWriter();
        objects(pdf);
        return pdf.Build("/Root 1 0 R " + trailer);
    }

    /// <summary>Objects 1–4 of a one-page document (catalog, pages, page, content) into <paramref name="pdf"/>.</summary>
    private static void OnePageInto(PdfWriter pdf, string content, string resources = PdfWriter.Helvetica, string? length = null)
    {
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {resources} /Contents 4 0 R >>");
        var data = Encoding.Latin1.GetBytes(content);
        if (length is null)
        {
            pdf.AddStream(string.Empty, data);
        }
        else
        {
            pdf.AddStream(string.Empty, data, length);
        }
    }

    /// <summary><paramref name="megabytes"/> MB of spaces, deflated twice: a few KB.</summary>
    private static byte[] DoubleDeflatedSpaces(int megabytes)
    {
        var chunk = new byte[1 << 20];
        chunk.AsSpan().Fill((byte)' ');
        using var once = new MemoryStream();
        using (var z = new ZLibStream(once, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var i = 0; i < megabytes; i++)
            {
                z.Write(chunk);
            }
        }

        return Mutator.Deflate(once.ToArray(), CompressionLevel.Optimal);
    }

    private static readonly Lazy<byte[]> Bomb300 = new(() => DoubleDeflatedSpaces(300));

    private static byte[] FlateBomb() => Build(w =>
    {
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        w.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents [5 0 R 4 0 R] >>");
        w.AddStream("/Filter [/FlateDecode /FlateDecode]", Bomb300.Value);
        w.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent));
    });

    private static byte[] FlateBombObjectStream()
    {
        // Objects 2 and 3 (pages, page) are said to live in object stream 5, which is the bomb.
        var pdf = new PdfWriter();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("null");
        pdf.Add("null");
        pdf.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent));
        pdf.AddStream("/Type /ObjStm /N 2 /First 10 /Filter [/FlateDecode /FlateDecode]", Bomb300.Value);
        return pdf.BuildWithXrefStream("/Root 1 0 R", new Dictionary<int, (int, int)> { [2] = (5, 0), [3] = (5, 1) });
    }

    private static readonly Lazy<byte[]> Bomb60 = new(() => DoubleDeflatedSpaces(60));

    private static byte[] FlateBombRepeated() => Build(w =>
    {
        const int pages = 200;
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        var kids = string.Join(' ', Enumerable.Range(0, pages).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i + 5} 0 R")));
        w.Add($"<< /Type /Pages /Kids [{kids}] /Count {pages} >>");
        w.AddStream("/Filter [/FlateDecode /FlateDecode]", Bomb60.Value);
        w.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent));
        for (var i = 0; i < pages; i++)
        {
            w.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents [4 0 R 3 0 R] >>");
        }
    });

    private static byte[] NestedPageDictionary() => Build(w =>
    {
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        w.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents 4 0 R /Junk {Repeat("<< /A ", 100_000)} >>");
        w.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent));
    });

    private static byte[] RootCycle()
    {
        var pdf = new PdfWriter();
        pdf.Add("2 0 R");
        pdf.Add("1 0 R");
        pdf.Add("<< /Type /Pages /Kids [4 0 R] /Count 1 >>");
        pdf.Add($"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents 5 0 R >>");
        pdf.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent));
        return pdf.Build("/Root 1 0 R");
    }

    private static byte[] ReferenceChain() => Build(w =>
    {
        const int links = 100_000;
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        w.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents [4 0 R 5 0 R] >>");
        w.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent));
        for (var i = 0; i < links; i++)
        {
            w.Add(string.Create(CultureInfo.InvariantCulture, $"{i + 6} 0 R"));
        }

        w.AddStream(string.Empty, "BT /F1 12 Tf 72 600 Td (end of the chain) Tj ET"u8.ToArray());
    });

    private static byte[] LengthCycle() => Build(w =>
    {
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        w.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents [4 0 R 5 0 R] >>");
        w.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent), "5 0 R");
        w.AddStream(string.Empty, " "u8.ToArray(), "4 0 R");
    });

    private static byte[] CountHuge()
    {
        var bytes = Build(w =>
        {
            w.Add("<< /Type /Catalog /Pages 2 0 R >>");
            w.Add("<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>");
            w.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents 4 0 R >>");
            w.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent));
        });
        return Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(bytes).Replace("/Size 5", "/Size 2147483647", StringComparison.Ordinal));
    }

    private static byte[] XrefSubsectionHuge()
    {
        var bytes = Build(w => OnePageInto(w, MarkerContent));
        return Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(bytes).Replace("xref\n0 5\n", "xref\n0 2000000000\n", StringComparison.Ordinal));
    }

    private static byte[] XrefPrevLoop()
    {
        var bytes = Encoding.Latin1.GetString(Build(w => OnePageInto(w, MarkerContent)));
        var xref = bytes.LastIndexOf("\nxref\n", StringComparison.Ordinal) + 1;

        // A second, empty section after the file names the first as /Prev, and the first names it back.
        var withPrev = bytes.Replace("/Size 5 /Root 1 0 R", "/Size 5 /Root 1 0 R /Prev 0000000000", StringComparison.Ordinal);
        var second = withPrev.Length;
        withPrev = withPrev.Replace("/Prev 0000000000", string.Create(CultureInfo.InvariantCulture, $"/Prev {second:D10}"), StringComparison.Ordinal);
        var appended = string.Create(CultureInfo.InvariantCulture, $"xref\n0 0\ntrailer\n<< /Size 5 /Root 1 0 R /Prev {xref} >>\nstartxref\n{second}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(withPrev + appended);
    }

    private static byte[] ObjectStreamSelf()
    {
        // Object 2 (the page tree) lives in object stream 3, and so does object 3 itself.
        var pdf = new PdfWriter();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("null");
        pdf.AddStream("/Type /ObjStm /N 2147483647 /First 2147483647", "2 0 3 40 << /Type /Pages /Kids [] /Count 0 >> << /Type /ObjStm >>"u8.ToArray());
        return pdf.BuildWithXrefStream("/Root 1 0 R", new Dictionary<int, (int, int)> { [2] = (3, 0), [3] = (3, 1) });
    }

    private static byte[] PageTreeSelfLoop() => Build(w =>
    {
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add("<< /Type /Pages /Kids [2 0 R] /Count 1 >>");
        w.Add($"<< /Type /Page /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents 4 0 R >>");
        w.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent));
    });

    private static byte[] PageTreeKidsLoop() => Build(w =>
    {
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add("<< /Type /Pages /Kids [5 0 R] /Count 1 /Parent 5 0 R >>");
        w.Add($"<< /Type /Page /Parent 5 0 R /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents 4 0 R >>");
        w.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent));
        w.Add("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 /Parent 2 0 R >>");
    });

    private static byte[] PageTreeDeep() => Build(w =>
    {
        const int depth = 100_000;
        w.Add("<< /Type /Catalog /Pages 5 0 R >>");
        w.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        w.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents 4 0 R >>");
        w.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent));
        for (var i = 0; i < depth; i++)
        {
            var kid = i == depth - 1 ? 2 : i + 6;
            w.Add(string.Create(CultureInfo.InvariantCulture, $"<< /Type /Pages /Kids [{kid} 0 R] /Count 1 >>"));
        }
    });

    private static byte[] PageTreeWide() => Build(w =>
    {
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add($"<< /Type /Pages /Kids [{Repeat("3 0 R ", 1_000_000)}] /Count 1000000 >>");
        w.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents 4 0 R >>");
        w.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent));
    });

    private static byte[] ManyPages() => Build(w =>
    {
        const int pages = 20_000;
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        var kids = new StringBuilder();
        for (var i = 0; i < pages; i++)
        {
            kids.Append(CultureInfo.InvariantCulture, $"{i + 5} 0 R ");
        }

        w.Add($"<< /Type /Pages /Kids [{kids}] /Count {pages} >>");
        w.Add(PdfWriter.Helvetica);
        w.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent));
        for (var i = 0; i < pages; i++)
        {
            w.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 3 0 R /Contents 4 0 R >>");
        }
    });

    /// <summary>A page drawing <paramref name="content"/> with font /F1 = Helvetica whose ToUnicode is the stream given.</summary>
    private static byte[] WithToUnicode(string content, byte[] cmap, bool compressContent = false) => Build(w =>
    {
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        w.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>");
        if (compressContent)
        {
            w.AddFlateStream(string.Empty, Encoding.Latin1.GetBytes(content));
        }
        else
        {
            w.AddStream(string.Empty, Encoding.Latin1.GetBytes(content));
        }

        w.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>");
        w.AddFlateStream(string.Empty, cmap);
    });

    private static byte[] CMapBroken()
    {
        const string cmap = """
            /CIDInit /ProcSet findresource begin 12 dict begin begincmap
            /CMapName /Broken def
            1 begincodespacerange <00> <FF> endcodespacerange
            3 begincodespacerange <0000000000> <FFFFFFFFFF> <zz> <q> endcodespacerange
            4 beginbfchar <41> <zzzz> <42> <0042> <43> <> <44
            endbfchar
            2 beginbfrange <00000000> <FFFFFFFF> <0041> <20> <7E> <0020> <7F> <10> <0041> endbfrange
            1 beginbfrange <20> <7E> [<0020> <00> () 5 /x <<>> ] endbfrange
            2 beginbfrange <80> <FF> <D800>
            """;
        return WithToUnicode(MarkerContent, Encoding.Latin1.GetBytes(cmap));
    }

    private static byte[] CMapManyRanges()
    {
        // Two-byte codes map to themselves, then 300,000 ranges over four-byte codes that never match: a lookup
        // that walks the ranges one by one pays for all of them on each of the 60,000 distinct codes shown.
        var cmap = new StringBuilder("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
        cmap.Append("1 beginbfrange <0000> <FFFF> <0000> endbfrange\n");
        for (var block = 0; block < 3000; block++)
        {
            cmap.Append("100 beginbfrange\n");
            for (var i = 0; i < 100; i++)
            {
                var code = 0x10000 + (block * 100) + i;
                cmap.Append(CultureInfo.InvariantCulture, $"<{code:X8}> <{code:X8}> <{0x4E00 + (code % 0x5000):X4}>\n");
            }

            cmap.Append("endbfrange\n");
        }

        cmap.Append("endcmap\n");
        var content = new StringBuilder(MarkerContent);
        content.Append("BT /F2 4 Tf 20 700 Td\n");
        for (var line = 0; line < 600; line++)
        {
            content.Append('<');
            for (var i = 0; i < 100; i++)
            {
                content.Append(CultureInfo.InvariantCulture, $"{0x4E00 + (line * 100) + i:X4}");
            }

            content.Append("> Tj 0 -1.1 Td\n");
        }

        content.Append("ET");
        return WithType0(content.ToString(), "/Identity-H", toUnicode: Encoding.Latin1.GetBytes(cmap.ToString()));
    }

    /// <summary>
    /// A page with /F1 = Helvetica for the marker and /F2 = a Type 0 font whose encoding is <paramref name="encoding"/>
    /// (a CMap name, or the stream given) and whose ToUnicode is <paramref name="toUnicode"/> when given.
    /// </summary>
    private static byte[] WithType0(string content, string encoding, byte[]? encodingCMap = null, byte[]? toUnicode = null, string encodingEntries = "") => Build(w =>
    {
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        w.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {PdfWriter.HelveticaFont} /F2 5 0 R >> >> /Contents 4 0 R >>");
        w.AddFlateStream(string.Empty, Encoding.Latin1.GetBytes(content));
        w.Add($"<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding {encoding} /DescendantFonts [6 0 R] {(toUnicode is null ? string.Empty : "/ToUnicode 7 0 R")} >>");
        w.Add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 5 >> /DW 1000 >>");
        w.AddFlateStream(string.Empty, toUnicode ?? []);
        w.AddFlateStream("/Type /CMap /CMapName /Loop " + encodingEntries, encodingCMap ?? []);
    });

    private static byte[] CMapManyCodespaces()
    {
        var cmap = new StringBuilder("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n");
        for (var block = 0; block < 2000; block++)
        {
            cmap.Append("100 begincodespacerange\n");
            for (var i = 0; i < 100; i++)
            {
                var low = (block * 100) + i;
                cmap.Append(CultureInfo.InvariantCulture, $"<{low:X6}> <{low:X6}>\n");
            }

            cmap.Append("endcodespacerange\n");
        }

        cmap.Append("1 begincidrange <000000> <FFFFFF> 1 endcidrange endcmap\n");
        var glyphs = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            glyphs.Append(CultureInfo.InvariantCulture, $"{0xFF0000 + i:X6}");
        }

        return WithType0(MarkerContent + "BT /F2 10 Tf 20 600 Td <" + glyphs + "> Tj ET", "8 0 R", Encoding.Latin1.GetBytes(cmap.ToString()));
    }

    private static byte[] CMapUseLoop()
    {
        const string cmap = """
            /CIDInit /ProcSet findresource begin 12 dict begin begincmap
            /CMapName /Loop def
            /Loop usecmap
            /UniGB-UCS2-H usecmap
            /Loop usecmap
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            1 begincidrange <0000> <FFFF> 0 endcidrange
            endcmap
            """;
        return WithType0(MarkerContent + "BT /F2 10 Tf 20 600 Td <4E2D6587> Tj ET", "8 0 R", Encoding.Latin1.GetBytes(cmap), encodingEntries: "/UseCMap 8 0 R");
    }

    private static byte[] CMapHugeDestination()
    {
        var huge = new StringBuilder(2 << 20);
        for (var i = 0; i < 1 << 19; i++)
        {
            huge.Append("4E2D");
        }

        var cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <00> <FF> endcodespacerange\n"
            + "1 beginbfchar <5A> <" + huge + "> endbfchar\n1 beginbfrange <20> <59> <0020> endbfrange\nendcmap\n";
        return WithToUnicode(MarkerContent + "BT /F1 10 Tf 20 600 Td (" + new string('Z', 5000) + ") Tj ET", Encoding.Latin1.GetBytes(cmap), compressContent: true);
    }

    private static byte[] GlyphsMillion()
    {
        var content = new StringBuilder(MarkerContent);
        var random = new Prng(11);
        content.Append("BT /F1 6 Tf\n");
        for (var i = 0; i < 10_000; i++)
        {
            content.Append(CultureInfo.InvariantCulture, $"1 0 0 1 {random.Next(20, 560)} {random.Next(20, 700)} Tm (");
            for (var k = 0; k < 100; k++)
            {
                content.Append((char)('a' + random.Next(26)));
            }

            content.Append(") Tj\n");
        }

        content.Append("ET");
        return PdfWriter.OnePage(content.ToString(), compress: true);
    }

    private static byte[] GlyphsScattered()
    {
        var content = new StringBuilder(MarkerContent);
        var random = new Prng(17);
        content.Append("BT /F1 4 Tf\n");
        for (var i = 0; i < 90_000; i++)
        {
            content.Append(CultureInfo.InvariantCulture, $"1 0 0 1 {random.Next(20, 143000) / 10.0} {random.Next(20, 143000) / 10.0} Tm ({(char)('a' + random.Next(26))}) Tj\n");
        }

        content.Append("ET");
        return PdfWriter.OnePage(content.ToString(), pageEntries: "/MediaBox [0 0 14400 14400]", compress: true);
    }

    private static byte[] GlyphsUnmapped()
    {
        // A Type 3 font whose glyph names mean nothing: each code is a glyph with no text.
        var codes = new byte[10_000_000];
        codes.AsSpan().Fill(1);
        var content = Encoding.Latin1.GetBytes(MarkerContent + "BT /F2 1 Tf 0 0 Td (").Concat(codes).Concat(Encoding.Latin1.GetBytes(") Tj ET")).ToArray();
        const string type3 = "<< /Type /Font /Subtype /Type3 /FontMatrix [0.001 0 0 0.001 0 0] /FontBBox [0 0 1000 1000] /CharProcs << >> /Encoding << /Differences [1 /g1] >> /FirstChar 1 /LastChar 1 /Widths [1] /Resources << >> >>";
        return PdfWriter.OnePage(content, $"<< /Font << /F1 {PdfWriter.HelveticaFont} /F2 {type3} >> >>", compress: true);
    }

    private static byte[] GlyphsDocument() => Build(w =>
    {
        const int pages = 120;
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add($"<< /Type /Pages /Kids [{string.Join(' ', Enumerable.Range(0, pages).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i + 4} 0 R")))}] /Count {pages} >>");
        var content = new StringBuilder(MarkerContent + "BT /F1 5 Tf 20 800 Td 6 TL\n");
        for (var line = 0; line < 90; line++)
        {
            content.Append('(').Append(new string('x', 100)).Append(") ' ");
        }

        w.AddFlateStream(string.Empty, Encoding.Latin1.GetBytes(content.Append("ET").ToString()));
        for (var i = 0; i < pages; i++)
        {
            w.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents 3 0 R >>");
        }
    });

    /// <summary>Text in any script: a Type 0 font whose two-byte codes are the UTF-16 units themselves.</summary>
    private static string Cjk(string text) => "<" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + "> Tj";

    private const string IdentityToUnicode = "1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange";

    private static byte[] StreamTableLong() => Build(w =>
    {
        // The header on the first page; then 2,000 pages of indicator rows and no rulings: one table, one chain.
        const int pages = 300;
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add($"<< /Type /Pages /Kids [{string.Join(' ', Enumerable.Range(0, pages).Select(i => string.Create(CultureInfo.InvariantCulture, $"{(2 * i) + 8} 0 R")))}] /Count {pages} >>");
        w.Add($"<< /Font << /F1 {PdfWriter.HelveticaFont} /F2 4 0 R >> >>");
        w.Add("<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 6 0 R >>");
        w.Add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>");
        w.AddStream(string.Empty, Encoding.ASCII.GetBytes(IdentityToUnicode));
        string[] header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
        double[] x = [30, 90, 150, 260, 330, 400, 440, 480];
        for (var p = 0; p < pages; p++)
        {
            var content = new StringBuilder("BT /F2 8 Tf\n");
            var y = 800;
            if (p == 0)
            {
                for (var c = 0; c < header.Length; c++)
                {
                    content.Append(CultureInfo.InvariantCulture, $"1 0 0 1 {x[c]} {y} Tm {Cjk(header[c])}\n");
                }

                y -= 20;
            }

            content.Append(CultureInfo.InvariantCulture, $"1 0 0 1 30 {y} Tm {Cjk("续表")}\n");
            for (var row = 0; row < 30; row++)
            {
                y -= 20;
                string[] cells = ["产出指标", "数量指标", $"指标{p}-{row}", "≥95%", "96%", "10", "10", "无"];
                for (var c = 0; c < cells.Length; c++)
                {
                    content.Append(CultureInfo.InvariantCulture, $"1 0 0 1 {x[c]} {y} Tm {Cjk(cells[c])}\n");
                }
            }

            w.AddFlateStream(string.Empty, Encoding.ASCII.GetBytes(content.Append("ET").ToString()));
            w.Add(string.Create(CultureInfo.InvariantCulture, $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 3 0 R /Contents {(2 * p) + 7} 0 R >>"));
        }
    });

    private static byte[] SlowPages()
    {
        // Every code walks the 100 ranges and falls back to one byte: about a microsecond each, 15 s a page;
        // within every size limit, so only the time limit stops it.
        const int pages = 60;
        var ranges = string.Concat(Enumerable.Range(0, 100).Select(i => string.Create(CultureInfo.InvariantCulture, $"<FF{i:X2}0000> <FF{i:X2}FFFF> ")));
        var content = Encoding.Latin1.GetBytes(MarkerContent + "BT /F2 1 Tf 0 0 Td (").Concat(Enumerable.Repeat((byte)'a', 15_000_000)).Concat(") Tj ET"u8.ToArray()).ToArray();
        return Build(w =>
        {
            w.Add("<< /Type /Catalog /Pages 2 0 R >>");
            w.Add($"<< /Type /Pages /Kids [{string.Join(' ', Enumerable.Range(0, pages).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i + 7} 0 R")))}] /Count {pages} >>");
            w.AddFlateStream(string.Empty, content);
            w.Add("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding 5 0 R /DescendantFonts [6 0 R] >>");
            w.AddFlateStream(string.Empty, Encoding.ASCII.GetBytes($"100 begincodespacerange {ranges} endcodespacerange"));
            w.Add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>");
            for (var i = 0; i < pages; i++)
            {
                w.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {PdfWriter.HelveticaFont} /F2 4 0 R >> >> /Contents 3 0 R >>");
            }
        });
    }

    private static byte[] TextLongCells()
    {
        var cell = new StringBuilder().Insert(0, "项目", 49_999).Append('目').ToString();
        return Encoding.UTF8.GetBytes(new StringBuilder().Insert(0, cell + "\n", 100).ToString());
    }

    private static byte[] RulingsMillion()
    {
        var content = new StringBuilder(MarkerContent);
        var random = new Prng(13);
        content.Append("0.5 w\n");
        for (var i = 0; i < 150_000; i++)
        {
            var x = random.Next(0, 5950) / 10.0;
            var y = random.Next(0, 8420) / 10.0;
            content.Append(CultureInfo.InvariantCulture, $"{x} {y} m {x + random.Next(5, 300)} {y} l S {x} {y} m {x} {y + random.Next(5, 300)} l S\n");
        }

        return PdfWriter.OnePage(content.ToString(), compress: true);
    }

    private static byte[] GridHuge()
    {
        var content = new StringBuilder(MarkerContent);
        content.Append("0.1 w\n");
        for (var i = 0; i < 3000; i++)
        {
            var at = 10 + (i * 4.7);
            content.Append(CultureInfo.InvariantCulture, $"10 {at} m 14200 {at} l S {at} 10 m {at} 14200 l S\n");
        }

        return PdfWriter.OnePage(content.ToString(), pageEntries: "/MediaBox [0 0 14400 14400]", compress: true);
    }

    private static byte[] XObjectMutual() => Build(w =>
    {
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        w.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {PdfWriter.HelveticaFont} >> /XObject << /A 5 0 R >> >> /Contents 4 0 R >>");
        w.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent + "/A Do"));
        w.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /B 6 0 R >> >>", "/B Do"u8.ToArray());
        w.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /A 5 0 R >> >>", "/A Do"u8.ToArray());
    });

    private static byte[] XObjectFanout() => Build(w =>
    {
        const int levels = 20;
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        w.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {PdfWriter.HelveticaFont} >> /XObject << /X 5 0 R >> >> /Contents 4 0 R >>");
        w.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent + "/X Do"));
        for (var level = 0; level < levels; level++)
        {
            var next = level + 6;
            var body = level == levels - 1 ? "0 0 m 1 1 l S"u8.ToArray() : "/X Do /Y Do"u8.ToArray();
            w.AddStream(string.Create(CultureInfo.InvariantCulture, $"/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /X {next} 0 R /Y {next} 0 R >> >>"), body);
        }
    });

    private static byte[] ImageHuge() => Build(w =>
    {
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        w.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>");
        w.AddStream(string.Empty, "q 595 0 0 842 0 0 cm /Im0 Do Q q 100 0 0 100 0 0 cm BI /W 2147483647 /H 2147483647 /BPC 8 /CS /RGB /F /AHx ID 00FF00> EI Q"u8.ToArray());
        w.AddFlateStream("/Type /XObject /Subtype /Image /Width 2147483647 /Height 2147483647 /BitsPerComponent 16 /ColorSpace /DeviceRGB", new byte[64]);
    });

    private static byte[] PredictorHugeRow() => Build(w =>
    {
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        w.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents [4 0 R {Repeat("5 0 R ", 200)}] >>");
        w.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent));
        w.AddStream("/Filter /FlateDecode /DecodeParms << /Predictor 12 /Colors 32 /BitsPerComponent 8 /Columns 4000000 >>", Mutator.Deflate([0, 32, 32, 32, 32, 32, 32]));
    });

    private static byte[] CoordinatesOverflow() => Build(w =>
    {
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add("<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>");
        w.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents 4 0 R >>");
        w.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent
            + "q 100000000000000000000000000000000000000 0 0 100000000000000000000000000000000000000 0 0 cm "
            + "100000000000000000000000000000000000000 0 0 100000000000000000000000000000000000000 0 0 cm "
            + "BT /F1 12 Tf 1 0 0 1 5 5 Tm (overflow) Tj ET 0 0 m 10 0 l S 0 0 m 0 10 l S 0 0 10 10 re f Q "
            + "q 0 0 0 0 0 0 cm BT /F1 12 Tf (singular) Tj ET Q "
            + "q -100000000000000000000000000000000000000 0 0 100000000000000000000000000000000000000 100000000000000000000000000000000000000 0 cm 10 10 m 20 10 l S 10 10 m 10 20 l S BT /F1 100000000000000000000000000000000000000 Tf (big) Tj ET Q"));
        w.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [-100000000000000000000000000000000000000 0 100000000000000000000000000000000000000 100000000000000000000000000000000000000] /Rotate -2147483648 /Resources {PdfWriter.Helvetica} /Contents 6 0 R >>");
        w.AddStream(string.Empty, "BT /F1 12 Tf 1 0 0 1 -99999999999999999999999999999 99999999999999999999999999 Tm (far) Tj ET"u8.ToArray());
    });

    private static byte[] WidthsAbsurd() => Build(w =>
    {
        w.Add("<< /Type /Catalog /Pages 2 0 R >>");
        w.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        w.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>");
        w.AddStream(string.Empty, Encoding.Latin1.GetBytes(MarkerContent + "BT /F2 12 Tf 72 600 Td (wide letters) Tj ET"));
        w.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        w.Add("<< /Type /Font /Subtype /TrueType /BaseFont /Absurd /FirstChar -5 /LastChar 2147483647 /Widths [1e30 100000000000000000000000000000000000000 -100000000000000000000000000000000000000 0 NaN] /FontDescriptor << /Type /FontDescriptor /FontName /Absurd /Flags 32 /Ascent 100000000000000000000000000000 /Descent -100000000000000000000000000000 /MissingWidth -99999999999999999999 /FontBBox [0 0 0 0] >> >>");
    });

    private static byte[] TextAtLimits()
    {
        // Lines of 99,999 tabs and one letter, up to 32 MB: as many cells as the line limit allows.
        var line = new string('\t', 99_999) + "x\n";
        var lines = (32 << 20) / line.Length;
        return Encoding.UTF8.GetBytes(new StringBuilder(line.Length * lines).Insert(0, line, lines).ToString());
    }

    private static byte[] TextHugeNumbers()
    {
        var huge = new string('9', 400);
        var text = $"""
            财政项目支出绩效自评表
            （2023年度）
            项目名称	测试项目
            主管部门	测试部门	实施单位	测试单位
            项目资金（元）		年初预算数	全年预算数	全年执行数	分值	执行率	得分
            	年度资金总额	{huge}	1e400	{huge}.{huge}	10	{huge}%	10
            一级指标	二级指标	三级指标	年度指标值	实际完成值	分值	得分	偏差原因分析及改进措施
            产出指标	数量指标	测试指标	={huge}人	≥1e400%	{huge}	{huge}
            总分	{huge}	{huge}
            """;
        return Encoding.UTF8.GetBytes(text);
    }
}
