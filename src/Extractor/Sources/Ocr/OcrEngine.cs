using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Geometry;
using Extractor.Domain;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Reads a page by OCR: pdftoppm renders it, the skew is measured and undone, the table rulings are found
/// in the image and erased, and tesseract reads each table cell and the text around the tables (one
/// tesseract run a page, the cells as a list of images). The result is a <see cref="PageContent"/> with
/// the detected rulings, so the ruled-table reader places the cells as it does for a PDF's own rulings.
/// </summary>
internal sealed class OcrEngine
{
    private readonly Lock gate = new();
    private string? toolProblem;
    private bool toolsChecked;
    private bool hasNumberLanguage;

    /// <summary>Creates an engine that runs the tools through <paramref name="runner"/>.</summary>
    public OcrEngine(IToolRunner? runner = null, OcrSettings? settings = null)
    {
        Runner = runner ?? ProcessToolRunner.Instance;
        Settings = settings ?? OcrSettings.Default;
    }

    /// <summary>Runs pdftoppm and tesseract.</summary>
    public IToolRunner Runner { get; }

    /// <summary>Resolution, language, page segmentation and time limit.</summary>
    public OcrSettings Settings { get; }

    /// <summary>
    /// Null when pdftoppm, tesseract and its Chinese data are there; otherwise what is missing, naming the
    /// packages to install. Checked once per engine.
    /// </summary>
    public string? CheckTools(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (toolsChecked)
            {
                return toolProblem;
            }

            var missing = new List<string>();
            var poppler = Runner.Run(OcrTools.Pdftoppm, ["-v"], TimeSpan.FromSeconds(20), cancellationToken);
            if (poppler.NotFound)
            {
                missing.Add("pdftoppm (package poppler-utils)");
            }

            var tesseract = Runner.Run(OcrTools.Tesseract, ["--list-langs"], TimeSpan.FromSeconds(20), cancellationToken);
            if (tesseract.NotFound)
            {
                missing.Add("tesseract (package tesseract-ocr)");
            }
            else
            {
                var languages = (tesseract.StandardOutput + "\n" + tesseract.StandardError).Split('\n').Select(l => l.Trim()).ToHashSet();
                if (!languages.Contains(Settings.Language))
                {
                    missing.Add($"tesseract's {Settings.Language} data (package tesseract-ocr-chi-sim)");
                }

                hasNumberLanguage = languages.Contains(Settings.NumberLanguage);
            }

            toolProblem = missing.Count == 0
                ? null
                : $"OCR needs {string.Join(", ", missing)}; install them with: apt-get install {OcrTools.Packages}";
            toolsChecked = true;
            return toolProblem;
        }
    }

    /// <summary>
    /// OCRs page <paramref name="page"/> of the PDF at <paramref name="pdfPath"/> within <paramref name="timeLimit"/>
    /// (and the engine's own per-page limit). Expected failures come back as an <c>ocr-unavailable</c> diagnostic.
    /// </summary>
    public OcrPageResult ReadPage(string pdfPath, PdfPage page, TimeSpan timeLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdfPath);
        ArgumentNullException.ThrowIfNull(page);
        var clock = Stopwatch.StartNew();
        var limit = timeLimit < Settings.PageTimeout ? timeLimit : Settings.PageTimeout;
        TimeSpan Left() => limit - clock.Elapsed;
        var folder = Directory.CreateTempSubdirectory("extractor-ocr-");
        try
        {
            var number = page.Number.ToString(CultureInfo.InvariantCulture);
            var prefix = Path.Combine(folder.FullName, "page");

            // A page larger than the pixel budget at the set resolution is rendered at a lower one; one that
            // would need less than a third of it is not read (a poster, or a damaged /MediaBox).
            var squareInches = Math.Abs(page.CropBox.Width * page.CropBox.Height) / (72.0 * 72.0);
            var renderDpi = (int)Math.Min(Settings.Dpi, Math.Floor(Math.Sqrt(MaxPixels / Math.Max(squareInches, 1e-6))));
            if (renderDpi < Settings.Dpi / 3)
            {
                return Failed(page.Number, string.Create(CultureInfo.InvariantCulture, $"the page is {page.CropBox.Width / 72:0.#} × {page.CropBox.Height / 72:0.#} inches, too large to render for OCR"));
            }

            var render = Runner.Run(
                OcrTools.Pdftoppm,
                ["-r", renderDpi.ToString(CultureInfo.InvariantCulture), "-f", number, "-l", number, "-singlefile", pdfPath, prefix],
                Left(),
                cancellationToken);
            if (!render.Succeeded)
            {
                return Failed(page.Number, "pdftoppm", render, limit);
            }

            PageImage scan;
            try
            {
                // In colour (.ppm), so that red seals can be told from the print; .pgm from a pdftoppm that gave grey.
                scan = PageImage.ReadPnmFile(File.Exists(prefix + ".ppm") ? prefix + ".ppm" : prefix + ".pgm");
            }
            catch (Exception e) when (e is IOException or FormatException)
            {
                return Failed(page.Number, $"pdftoppm's image could not be read: {e.Message}");
            }

            var (result, sureness) = ReadScan(page, scan, page.Rotation, folder.FullName, renderDpi, Left, limit, cancellationToken);

            // A page tesseract reads poorly may have been scanned turned: its orientation is asked of
            // tesseract's orientation model, and a turned page is read again upright; the better reading stays.
            if (result.Content is not null && sureness < PoorReading
                && Orientation(folder.FullName, scan, renderDpi, Left, cancellationToken) is { } turn and not 0)
            {
                var again = Directory.CreateDirectory(Path.Combine(folder.FullName, "turned")).FullName;
                var (turned, turnedSureness) = ReadScan(page, scan.RotateClockwise(turn), (page.Rotation + turn) % 360, again, renderDpi, Left, limit, cancellationToken);
                if (turned.Content is not null && turnedSureness > sureness)
                {
                    var note = new Diagnostic(DiagnosticCodes.OcrRepair, Severity.Info, string.Create(CultureInfo.InvariantCulture, $"page {page.Number}: OCR repair, the page was scanned turned and is read turned {turn}° clockwise (tesseract {sureness:0}% sure before, {turnedSureness:0}% after)"), page.Number, null, null);
                    result = turned with { Diagnostics = turned.Diagnostics.Insert(0, note) };
                }
            }

            return result;
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is not worth failing the page for.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>Below this sureness of tesseract over a page's text (0–100), the page's orientation is checked.</summary>
    private const double PoorReading = 60;

    /// <summary>
    /// How far clockwise the scan must be turned to stand upright, by tesseract's orientation model (`--psm 0`
    /// on the page shrunk to 150 dpi); null when it cannot tell (no orientation data, too little text, or
    /// not sure enough).
    /// </summary>
    private int? Orientation(string folder, PageImage scan, int renderDpi, Func<TimeSpan> left, CancellationToken cancellationToken)
    {
        var file = Path.Combine(folder, "orientation.pgm");
        using (var stream = File.Create(file))
        {
            scan.Shrink(Math.Min(1.0, 150.0 / renderDpi)).WritePgm(stream);
        }

        var run = Runner.Run(OcrTools.Tesseract, [file, "stdout", "--psm", "0", "--dpi", "150"], left(), cancellationToken);
        if (!run.Succeeded)
        {
            return null;
        }

        int? rotate = null;
        double confidence = 0;
        foreach (var line in run.StandardOutput.Split('\n'))
        {
            var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0] == "Rotate" && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) && r is 0 or 90 or 180 or 270)
            {
                rotate = r;
            }
            else if (parts.Length == 2 && parts[0] == "Orientation confidence")
            {
                double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out confidence);
            }
        }

        return confidence >= 2 ? rotate : null;
    }

    /// <summary>
    /// Reads a rendered page shown with <paramref name="rotation"/>: skew, rulings, cells, tesseract, repairs.
    /// Returns the page's result and how sure tesseract was of its text (0–100, weighted by characters).
    /// </summary>
    private (OcrPageResult Result, double Sureness) ReadScan(
        PdfPage page, PageImage scan, int rotation, string folder, int renderDpi, Func<TimeSpan> left, TimeSpan limit, CancellationToken cancellationToken)
    {
        var skew = Skew.EstimateDegrees(scan);
        var image = Skew.Straighten(scan, skew);
        var geometry = new PageGeometry(page.Number, page.CropBox, rotation, image.Width, image.Height, skew);
        var pixelRulings = RulingDetector.Find(image, geometry.PixelsPerPointX);
        var rulings = pixelRulings.Select(r => OcrPageContent.ToRuling(r, geometry)).ToImmutableArray();
        var tables = LatticeTables.Find(rulings);
        var clean = Contrast.Stretch(RulingDetector.Erase(image, pixelRulings));

        var pieces = Pieces(clean, tables, geometry, pixelRulings);
        if (pieces.Count == 0)
        {
            return (new OcrPageResult(new PageContent(page.Number, geometry.DisplayWidth, geometry.DisplayHeight, [], rulings), []), 100);
        }

        // Every piece is read by the Chinese model at the first reading resolution; pieces of which that
        // reading is doubtful (unsure, or fewer lines than the cell has lines of ink) at the others too, and
        // each keeps the reading with all its lines that tesseract is surest of.
        var all = Enumerable.Range(0, pieces.Count).ToList();
        var inkLines = new Dictionary<int, int>();
        int InkLineCount(int index) => inkLines.TryGetValue(index, out var n) ? n : inkLines[index] = pieces[index].Cell is null ? 0 : InkLines.Find(pieces[index].Image).Count;
        var readings = new List<Dictionary<int, List<OcrWord>>>();
        var doubtful = all;
        foreach (var dpi in ReadDpis(renderDpi).TakeWhile(_ => doubtful.Count > 0))
        {
            var reading = Read(folder, "chi", pieces, doubtful, Settings.Language, dpi, renderDpi, null, left, cancellationToken);
            if (reading.Words is not { } found)
            {
                return (Failed(page.Number, "tesseract", reading.Failure!, limit), 0);
            }

            readings.Add(found);
            if (readings.Count == 1)
            {
                doubtful = all.Where(i => !found.TryGetValue(i, out var w) || Sureness(w) < Settings.SureEnough || LineCount(w) < InkLineCount(i)).ToList();
            }
        }

        // A reading with as many lines as the cell has lines of ink first, then the surest.
        var chineseWords = new Dictionary<int, List<OcrWord>>();
        foreach (var index in all)
        {
            var candidates = readings.Select(r => r.TryGetValue(index, out var words) ? words : null).OfType<List<OcrWord>>().ToList();
            if (candidates.Count > 0)
            {
                chineseWords[index] = candidates.Count == 1 ? candidates[0] : candidates.MaxBy(w => (LineCount(w) >= InkLineCount(index) ? 1 : 0, Sureness(w)))!;
            }
        }

        // Cells whose every reading still lacks lines of ink (a narrow label wrapped over two or three
        // lines, of which tesseract read one) are read line by line: each band of ink cut on its own and
        // read as a raw line. The lines are taken when they are more than the cell had.
        var unread = all.Where(i => pieces[i].Cell is not null && InkLineCount(i) > 1
            && (!chineseWords.TryGetValue(i, out var w) || LineCount(w) < InkLineCount(i))).ToList();
        if (unread.Count > 0 && ReadByLine(folder, pieces, unread, renderDpi, left, cancellationToken) is { } byLine)
        {
            foreach (var (index, words) in byLine)
            {
                if (LineCount(words) > (chineseWords.TryGetValue(index, out var read) ? LineCount(read) : 0))
                {
                    chineseWords[index] = words;
                }
            }
        }

        // Marks full-width by the space they take (； read as ;).
        var textHeight = TextHeight(chineseWords.Where(w => pieces[w.Key].Cell is not null).SelectMany(w => w.Value));
        var widened = new Dictionary<int, List<string>>();
        foreach (var index in chineseWords.Keys.ToList())
        {
            var (words, repairs) = OcrPunctuation.Widen(chineseWords[index], textHeight);
            (chineseWords[index], widened[index]) = (words, repairs);
        }

        // Cells that hold no Chinese words are read again by the Latin model, which reads numbers better.
        var cellTexts = new Dictionary<int, string>();
        foreach (var (index, words) in chineseWords)
        {
            if (pieces[index].Cell is not null)
            {
                cellTexts[index] = OcrPageContent.CellText(words);
            }
        }

        // Short readings tesseract was unsure of are read by the Latin model too (a 5 read as 巴口).
        var numeric = cellTexts
            .Where(c => OcrCellText.Ideographs(c.Value) < 2 || (c.Value.Length <= 4 && Sureness(chineseWords[c.Key]) < 60))
            .Select(c => c.Key).Order().ToList();
        var latin = numeric.Count > 0 && NumberLanguage() is { } numberLanguage
            ? Read(folder, "lat", pieces, numeric, numberLanguage, ReadDpis(renderDpi)[0], renderDpi, null, left, cancellationToken)
            : default;

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var glyphs = ImmutableArray.CreateBuilder<Glyph>();
        var alternatives = ImmutableArray.CreateBuilder<OcrAlternative>();
        for (var index = 0; index < pieces.Count; index++)
        {
            var piece = pieces[index];
            var words = chineseWords.TryGetValue(index, out var read) ? read : [];
            if (piece.Cell is null)
            {
                var (paired, pairs) = PairLines(words);
                var (snapped, snaps) = SnapLines(paired);
                paired = snapped;
                foreach (var repair in (widened.TryGetValue(index, out var outside) ? outside : []).Concat(pairs).Concat(snaps))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.OcrRepair, Severity.Info, $"page {page.Number}: OCR repair, {repair}", page.Number, null, null));
                }

                glyphs.AddRange(OnTheirLines(paired).Select(w => OcrPageContent.WordGlyph(w, piece.Left, piece.Top, geometry)));
                continue;
            }

            var chineseText = cellTexts.TryGetValue(index, out var t) ? t : string.Empty;
            var latinText = latin.Words is not null && latin.Words.TryGetValue(index, out var latinWords) ? OcrPageContent.CellText(latinWords) : null;
            var chosen = OcrCellText.Choose(chineseText, latinText, words.Count == 0 ? 100 : Sureness(words));
            var (text, repairs) = OcrCellText.Repair(chosen);
            if (chosen == chineseText && widened.TryGetValue(index, out var marks))
            {
                repairs = [.. marks, .. repairs];
            }

            // A comparison sign is read from its shape: alone in its cell, or before a number.
            if (text.Replace(" ", string.Empty, StringComparison.Ordinal).Length <= SignCellLength && OperatorGlyph.Read(piece.Image, textHeight) is { } sign)
            {
                var signed = sign.Alone ? OcrCellText.SignAlone(text, sign.Signs) : OcrCellText.WithOperator(text, sign.Signs, chosen != chineseText);
                if (signed != text)
                {
                    repairs = [.. repairs, $"comparison sign read from its shape: '{text}' → '{signed}'"];
                    text = signed;
                }

                // Tesseract often reads nothing at all in a cell that holds only a sign: the sign's ink is its box.
                if (words.Count == 0 && sign.Alone)
                {
                    words = [new OcrWord(index, 0, 0, 0, sign.Left, sign.Top, sign.Right - sign.Left, sign.Bottom - sign.Top, 0, text)];
                }
            }

            foreach (var repair in repairs)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.OcrRepair, Severity.Info, $"page {page.Number}: OCR repair, {repair}", page.Number, null, text));
            }

            if (OcrPageContent.CellGlyph(text, words, piece.Left, piece.Top, piece.Cell, geometry) is { } cell)
            {
                var others = OtherReadings(text, readings.Select(r => r.TryGetValue(index, out var w) ? w : null), latinText);
                if (others.Length > 0)
                {
                    alternatives.Add(new OcrAlternative(page.Number, glyphs.Count, others));
                }

                if (tables.IsEmpty)
                {
                    // A run read on a page without rulings: one glyph a character, as a PDF gives them,
                    // so the stream layout measures gaps and columns as it does for a text layer.
                    // All of one size, the page's character height, as a PDF's letters of one font
                    // are (a digit's box is shorter than a character's, its font size is not).
                    // Boxes as tall as a font's, around the run's centre line: ink boxes are tight, and
                    // a short one (a digit, 一) would sit off the line and leave wide gaps between lines.
                    var size = textHeight > 0 ? textHeight / geometry.PixelsPerPointY : cell.FontSize;
                    var middle = (cell.Top + cell.Bottom) / 2;
                    var run = OcrPageContent.WithFullWidthMarks(cell with { FontSize = size, Bottom = middle - (0.6 * size), Top = middle + (0.6 * size) });
                    glyphs.AddRange(OcrPageContent.Letters(run));
                }
                else
                {
                    glyphs.Add(cell);
                }
            }
        }

        var result = new OcrPageResult(new PageContent(page.Number, geometry.DisplayWidth, geometry.DisplayHeight, glyphs.ToImmutable(), rulings), diagnostics.ToImmutable())
        {
            Alternatives = alternatives.ToImmutable(),
        };
        return (result, Sureness([.. chineseWords.Values.SelectMany(w => w)]));
    }

    /// <summary>
    /// The other readings of a number cell read as <paramref name="text"/>: each resolution's Chinese reading
    /// with and without the Latin one, and the Latin one alone, repaired as usual; only readings with a
    /// digit that differ from <paramref name="text"/>, surest resolution first, at most four.
    /// </summary>
    internal static ImmutableArray<string> OtherReadings(string text, IEnumerable<List<OcrWord>?> chineseReadings, string? latinText)
    {
        if (!text.Any(char.IsAsciiDigit))
        {
            return [];
        }

        var candidates = new List<string>();
        foreach (var words in chineseReadings.OfType<List<OcrWord>>().OrderByDescending(Sureness))
        {
            var chinese = OcrPageContent.CellText(words);
            candidates.Add(OcrCellText.Repair(OcrCellText.Choose(chinese, latinText, Sureness(words))).Text);
            candidates.Add(OcrCellText.Repair(chinese).Text);
        }

        if (!string.IsNullOrWhiteSpace(latinText))
        {
            candidates.Add(OcrCellText.Repair(latinText).Text);
        }

        return [.. candidates
            .Select(c => c.Trim())
            .Where(c => c.Any(char.IsAsciiDigit) && c != text.Trim())
            .Distinct(StringComparer.Ordinal)
            .Take(4)];
    }

    /// <summary>
    /// A page without rulings with more runs of text than this (a picture, speckle, a page of tiny print)
    /// is read as one block instead of run by run, which would cost a tesseract reading a run.
    /// </summary>
    private const int MaxRuns = 1500;

    /// <summary>
    /// The most pixels a page is rendered with: A3 and a little more at 300 dpi (an A4 page takes 8.7
    /// million), which keeps a page's images within about 150 MB.
    /// </summary>
    private const double MaxPixels = 20_000_000;

    /// <summary>Cells of up to this many characters (a sign, a number and a unit) are looked at for a comparison sign.</summary>
    private const int SignCellLength = 14;

    /// <summary>
    /// The height of the page's Chinese characters in pixels (the median of the words tesseract read that
    /// hold one), or 0 when it read none: the yardstick for a sign alone in its cell.
    /// </summary>
    private static double TextHeight(IEnumerable<OcrWord> words)
    {
        var heights = words.Where(w => OcrCellText.Ideographs(w.Text) > 0).Select(w => w.Height).Order().ToList();
        return heights.Count == 0 ? 0 : heights[heights.Count / 2];
    }

    /// <summary>
    /// The images tesseract reads: the page with its tables painted out (titles and notes around them),
    /// then every table cell with ink in it, cut inside its rulings. Empty cells are not read at all. A page
    /// without ruled tables is read run by run (<see cref="TextRuns"/>).
    /// </summary>
    private static List<Piece> Pieces(PageImage clean, ImmutableArray<TableGrid> tables, PageGeometry geometry, IReadOnlyList<PixelRuling> rulings)
    {
        const int Pad = 12;
        var pieces = new List<Piece>();
        var ppp = geometry.PixelsPerPointX;
        var runs = tables.IsEmpty ? TextRuns.Find(clean) : [];
        if (tables.IsEmpty && runs.Count <= MaxRuns)
        {
            // No ruled table: every run of text is read as a cell of its own (a cell in name only, its box
            // the run's with a margin), and the stream layout finds the table's rows and columns.
            foreach (var run in runs)
            {
                var margin = Math.Max(2, run.Height / 4);
                var (left, top) = geometry.ToDisplay(run.Left - margin, run.Top - margin);
                var (right, bottom) = geometry.ToDisplay(run.Right + margin, run.Bottom + margin);
                var cell = new GridCell(0, 0, 1, 1, left, bottom, right, top);
                pieces.Add(new Piece(clean.Crop(run.Left - 2, run.Top - 2, run.Width + 4, run.Height + 4, Pad), run.Left - 2 - Pad, run.Top - 2 - Pad, cell));
            }

            return pieces;
        }

        var outside = clean.Clone();
        foreach (var table in tables)
        {
            var (x0, y0) = geometry.ToPixels(table.Left, table.Top);
            var (x1, y1) = geometry.ToPixels(table.Right, table.Bottom);
            Contrast.Fill(outside, (int)x0 - 2, (int)y0 - 2, (int)x1 + 2, (int)y1 + 2);
        }

        if (Contrast.HasInk(outside, 0, 0, outside.Width, outside.Height, ppp))
        {
            pieces.Add(new Piece(outside, 0, 0, null));
        }

        var inset = (int)Math.Ceiling(rulings.Count == 0 ? 2 : (rulings.Max(r => r.Thickness) / 2.0) + 1);
        foreach (var cell in tables.SelectMany(t => t.Cells))
        {
            var (x0, y0) = geometry.ToPixels(cell.Left, cell.Top);
            var (x1, y1) = geometry.ToPixels(cell.Right, cell.Bottom);
            var left = (int)Math.Round(x0) + inset;
            var top = (int)Math.Round(y0) + inset;
            var right = (int)Math.Round(x1) - inset;
            var bottom = (int)Math.Round(y1) - inset;
            if (right - left < 4 || bottom - top < 4 || !Contrast.HasInk(clean, left, top, right, bottom, ppp))
            {
                continue;
            }

            pieces.Add(new Piece(clean.Crop(left, top, right - left, bottom - top, Pad), left - Pad, top - Pad, cell));
        }

        return pieces;
    }

    /// <summary>
    /// Reads the cells <paramref name="indices"/> line by line: every band of ink (<see cref="InkLines"/>) cut
    /// out and read in tesseract's single-line mode, all in one run. Returns each cell's words, their boxes
    /// in the cell image's pixels and their lines numbered from the top; null when tesseract failed (the
    /// cells then keep what they had).
    /// </summary>
    private Dictionary<int, List<OcrWord>>? ReadByLine(string folder, List<Piece> pieces, List<int> indices, int renderDpi, Func<TimeSpan> left, CancellationToken cancellationToken)
    {
        const int Pad = 12;
        var lines = new List<Piece>();
        var owners = new List<(int Cell, int Line)>();
        foreach (var index in indices)
        {
            var cell = pieces[index];
            var bands = InkLines.Find(cell.Image);
            for (var line = 0; line < bands.Count; line++)
            {
                var top = Math.Max(0, bands[line].Top - 3);
                var bottom = Math.Min(cell.Image.Height, bands[line].Bottom + 4);
                lines.Add(new Piece(cell.Image.Crop(0, top, cell.Image.Width, bottom - top, Pad), cell.Left - Pad, cell.Top + top - Pad, cell.Cell));
                owners.Add((index, line));
            }
        }

        var reading = Read(folder, "lines", lines, [.. Enumerable.Range(0, lines.Count)], Settings.Language, ReadDpis(renderDpi)[0], renderDpi, SingleLine, left, cancellationToken);
        if (reading.Words is not { } found)
        {
            return null;
        }

        var result = new Dictionary<int, List<OcrWord>>();
        for (var j = 0; j < lines.Count; j++)
        {
            var (index, line) = owners[j];
            var words = result.TryGetValue(index, out var list) ? list : result[index] = [];
            if (found.TryGetValue(j, out var read))
            {
                var (dx, dy) = (lines[j].Left - pieces[index].Left, lines[j].Top - pieces[index].Top);
                words.AddRange(read.Select(w => w with { Block = 1, Paragraph = 1, Line = line + 1, Left = w.Left + dx, Top = w.Top + dy }));
            }
        }

        return result;
    }

    /// <summary>
    /// Tesseract's page segmentation mode for one line of text: 13, a raw line without layout analysis
    /// (mode 7 reads nothing in some short lines of large characters that 13 reads right).
    /// </summary>
    private const int SingleLine = 13;

    /// <summary>
    /// Runs tesseract once over the pieces <paramref name="indices"/> (a list file of images, each shrunk to
    /// <paramref name="dpi"/>) and returns each piece's words, keyed by the piece's index, with their boxes
    /// in the pixels of the page as rendered.
    /// </summary>
    private (Dictionary<int, List<OcrWord>>? Words, ToolResult? Failure) Read(
        string folder, string name, List<Piece> pieces, List<int> indices, string language, int dpi, int renderDpi, int? segmentation, Func<TimeSpan> left, CancellationToken cancellationToken)
    {
        var scale = (double)dpi / renderDpi;
        var list = new StringBuilder();
        foreach (var index in indices)
        {
            var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{(segmentation is null ? "piece" : name)}-{index:D4}-{dpi}.pgm"));
            if (!File.Exists(file))
            {
                using var stream = File.Create(file);
                pieces[index].Image.Shrink(scale).WritePgm(stream);
            }

            list.Append(file).Append('\n');
        }

        var listFile = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{name}-{dpi}.txt"));
        File.WriteAllText(listFile, list.ToString());
        var run = Runner.Run(
            OcrTools.Tesseract,
            [listFile, "stdout", "-l", language, "--psm", (segmentation ?? Settings.PageSegmentationMode).ToString(CultureInfo.InvariantCulture), "--dpi", dpi.ToString(CultureInfo.InvariantCulture), "tsv"],
            left(),
            cancellationToken);
        if (!run.Succeeded)
        {
            return (null, run);
        }

        var words = new Dictionary<int, List<OcrWord>>();
        foreach (var word in TesseractTsv.Parse(run.StandardOutput))
        {
            if (word.Image >= 0 && word.Image < indices.Count)
            {
                // Boxes back in the pixels of the page as rendered.
                var index = indices[word.Image];
                var x = (int)Math.Floor(word.Left / scale);
                var y = (int)Math.Floor(word.Top / scale);
                var full = word with { Left = x, Top = y, Width = (int)Math.Ceiling(word.Right / scale) - x, Height = (int)Math.Ceiling(word.Bottom / scale) - y };
                (words.TryGetValue(index, out var found) ? found : words[index] = []).Add(full);
            }
        }

        return (words, null);
    }

    /// <summary>The resolutions cells are read at, each at most the rendering's.</summary>
    private int[] ReadDpis(int renderDpi)
    {
        var dpis = Settings.ReadDpis.Select(d => Math.Clamp(d, renderDpi / 4, renderDpi)).Distinct().ToArray();
        return dpis.Length == 0 ? [renderDpi] : dpis;
    }

    /// <summary>
    /// The words of the text around the tables with the brackets and quotes of each line paired (<see
    /// cref="OcrCellText.Pairs"/>), and what was changed.
    /// </summary>
    private static (List<OcrWord> Words, List<string> Repairs) PairLines(List<OcrWord> words) =>
        RewriteLines(words, OcrCellText.Pairs, "brackets and quotes paired");

    /// <summary>
    /// The words of the text around the tables (or of a page whose table has no rulings) with each line that
    /// is a near miss of a vocabulary word — the title above all (财政芭目支出绩效自评表) — snapped onto it, when
    /// the snap only replaces characters (the words keep their lengths and boxes); and what was changed.
    /// </summary>
    internal static (List<OcrWord> Words, List<string> Repairs) SnapLines(List<OcrWord> words) =>
        RewriteLines(words, text => LabelSnapper.Snap(text) is { } snapped && snapped.Length == text.Length ? snapped : null, "label snapped to the vocabulary");

    /// <summary>
    /// The words with the text of each of tesseract's lines rewritten by <paramref name="rewrite"/> (which
    /// keeps the length, or gives null for no change), spread back over the line's words character by
    /// character, and a repair named <paramref name="why"/> for each line changed.
    /// </summary>
    private static (List<OcrWord> Words, List<string> Repairs) RewriteLines(List<OcrWord> words, Func<string, string?> rewrite, string why)
    {
        var result = words.ToList();
        var repairs = new List<string>();
        foreach (var line in Enumerable.Range(0, result.Count).GroupBy(i => (result[i].Block, result[i].Paragraph, result[i].Line)))
        {
            var order = line.ToList();
            var text = string.Concat(order.Select(i => result[i].Text));
            var rewritten = rewrite(text);
            if (rewritten is null || rewritten == text)
            {
                continue;
            }

            repairs.Add($"{why}: '{text}' → '{rewritten}'");
            var at = 0;
            foreach (var i in order)
            {
                result[i] = result[i] with { Text = rewritten.Substring(at, result[i].Text.Length) };
                at += result[i].Text.Length;
            }
        }

        return (result, repairs);
    }

    /// <summary>
    /// The words with the height of the line tesseract put them on: its lines are sound, but the boxes of
    /// the words on one are not level (a word of low characters sits lower), and a title read as three words
    /// could otherwise fall apart into two lines of the row text.
    /// </summary>
    internal static List<OcrWord> OnTheirLines(List<OcrWord> words)
    {
        var lines = words.GroupBy(w => (w.Image, w.Block, w.Paragraph, w.Line))
            .ToDictionary(g => g.Key, g => (Top: g.Min(w => w.Top), Bottom: g.Max(w => w.Bottom)));
        return [.. words.Select(w =>
        {
            var (top, bottom) = lines[(w.Image, w.Block, w.Paragraph, w.Line)];
            return w with { Top = top, Height = bottom - top };
        })];
    }

    /// <summary>How many lines tesseract read.</summary>
    private static int LineCount(List<OcrWord> words) => words.Select(w => (w.Block, w.Paragraph, w.Line)).Distinct().Count();

    /// <summary>How sure tesseract is of a reading: its words' confidence, weighted by their length.</summary>
    private static double Sureness(List<OcrWord> words)
    {
        var characters = words.Sum(w => w.Text.Length);
        return characters == 0 ? 0 : words.Sum(w => w.Confidence * w.Text.Length) / characters;
    }

    /// <summary>The Latin model for numbers, when it is installed (tesseract-ocr pulls in its English data).</summary>
    private string? NumberLanguage()
    {
        CheckTools();
        return hasNumberLanguage ? Settings.NumberLanguage : null;
    }

    private static OcrPageResult Failed(int page, string tool, ToolResult result, TimeSpan limit) =>
        Failed(page, result switch
        {
            { NotFound: true } => $"{tool} is not installed (install {OcrTools.Packages})",
            { TimedOut: true } => $"{tool} took longer than the page's limit of {limit.TotalSeconds:0} s",
            _ => $"{tool} failed with exit code {result.ExitCode}: {FirstLine(result.StandardError)}",
        });

    private static OcrPageResult Failed(int page, string reason) =>
        new(null, [new Diagnostic(DiagnosticCodes.OcrUnavailable, Severity.Error, $"page {page} could not be OCR'd: {reason}", page, null, null)]);

    private static string FirstLine(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
        return line.Length > 200 ? line[..200] : line;
    }

    /// <summary>One image for tesseract: where its pixel (0, 0) lies on the page, and the table cell it is, if any.</summary>
    private sealed record Piece(PageImage Image, int Left, int Top, GridCell? Cell);
}
