using Extractor.Pdf.Fonts;
using Extractor.Pdf.Parsing;

namespace Extractor.Pdf.Content;

/// <summary>
/// Runs a page's content streams (§8, §9): graphics and text state, text showing, Form XObjects, inline images,
/// marked content. Glyphs become <see cref="Letter"/>s with poppler's glyph boxes; stroked lines and thin filled
/// rectangles become <see cref="Segment"/>s.
/// </summary>
internal sealed partial class ContentInterpreter
{
    private const int MaxWarnings = 50;

    private readonly PdfFile file;
    private readonly FontLoader fonts;
    private readonly PdfOpenOptions options;
    private readonly Deadline deadline;
    private readonly Matrix display;
    private readonly double pageWidth;
    private readonly double pageHeight;
    private readonly HashSet<int> activeForms = new();
    private readonly Stack<GraphicsState> stack = new();
    private GraphicsState gs = new();
    private Matrix tm = Matrix.Identity;
    private Matrix tlm = Matrix.Identity;
    private int operatorCount;
    private int codesShown;
    private bool letterLimitReported;
    private bool segmentLimitReported;
    private int formDepth;
    private Operand[] operands = new Operand[64];

    // Marked content: which BDC/BMC opened an /ActualText span or hid optional content.
    private readonly List<MarkedContentKind> markedContent = new();
    private string? actualText;
    private int actualTextBytes;
    private (double X, double Y) actualTextStart;
    private (double X, double Y) actualTextEnd;
    private int hiddenDepth;

    private enum MarkedContentKind
    {
        Plain,
        ActualText,
        Hidden,
    }

    private bool IsHidden => hiddenDepth > 0;
    private int operandCount;

    private readonly OptionalContent? optionalContent;

    public ContentInterpreter(PdfFile file, FontLoader fonts, PdfOpenOptions options, Deadline deadline, Matrix display, double displayWidth, double displayHeight, OptionalContent? optionalContent = null)
    {
        this.optionalContent = optionalContent;
        this.file = file;
        this.fonts = fonts;
        this.options = options;
        this.deadline = deadline;
        this.display = display;
        pageWidth = displayWidth;
        pageHeight = displayHeight;
    }

    public List<Letter> Letters { get; } = new();

    public List<Segment> Segments { get; } = new();

    /// <summary>Every glyph drawn inside the page, in order, with poppler's device-space geometry (for word grouping).</summary>
    public List<GlyphRecord> Glyphs { get; } = new();

    public List<PdfImagePlacement> Images { get; } = new();

    public List<string> Warnings { get; } = new();

    private struct Operand
    {
        public double Number;
        public PdfObject? Object;
        public bool IsNumber;
    }

    public void Warn(string message)
    {
        if (Warnings.Count < MaxWarnings)
        {
            Warnings.Add(message);
        }
        else if (Warnings.Count == MaxWarnings)
        {
            Warnings.Add("further warnings suppressed");
        }
    }

    /// <summary>Runs one content stream with the given resources.</summary>
    public void Run(byte[] content, PdfDictionary? resources)
    {
        var lexer = new Lexer(content);
        var parser = new ObjectParser(lexer, options.MaxNestingDepth);
        operandCount = 0;
        while (lexer.Next(out var t))
        {
            switch (t.Kind)
            {
                case TokenKind.Integer:
                    PushNumber(t.Integer);
                    break;
                case TokenKind.Real:
                    PushNumber(t.Real);
                    break;
                case TokenKind.Name:
                    PushObject(PdfName.Get(lexer.DecodeName(in t)));
                    break;
                case TokenKind.LiteralString:
                    PushObject(new PdfString(lexer.DecodeLiteral(in t)));
                    break;
                case TokenKind.HexString:
                    PushObject(new PdfString(lexer.DecodeHex(in t), isHex: true));
                    break;
                case TokenKind.ArrayStart:
                case TokenKind.DictStart:
                    PushObject(parser.ReadObject(in t, 0));
                    break;
                case TokenKind.Keyword:
                    if (++operatorCount > options.MaxOperatorsPerPage)
                    {
                        throw new PdfLimitException($"more than {options.MaxOperatorsPerPage} operators on the page");
                    }

                    if ((operatorCount & 0xFFF) == 0)
                    {
                        deadline.Check();
                    }

                    var op = NameCache.Get(lexer.TokenSpan(in t));
                    if (op == "BI")
                    {
                        InlineImage(lexer, parser);
                    }
                    else
                    {
                        Execute(op, resources);
                    }

                    operandCount = 0;
                    break;
                default:
                    break;
            }
        }
    }

    private void PushNumber(double v)
    {
        if (operandCount == operands.Length)
        {
            if (operands.Length >= 4096)
            {
                // Runaway operands: keep the newest half.
                Array.Copy(operands, operands.Length / 2, operands, 0, operands.Length / 2);
                operandCount = operands.Length / 2;
            }
            else
            {
                Array.Resize(ref operands, operands.Length * 2);
            }
        }

        operands[operandCount++] = new Operand { Number = v, IsNumber = true };
    }

    private void PushObject(PdfObject o)
    {
        if (o is PdfInteger i)
        {
            PushNumber(i.Value);
            return;
        }

        if (o is PdfReal r)
        {
            PushNumber(r.Value);
            return;
        }

        PushNumber(0);
        operands[operandCount - 1] = new Operand { Object = o };
    }

    private bool Numbers(int count)
    {
        if (operandCount < count)
        {
            return false;
        }

        for (int i = operandCount - count; i < operandCount; i++)
        {
            if (!operands[i].IsNumber)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The i-th of the last <paramref name="count"/> operands.</summary>
    private double Num(int count, int i) => operands[operandCount - count + i].Number;

    private PdfObject? Obj(int count, int i) => operandCount >= count ? operands[operandCount - count + i].Object : null;

    private void Execute(string op, PdfDictionary? resources)
    {
        switch (op)
        {
            case "q":
                if (stack.Count >= options.MaxNestingDepth * 4)
                {
                    Warn("q nesting too deep");
                    return;
                }

                stack.Push(gs.Clone());
                return;
            case "Q":
                if (stack.Count > 0)
                {
                    gs = stack.Pop();
                }

                return;
            case "cm":
                if (Numbers(6))
                {
                    var m = new Matrix(Num(6, 0), Num(6, 1), Num(6, 2), Num(6, 3), Num(6, 4), Num(6, 5));
                    gs.Ctm = m.Multiply(gs.Ctm);
                }

                return;
            case "w":
                if (Numbers(1))
                {
                    gs.LineWidth = Num(1, 0);
                }

                return;
            case "m":
                if (Numbers(2))
                {
                    MoveTo(Num(2, 0), Num(2, 1));
                }

                return;
            case "l":
                if (Numbers(2))
                {
                    LineTo(Num(2, 0), Num(2, 1));
                }

                return;
            case "c":
                if (Numbers(6))
                {
                    CurveTo(Num(6, 4), Num(6, 5));
                }

                return;
            case "v":
            case "y":
                if (Numbers(4))
                {
                    CurveTo(Num(4, 2), Num(4, 3));
                }

                return;
            case "h":
                ClosePath();
                return;
            case "re":
                if (Numbers(4))
                {
                    Rectangle(Num(4, 0), Num(4, 1), Num(4, 2), Num(4, 3));
                }

                return;
            case "S":
                PaintPath(stroke: true, fill: false, closeFirst: false);
                return;
            case "s":
                PaintPath(stroke: true, fill: false, closeFirst: true);
                return;
            case "f":
            case "F":
            case "f*":
                PaintPath(stroke: false, fill: true, closeFirst: false);
                return;
            case "B":
            case "B*":
                PaintPath(stroke: true, fill: true, closeFirst: false);
                return;
            case "b":
            case "b*":
                PaintPath(stroke: true, fill: true, closeFirst: true);
                return;
            case "n":
                ClearPath();
                return;
            case "W":
            case "W*":
                return;
            case "BT":
                tm = Matrix.Identity;
                tlm = Matrix.Identity;
                return;
            case "ET":
                return;
            case "Tc":
                if (Numbers(1))
                {
                    gs.CharSpacing = Num(1, 0);
                }

                return;
            case "Tw":
                if (Numbers(1))
                {
                    gs.WordSpacing = Num(1, 0);
                }

                return;
            case "Tz":
                if (Numbers(1))
                {
                    gs.HorizontalScaling = Num(1, 0) / 100.0;
                }

                return;
            case "TL":
                if (Numbers(1))
                {
                    gs.Leading = Num(1, 0);
                }

                return;
            case "Ts":
                if (Numbers(1))
                {
                    gs.Rise = Num(1, 0);
                }

                return;
            case "Tr":
                if (Numbers(1))
                {
                    int mode = (int)Num(1, 0);
                    gs.RenderMode = mode is >= 0 and <= 7 ? (TextRenderingMode)mode : TextRenderingMode.Fill;
                }

                return;
            case "Tf":
                if (operandCount >= 2 && Obj(2, 0) is PdfName fontName && operands[operandCount - 1].IsNumber)
                {
                    SetFont(fontName.Value, Num(2, 1), resources);
                }

                return;
            case "Td":
                if (Numbers(2))
                {
                    tlm = Matrix.Translation(Num(2, 0), Num(2, 1)).Multiply(tlm);
                    tm = tlm;
                }

                return;
            case "TD":
                if (Numbers(2))
                {
                    gs.Leading = -Num(2, 1);
                    tlm = Matrix.Translation(Num(2, 0), Num(2, 1)).Multiply(tlm);
                    tm = tlm;
                }

                return;
            case "Tm":
                if (Numbers(6))
                {
                    tlm = new Matrix(Num(6, 0), Num(6, 1), Num(6, 2), Num(6, 3), Num(6, 4), Num(6, 5));
                    tm = tlm;
                }

                return;
            case "T*":
                NextLine();
                return;
            case "Tj":
                if (Obj(1, 0) is PdfString tj)
                {
                    ShowText(tj.Bytes);
                }

                return;
            case "'":
                if (Obj(1, 0) is PdfString q1)
                {
                    NextLine();
                    ShowText(q1.Bytes);
                }

                return;
            case "\"":
                if (operandCount >= 3 && operands[operandCount - 3].IsNumber && operands[operandCount - 2].IsNumber && Obj(3, 2) is PdfString q2)
                {
                    gs.WordSpacing = Num(3, 0);
                    gs.CharSpacing = Num(3, 1);
                    NextLine();
                    ShowText(q2.Bytes);
                }

                return;
            case "TJ":
                if (Obj(1, 0) is PdfArray arr)
                {
                    ShowTextArray(arr);
                }

                return;
            case "Do":
                if (Obj(1, 0) is PdfName xname)
                {
                    DoXObject(xname.Value, resources);
                }

                return;
            case "gs":
                if (Obj(1, 0) is PdfName gsName)
                {
                    ApplyExtGState(gsName.Value, resources);
                }

                return;
            case "BMC":
                BeginMarkedContent(null, null, resources);
                return;
            case "BDC":
                if (operandCount >= 2)
                {
                    BeginMarkedContent(Obj(2, 0) as PdfName, Obj(2, 1), resources);
                }
                else
                {
                    BeginMarkedContent(null, null, resources);
                }

                return;
            case "EMC":
                EndMarkedContent();
                return;
            case "MP":
            case "DP":
            case "d0":
            case "d1":
                return;
            default:
                return;
        }
    }

    private void BeginMarkedContent(PdfName? tag, PdfObject? properties, PdfDictionary? resources)
    {
        var kind = MarkedContentKind.Plain;
        if (markedContent.Count >= options.MaxNestingDepth * 4)
        {
            markedContent.Add(kind);
            return;
        }

        if (properties is PdfDictionary inline && file.Resolve(inline["ActualText"]) is PdfString at)
        {
            if (actualText is null)
            {
                actualText = at.ToText();
                actualTextBytes = 0;
                kind = MarkedContentKind.ActualText;
            }
        }
        else if (tag?.Value == "OC" && properties is PdfName propName)
        {
            var ocg = ResourceCategory(resources, "Properties")?[propName.Value];
            if (optionalContent is not null && !optionalContent.IsVisible(ocg))
            {
                hiddenDepth++;
                kind = MarkedContentKind.Hidden;
            }
        }

        markedContent.Add(kind);
    }

    private void EndMarkedContent()
    {
        if (markedContent.Count == 0)
        {
            return;
        }

        var kind = markedContent[^1];
        markedContent.RemoveAt(markedContent.Count - 1);
        if (kind == MarkedContentKind.ActualText)
        {
            EndActualText();
        }
        else if (kind == MarkedContentKind.Hidden)
        {
            hiddenDepth--;
        }
    }

    private void NextLine()
    {
        tlm = Matrix.Translation(0, -gs.Leading).Multiply(tlm);
        tm = tlm;
    }

    private PdfDictionary? ResourceCategory(PdfDictionary? resources, string category) =>
        resources is null ? null : file.ResolveDictionary(resources[category]);

    private void SetFont(string name, double size, PdfDictionary? resources)
    {
        gs.FontSize = size;
        var fontDict = ResourceCategory(resources, "Font");
        var entry = fontDict?[name];
        if (entry is null)
        {
            Warn($"font /{name} is not in the resources");
            gs.Font = null;
            return;
        }

        gs.Font = fonts.Load(entry, Warnings);
        if (gs.Font is null)
        {
            Warn($"font /{name} could not be loaded");
        }
    }

    private void ApplyExtGState(string name, PdfDictionary? resources)
    {
        var dict = file.ResolveDictionary(ResourceCategory(resources, "ExtGState")?[name]);
        if (dict is null)
        {
            return;
        }

        if (file.Resolve(dict["LW"]) is { } lw && (lw is PdfInteger or PdfReal))
        {
            gs.LineWidth = lw is PdfInteger li ? li.Value : ((PdfReal)lw).Value;
        }

        if (file.Resolve(dict["Font"]) is PdfArray fa && fa.Count >= 2)
        {
            gs.Font = fonts.Load(fa[0], Warnings);
            gs.FontSize = file.Resolve(fa[1]) switch
            {
                PdfInteger i => i.Value,
                PdfReal r => r.Value,
                _ => gs.FontSize,
            };
        }
    }

    private void DoXObject(string name, PdfDictionary? resources)
    {
        var xobjects = ResourceCategory(resources, "XObject");
        var reference = xobjects?[name];
        if (file.Resolve(reference) is not PdfStream stream)
        {
            Warn($"XObject /{name} is missing");
            return;
        }

        if (IsHidden || (optionalContent is not null && stream.Dictionary["OC"] is { } oc && !optionalContent.IsVisible(oc)))
        {
            return;
        }

        var subtype = (file.Resolve(stream.Dictionary["Subtype"]) as PdfName)?.Value;
        if (subtype == "Image")
        {
            int w = file.Resolve(stream.Dictionary["Width"]) is PdfInteger wi ? (int)wi.Value : 0;
            int h = file.Resolve(stream.Dictionary["Height"]) is PdfInteger hi ? (int)hi.Value : 0;
            AddImage(w, h, isInline: false);
            return;
        }

        if (subtype != "Form")
        {
            return;
        }

        int number = reference is PdfReference r ? r.Number : -1;
        RunForm(stream, number, name, resources, Matrix.Identity);
    }

    /// <summary>Runs a form's content with its /Matrix (then <paramref name="extra"/>) on top of the current CTM.</summary>
    private void RunForm(PdfStream stream, int number, string name, PdfDictionary? resources, Matrix extra)
    {
        if (formDepth >= options.MaxXObjectDepth || (number >= 0 && activeForms.Contains(number)))
        {
            Warn($"Form XObject /{name} nested too deeply or recursive");
            return;
        }

        byte[] data;
        try
        {
            data = file.DecodeStream(stream);
        }
        catch (PdfFormatException e)
        {
            Warn($"Form XObject /{name}: {e.Message}");
            return;
        }

        var formResources = file.ResolveDictionary(stream.Dictionary["Resources"]) ?? resources;
        var saved = gs.Clone();
        var savedStackDepth = stack.Count;
        var savedTm = tm;
        var savedTlm = tlm;
        gs.Ctm = FormMatrix(stream).Multiply(extra).Multiply(gs.Ctm);
        var savedOperands = operands;
        int savedCount = operandCount;
        operands = new Operand[64];
        formDepth++;
        if (number >= 0)
        {
            activeForms.Add(number);
        }

        try
        {
            var savedPath = SavePath();
            Run(data, formResources);
            RestorePath(savedPath);
        }
        finally
        {
            formDepth--;
            if (number >= 0)
            {
                activeForms.Remove(number);
            }

            operands = savedOperands;
            operandCount = savedCount;
            while (stack.Count > savedStackDepth)
            {
                stack.Pop();
            }

            gs = saved;
            tm = savedTm;
            tlm = savedTlm;
        }
    }

    private Matrix FormMatrix(PdfStream stream)
    {
        if (file.Resolve(stream.Dictionary["Matrix"]) is not PdfArray ma || ma.Count < 6)
        {
            return Matrix.Identity;
        }

        var v = new double[6];
        for (int i = 0; i < 6; i++)
        {
            v[i] = file.Resolve(ma[i]) switch
            {
                PdfInteger ii => ii.Value,
                PdfReal rr => rr.Value,
                _ => i is 0 or 3 ? 1 : 0,
            };
        }

        return new Matrix(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    /// <summary>
    /// Draws the normal appearances of the page's annotations (form fields, free text…), as pdftotext does:
    /// the appearance's transformed bounding box is mapped onto the annotation's /Rect (§12.5.5).
    /// </summary>
    public void DrawAnnotations(PdfDictionary page)
    {
        if (file.Resolve(page["Annots"]) is not PdfArray annots)
        {
            return;
        }

        int count = 0;
        foreach (var item in annots.Items)
        {
            if (++count > 10_000)
            {
                break;
            }

            if (file.ResolveDictionary(item) is not { } annot)
            {
                continue;
            }

            int flags = file.Resolve(annot["F"]) is PdfInteger f ? (int)f.Value : 0;
            // Hidden (2) and NoView (32) annotations are not shown on screen.
            if ((flags & 2) != 0 || (flags & 32) != 0)
            {
                continue;
            }

            var appearance = file.Resolve(file.ResolveDictionary(annot["AP"])?["N"]);
            PdfObject? appearanceRef = file.ResolveDictionary(annot["AP"])?["N"];
            if (appearance is PdfDictionary states)
            {
                if (file.Resolve(annot["AS"]) is not PdfName state)
                {
                    continue;
                }

                appearanceRef = states[state.Value];
                appearance = file.Resolve(appearanceRef);
            }

            if (appearance is not PdfStream form || Structure.ReadBox(file, annot["Rect"]) is not { } rect)
            {
                continue;
            }

            if (optionalContent is not null && annot["OC"] is { } oc && !optionalContent.IsVisible(oc))
            {
                continue;
            }

            var bbox = Structure.ReadBox(file, form.Dictionary["BBox"]) ?? new PdfRectangle(0, 0, 1, 1);
            var m = FormMatrix(form);
            var (x0, y0) = m.Transform(bbox.Left, bbox.Bottom);
            var (x1, y1) = m.Transform(bbox.Right, bbox.Bottom);
            var (x2, y2) = m.Transform(bbox.Left, bbox.Top);
            var (x3, y3) = m.Transform(bbox.Right, bbox.Top);
            double minX = Math.Min(Math.Min(x0, x1), Math.Min(x2, x3)), maxX = Math.Max(Math.Max(x0, x1), Math.Max(x2, x3));
            double minY = Math.Min(Math.Min(y0, y1), Math.Min(y2, y3)), maxY = Math.Max(Math.Max(y0, y1), Math.Max(y2, y3));
            double sx = maxX > minX ? rect.Width / (maxX - minX) : 1;
            double sy = maxY > minY ? rect.Height / (maxY - minY) : 1;
            var toRect = new Matrix(sx, 0, 0, sy, rect.Left - (minX * sx), rect.Bottom - (minY * sy));
            gs = new GraphicsState();
            stack.Clear();
            markedContent.Clear();
            hiddenDepth = 0;
            actualText = null;
            RunForm(form, appearanceRef is PdfReference r ? r.Number : -1, "annotation appearance", null, toRect);
        }
    }

    private void AddImage(int pixelWidth, int pixelHeight, bool isInline)
    {
        var ctm = gs.Ctm;
        var (x0, y0) = ctm.Transform(0, 0);
        var (x1, y1) = ctm.Transform(1, 0);
        var (x2, y2) = ctm.Transform(0, 1);
        var (x3, y3) = ctm.Transform(1, 1);
        var box = new PdfRectangle(
            Math.Min(Math.Min(x0, x1), Math.Min(x2, x3)),
            Math.Min(Math.Min(y0, y1), Math.Min(y2, y3)),
            Math.Max(Math.Max(x0, x1), Math.Max(x2, x3)),
            Math.Max(Math.Max(y0, y1), Math.Max(y2, y3)));
        if (Images.Count < 100_000)
        {
            Images.Add(new PdfImagePlacement(box, pixelWidth, pixelHeight, isInline));
        }
    }

    /// <summary>BI … ID data EI: reads the dictionary, skips the data and records the placement.</summary>
    private void InlineImage(Lexer lexer, ObjectParser parser)
    {
        var dict = new Dictionary<string, PdfObject>(StringComparer.Ordinal);
        while (lexer.Next(out var t))
        {
            if (t.Kind == TokenKind.Keyword && lexer.KeywordEquals(in t, "ID"u8))
            {
                break;
            }

            if (t.Kind == TokenKind.Name && lexer.Next(out var vt))
            {
                dict[lexer.DecodeName(in t)] = parser.ReadObject(in vt, 0);
            }
        }

        var data = lexer.Data;
        int start = lexer.Position;
        if (start < lexer.End && Lexer.IsWhite(data[start]))
        {
            start++;
        }

        int Get(string a, string b) => (dict.GetValueOrDefault(a) ?? dict.GetValueOrDefault(b)) is PdfInteger i ? (int)Math.Clamp(i.Value, 0, 1 << 20) : 0;
        int width = Get("W", "Width");
        int height = Get("H", "Height");
        bool hasFilter = dict.ContainsKey("F") || dict.ContainsKey("Filter");
        int end = -1;
        if (!hasFilter)
        {
            int bpc = Get("BPC", "BitsPerComponent");
            bool mask = (dict.GetValueOrDefault("IM") ?? dict.GetValueOrDefault("ImageMask")) is PdfBoolean { Value: true };
            if (bpc == 0)
            {
                bpc = mask ? 1 : 8;
            }

            var cs = dict.GetValueOrDefault("CS") ?? dict.GetValueOrDefault("ColorSpace");
            int comps = mask ? 1 : cs is PdfName csn ? csn.Value switch
            {
                "RGB" or "DeviceRGB" => 3,
                "CMYK" or "DeviceCMYK" => 4,
                _ => 1,
            } : 1;
            long length = (long)height * (((long)width * bpc * comps + 7) / 8);
            long candidate = start + length;
            if (candidate <= lexer.End && IsEiAt((int)candidate, data, lexer.End))
            {
                end = (int)candidate;
            }
        }

        if (end < 0)
        {
            // Scan for whitespace, "EI", then whitespace or end.
            int p = start;
            while (true)
            {
                int idx = data.AsSpan(p, lexer.End - p).IndexOf("EI"u8);
                if (idx < 0)
                {
                    end = lexer.End;
                    break;
                }

                int at = p + idx;
                if ((at == start || Lexer.IsWhite(data[at - 1])) && (at + 2 >= lexer.End || Lexer.IsWhite(data[at + 2]) || Lexer.IsDelimiter(data[at + 2])))
                {
                    end = at;
                    break;
                }

                p = at + 2;
            }
        }

        lexer.Position = Math.Min(lexer.End, SkipEi(end, data, lexer.End));
        if (!IsHidden)
        {
            AddImage(width, height, isInline: true);
        }
    }

    private static bool IsEiAt(int pos, byte[] data, int end)
    {
        while (pos < end && Lexer.IsWhite(data[pos]))
        {
            pos++;
        }

        return pos + 1 < end && data[pos] == (byte)'E' && data[pos + 1] == (byte)'I' && (pos + 2 >= end || !Lexer.IsRegular(data[pos + 2]));
    }

    private static int SkipEi(int pos, byte[] data, int end)
    {
        while (pos < end && Lexer.IsWhite(data[pos]))
        {
            pos++;
        }

        if (pos + 1 < end && data[pos] == (byte)'E' && data[pos + 1] == (byte)'I')
        {
            return pos + 2;
        }

        return pos;
    }
}
