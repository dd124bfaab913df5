using Extractor.Pdf.Fonts;
using Extractor.Pdf.Parsing;

namespace Extractor.Pdf.Content;

/// <summary>Text showing: one <see cref="Letter"/> per glyph, boxed the way poppler's TextOutputDev boxes it.</summary>
internal sealed partial class ContentInterpreter
{
    private void ShowTextArray(PdfArray array)
    {
        if (gs.Font is null)
        {
            return;
        }

        foreach (var item in array.Items)
        {
            switch (item)
            {
                case PdfString s:
                    ShowText(s.Bytes);
                    break;
                case PdfInteger i:
                    Shift(i.Value);
                    break;
                case PdfReal r:
                    Shift(r.Value);
                    break;
            }
        }
    }

    private void Shift(double adjustment)
    {
        if (gs.Font!.IsVertical)
        {
            tm = Matrix.Translation(0, -adjustment * 0.001 * gs.FontSize).Multiply(tm);
        }
        else
        {
            tm = Matrix.Translation(-adjustment * 0.001 * gs.FontSize * gs.HorizontalScaling, 0).Multiply(tm);
        }
    }

    private void ShowText(byte[] s)
    {
        var font = gs.Font;
        if (font is null)
        {
            return;
        }

        double fs = gs.FontSize;
        double th = gs.HorizontalScaling;
        double tc = gs.CharSpacing;
        double tw = gs.WordSpacing;
        bool vertical = font.IsVertical;
        int pos = 0;
        while (pos < s.Length)
        {
            // One string can hold millions of codes: the time budget is checked inside it too.
            if ((++codesShown & 0xFFF) == 0)
            {
                deadline.Check();
            }

            int n = font.ReadCode(s, pos, out int code, out int cid);
            bool spaceByte = n == 1 && s[pos] == 32;
            double w0 = font.GetWidth(code, cid);
            double tx, ty;
            if (vertical)
            {
                tx = 0;
                ty = (font.GetVerticalAdvance(cid) * fs) + tc + (spaceByte ? tw : 0);
            }
            else
            {
                tx = ((w0 * fs) + tc + (spaceByte ? tw : 0)) * th;
                ty = 0;
            }

            if (IsHidden)
            {
                tm = Matrix.Translation(tx, ty).Multiply(tm);
                pos += n;
                continue;
            }

            var (px, py) = tm.Transform(0, gs.Rise);
            if (actualText is not null)
            {
                // Inside /ActualText: only the extent of the glyphs is kept (poppler's ActualText).
                var (fx, fy) = tm.TransformVector(tx, ty);
                if (actualTextBytes == 0)
                {
                    actualTextStart = (px, py);
                }

                actualTextEnd = (px + fx, py + fy);
                actualTextBytes += n;
            }
            else
            {
                var unicode = font.ToUnicode(code, cid, n);
                if (HasRoomForGlyph())
                {
                    // poppler subtracts Tc (and Tw for code 32) from the advance to get the glyph's own width.
                    double spacing = tc + (code == 32 ? tw : 0);
                    var (adx, ady) = tm.TransformVector(tx - (spacing * th), ty);
                    EmitLetter(font, unicode, px, py, adx, ady);
                }
            }

            tm = Matrix.Translation(tx, ty).Multiply(tm);
            pos += n;
        }
    }

    /// <summary>Ends an /ActualText span: its text becomes one letter over the extent of the glyphs drawn in it.</summary>
    private void EndActualText()
    {
        var text = actualText;
        actualText = null;
        if (text is null || actualTextBytes == 0)
        {
            actualTextBytes = 0;
            return;
        }

        actualTextBytes = 0;
        var font = gs.Font;
        if (font is null || !HasRoomForGlyph())
        {
            return;
        }

        var (sx, sy) = tm.TransformVector(gs.CharSpacing * gs.HorizontalScaling, 0);
        double dx = actualTextEnd.X - actualTextStart.X - sx;
        double dy = actualTextEnd.Y - actualTextStart.Y - sy;
        EmitLetter(font, text, actualTextStart.X, actualTextStart.Y, dx, dy);
    }

    /// <summary>Whether another glyph may be kept; the first time the page's limit is reached, a warning says so.</summary>
    private bool HasRoomForGlyph()
    {
        // Glyphs that map to no text are recorded for word breaking too, so both lists are bounded.
        if (Letters.Count < options.MaxLettersPerPage && Glyphs.Count < 2 * options.MaxLettersPerPage)
        {
            return true;
        }

        if (!letterLimitReported)
        {
            letterLimitReported = true;
            Warn($"more than {options.MaxLettersPerPage} letters on the page; the rest are not read");
        }

        return false;
    }

    /// <summary>
    /// Adds a letter (or, with a null <paramref name="unicode"/>, a glyph that maps to no text but still counts for
    /// poppler's word breaking); origin and advance are in text space after Tm (before the CTM), as poppler's drawChar gets them.
    /// </summary>
    private void EmitLetter(PdfFont font, string? unicode, double preX, double preY, double preDx, double preDy)
    {
        if (unicode is not null && (unicode.Length == 0 || (unicode.Length == 1 && unicode[0] == '\0')))
        {
            // poppler ignores null characters before any word logic.
            return;
        }

        if (unicode is not null)
        {
            unicode = Utf16Text.WithoutLoneSurrogates(unicode);
        }

        double fs = gs.FontSize;
        var trm = tm.Multiply(gs.Ctm);
        var (ox, oy) = gs.Ctm.Transform(preX, preY);
        var (ax, ay) = gs.Ctm.TransformVector(preDx, preDy);

        // Device space as poppler sees it: display space with the y axis pointing down.
        var (dx0, dy0) = display.Transform(ox, oy);
        var (dax, day) = display.TransformVector(ax, ay);
        double x1 = dx0, y1 = pageHeight - dy0, w1 = dax, h1 = -day;
        if (x1 + w1 < 0 || x1 > pageWidth || y1 + h1 < 0 || y1 > pageHeight || double.IsNaN(x1) || double.IsNaN(y1) || double.IsNaN(w1) || double.IsNaN(h1))
        {
            // poppler drops glyphs outside the (crop box) page.
            return;
        }

        var full = trm.Multiply(display);
        double m0 = full.A, m1 = -full.B, m2 = full.C, m3 = -full.D;
        if (font.IsType3)
        {
            var f = font.FontMatrix;
            double n0 = (f[0] * m0) + (f[1] * m2);
            double n1 = (f[0] * m1) + (f[1] * m3);
            double n2 = (f[2] * m0) + (f[3] * m2);
            double n3 = (f[2] * m1) + (f[3] * m3);
            (m0, m1, m2, m3) = (n0, n1, n2, n3);
        }

        if (fs < 0)
        {
            (m0, m1, m2, m3) = (-m0, -m1, -m2, -m3);
        }

        int rot;
        if (Math.Abs(m0 * m3) > Math.Abs(m1 * m2))
        {
            rot = (m0 > 0 || m3 < 0) ? 0 : 2;
        }
        else
        {
            rot = m2 > 0 ? 1 : 3;
        }

        bool wMode = font.IsVertical;
        if (wMode)
        {
            rot = (rot + 1) & 3;
        }

        double size = Math.Abs(fs) * Math.Sqrt((full.C * full.C) + (full.D * full.D)) * font.Type3SizeFactor;
        bool isSpace = unicode is { Length: 1 } && char.IsWhiteSpace(unicode[0]);
        var record = new GlyphRecord
        {
            LetterIndex = unicode is null ? -1 : Letters.Count,
            X = x1,
            Y = y1,
            W = w1,
            H = h1,
            Rot = rot,
            Size = size,
            Ascent = font.Ascent,
            Descent = font.Descent,
            WMode = wMode,
            IsSpace = isSpace,
            CharCount = unicode?.Length ?? 0,
        };
        Glyphs.Add(record);
        if (unicode is null)
        {
            return;
        }

        var (xMin, yMin, xMax, yMax) = PopplerWords.InitialBox(record);
        if (!wMode)
        {
            // The glyph's own extent along the line.
            PopplerWords.AlongLine(record, ref xMin, ref yMin, ref xMax, ref yMax);
        }

        var box = PopplerWords.ToUser(display, pageHeight, xMin, yMin, xMax, yMax);
        var start = new PdfPoint(ox, oy);
        var end = new PdfPoint(ox + ax, oy + ay);
        double width = Math.Sqrt((ax * ax) + (ay * ay));
        Letters.Add(new Letter(unicode, box, start, end, font.Name, size, width, gs.RenderMode, wMode));
    }
}
