using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Extractor.Model;

namespace Extractor.Review;

/// <summary>
/// Writes the review page: one self-contained HTML file — the page images as data: URIs with a box over every
/// row read and its values beside it, the forms' head fields and checks, the diagnostics, and a table of the
/// rows (and of the row text) for input without page images. Every text read from the document goes through
/// <see cref="HtmlText.Escape"/>; the page has no script, and its Content-Security-Policy lets it load
/// nothing but its own inline style and data: images.
/// </summary>
internal static class ReviewHtml
{
    /// <summary>The Content-Security-Policy of the page: nothing from the network, no script.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    /// <summary>How much of a figure's width the page image takes; the rest holds the values beside the boxes.</summary>
    private const double ImageShare = 0.70;

    /// <summary>The page.</summary>
    public static string Write(ReviewContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var document = content.Document;
        var rows = ReviewRows.Of(document);
        var drawn = DrawnRows(content.Pages, rows);
        var html = new StringBuilder(1024 + content.Pages.Sum(p => p.Png.Length * 4 / 3));
        var name = Path.GetFileName(document.Source.Path);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Review · ").Append(HtmlText.Escape(name)).Append("</title>\n<style>\n").Append(ReviewStyle.Css).Append("</style>\n</head>\n<body>\n");
        Header(html, content);
        if (!content.Pages.IsEmpty)
        {
            html.Append("<section id=\"pages\">\n");
            foreach (var page in content.Pages)
            {
                Page(html, page, rows);
            }

            html.Append("</section>\n");
        }

        Forms(html, document, rows, drawn);
        Diagnostics(html, document);
        RowsTable(html, rows, drawn, open: content.Pages.IsEmpty);
        if (content.RowText is not null)
        {
            RowTextTable(html, content.RowText, rows);
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, ReviewContent content)
    {
        var document = content.Document;
        html.Append("<header>\n<h1>Review of ").Append(HtmlText.Escape(Path.GetFileName(document.Source.Path))).Append("</h1>\n")
            .Append("<p class=\"status status-").Append(HtmlText.Escape(document.Status)).Append("\">status: <b>").Append(HtmlText.Escape(document.Status)).Append("</b>");
        if (!document.StatusReasons.IsEmpty)
        {
            html.Append(" (").Append(HtmlText.Escape(string.Join(", ", document.StatusReasons.Select(r => $"{r.Key} × {r.Value}")))).Append(')');
        }

        html.Append("</p>\n<dl class=\"source\">")
            .Append("<dt>path</dt><dd>").Append(HtmlText.Escape(document.Source.Path)).Append("</dd>")
            .Append("<dt>kind</dt><dd>").Append(HtmlText.Escape(document.Source.Kind)).Append("</dd>")
            .Append("<dt>pages</dt><dd>").Append(document.Source.Pages.ToString(CultureInfo.InvariantCulture)).Append("</dd>")
            .Append("<dt>sha256</dt><dd><code>").Append(HtmlText.Escape(document.Source.Sha256)).Append("</code></dd></dl>\n");
        if (!content.Notices.IsEmpty)
        {
            html.Append("<ul class=\"notices\">");
            foreach (var notice in content.Notices)
            {
                html.Append("<li>").Append(HtmlText.Escape(notice)).Append("</li>");
            }

            html.Append("</ul>\n");
        }

        var checks = document.Forms.SelectMany(f => f.Checks).ToList();
        html.Append("<p class=\"summary\">").Append(document.Forms.Length.ToString(CultureInfo.InvariantCulture)).Append(" forms, ")
            .Append(document.Forms.Sum(f => f.Funds.Rows.Length).ToString(CultureInfo.InvariantCulture)).Append(" fund rows, ")
            .Append(document.Forms.Sum(f => f.Indicators.Length).ToString(CultureInfo.InvariantCulture)).Append(" indicators; <a href=\"#forms\">checks</a>: ")
            .Append(string.Join(", ", new[] { Severity.Error, Severity.Warning, Severity.Info }.Select(s => string.Create(CultureInfo.InvariantCulture, $"{checks.Count(c => c.Severity == s)} {SeverityName(s)}"))))
            .Append("; <a href=\"#diagnostics\">diagnostics</a>: ").Append(document.Diagnostics.Length.ToString(CultureInfo.InvariantCulture)).Append("</p>\n");
        if (content.Pages.IsEmpty && document.Source.Kind is not (SourceKinds.Pdf or SourceKinds.PdfOcr))
        {
            html.Append("<p class=\"view\">This input (").Append(HtmlText.Escape(document.Source.Kind))
                .Append(") has no page images: the rows read are shown as a table, with the row text they were read from.</p>\n");
        }

        html.Append("<p class=\"legend\"><span class=\"key\">row read</span> <span class=\"key check-error\">error check</span> ")
            .Append("<span class=\"key check-warning\">warning check</span> <span class=\"key check-info\">info check</span> ")
            .Append("<span class=\"key low-confidence\">low OCR confidence</span> — hover a box for its JSON path and values.</p>\n</header>\n");
    }

    private static void Forms(StringBuilder html, Document document, ImmutableArray<ReviewRow> rows, HashSet<string> drawn)
    {
        html.Append("<section id=\"forms\">\n<h2>Forms (").Append(document.Forms.Length.ToString(CultureInfo.InvariantCulture)).Append(")</h2>\n");
        for (var f = 0; f < document.Forms.Length; f++)
        {
            var form = document.Forms[f];
            html.Append("<article class=\"form\" id=\"f").Append(f.ToString(CultureInfo.InvariantCulture)).Append("\" data-path=\"forms[").Append(f.ToString(CultureInfo.InvariantCulture)).Append("]\">\n<h3>")
                .Append((f + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(HtmlText.Escape(form.Title ?? "(no title)"));
            if (form.Year is { } year)
            {
                html.Append(" (").Append(year.ToString(CultureInfo.InvariantCulture)).Append(')');
            }

            html.Append("</h3>\n<dl>");
            Field(html, "项目名称", form.ProjectName);
            Field(html, "主管部门", form.SupervisingDepartment);
            Field(html, "实施单位", form.ImplementingUnit);
            Field(html, "资金单位", form.Funds.Unit);
            Field(html, "预期目标", form.Goals.Expected);
            Field(html, "实际完成情况", form.Goals.Actual);
            Field(html, "总分 分值", ReviewRows.Number(form.Total.Weight));
            Field(html, "总分 得分", ReviewRows.Number(form.Total.Score));
            Field(html, "pages", string.Join(", ", form.Source.Pages));
            Field(html, "rows", $"{form.Funds.Rows.Length} fund rows, {form.Indicators.Length} indicators");
            html.Append("</dl>\n");
            if (!form.Checks.IsEmpty)
            {
                html.Append("<ul class=\"checks\">");
                foreach (var check in form.Checks)
                {
                    var path = $"forms[{f}]" + (check.Path.Length > 0 ? "." : string.Empty) + ReviewRows.PathOf(check.Path);
                    var row = rows.FirstOrDefault(r => path == r.Path || path.StartsWith(r.Path + ".", StringComparison.Ordinal));
                    html.Append("<li class=\"check-").Append(SeverityName(check.Severity)).Append("\">");
                    if (row is not null)
                    {
                        html.Append("<a href=\"#").Append(HtmlText.Escape(drawn.Contains(row.Anchor) ? row.Anchor + "-box" : row.Anchor)).Append("\">").Append(HtmlText.Escape(path)).Append("</a>");
                    }
                    else
                    {
                        html.Append(HtmlText.Escape(path));
                    }

                    html.Append(" <b>").Append(HtmlText.Escape(check.Code)).Append("</b> ").Append(HtmlText.Escape(check.Message)).Append("</li>");
                }

                html.Append("</ul>\n");
            }

            html.Append("</article>\n");
        }

        html.Append("</section>\n");
    }

    private static void Diagnostics(StringBuilder html, Document document)
    {
        if (document.Diagnostics.IsEmpty)
        {
            html.Append("<section id=\"diagnostics\">\n<h2>Diagnostics</h2>\n<p>none</p>\n</section>\n");
            return;
        }

        html.Append("<section id=\"diagnostics\">\n<h2>Diagnostics (").Append(document.Diagnostics.Length.ToString(CultureInfo.InvariantCulture)).Append(")</h2>\n<table>\n<tr><th>severity</th><th>code</th><th>page</th><th>line</th><th>path</th><th>message</th><th>text</th></tr>\n");
        foreach (var d in document.Diagnostics)
        {
            html.Append("<tr class=\"check-").Append(SeverityName(d.Severity)).Append(d.Code == DiagnosticCodes.OcrLowConfidence ? " low-confidence" : string.Empty).Append("\"><td>")
                .Append(SeverityName(d.Severity)).Append("</td><td>").Append(HtmlText.Escape(d.Code)).Append("</td><td>")
                .Append(d.Page?.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(d.Line?.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(HtmlText.Escape(d.Path is null ? null : ReviewRows.PathOf(d.Path))).Append("</td><td>").Append(HtmlText.Escape(d.Message)).Append("</td><td>")
                .Append(HtmlText.Escape(d.Text)).Append("</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void Page(StringBuilder html, ReviewPageImage page, ImmutableArray<ReviewRow> rows)
    {
        var number = page.Frame.Number.ToString(CultureInfo.InvariantCulture);
        html.Append("<figure class=\"page\" id=\"page-").Append(number).Append("\">\n<figcaption>Page ").Append(number).Append("</figcaption>\n<div class=\"sheet\">\n")
            .Append("<img alt=\"page ").Append(number).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(page.Png)).Append("\">\n");
        foreach (var row in rows)
        {
            var boxes = row.Source.Boxes ?? [];
            var first = true;
            foreach (var box in boxes.Where(b => b.Page == page.Frame.Number))
            {
                if (page.Frame.ToPercent(box) is not { } at)
                {
                    continue;
                }

                var marks = row.Marks.IsEmpty ? string.Empty : " " + string.Join(' ', row.Marks);
                var tip = HtmlText.Escape(Tooltip(row));
                var id = first && boxes.First().Page == page.Frame.Number ? $" id=\"{HtmlText.Escape(row.Anchor)}-box\"" : string.Empty;
                first = false;
                html.Append("<div class=\"row").Append(marks).Append("\">")
                    .Append("<a class=\"box").Append(marks).Append('"').Append(id).Append(" href=\"#").Append(HtmlText.Escape(row.Anchor)).Append("\" data-path=\"").Append(HtmlText.Escape(row.Path))
                    .Append("\" style=\"").Append(Position(at.Left * ImageShare, at.Top, at.Width * ImageShare, at.Height)).Append("\" title=\"").Append(tip).Append("\"></a>")
                    .Append("<span class=\"value").Append(marks).Append("\" title=\"").Append(tip).Append("\" style=\"")
                    .Append(string.Create(CultureInfo.InvariantCulture, $"top:{at.Top:0.###}%;min-height:{at.Height:0.###}%"))
                    .Append("\"><b>").Append(HtmlText.Escape(row.Label)).Append("</b> ").Append(HtmlText.Escape(row.Values)).Append("</span></div>\n");
            }
        }

        html.Append("</div>\n</figure>\n");
    }

    private static void RowsTable(StringBuilder html, ImmutableArray<ReviewRow> rows, HashSet<string> drawn, bool open)
    {
        var undrawn = rows.Count(r => !drawn.Contains(r.Anchor));
        html.Append("<section id=\"rows\">\n<details").Append(open || undrawn > 0 ? " open" : string.Empty).Append("><summary>Rows read (")
            .Append(rows.Length.ToString(CultureInfo.InvariantCulture)).Append(')');
        if (!open && undrawn > 0)
        {
            html.Append(", ").Append(undrawn.ToString(CultureInfo.InvariantCulture)).Append(" not drawn on a page image");
        }

        html.Append("</summary>\n<table>\n<tr><th>JSON path</th><th>name</th><th>values</th><th>source</th><th>checks</th></tr>\n");
        foreach (var row in rows)
        {
            var marks = row.Marks.IsEmpty ? string.Empty : " " + string.Join(' ', row.Marks);
            html.Append("<tr class=\"record").Append(marks).Append("\" id=\"").Append(HtmlText.Escape(row.Anchor)).Append("\" data-path=\"").Append(HtmlText.Escape(row.Path))
                .Append("\" title=\"").Append(HtmlText.Escape(Tooltip(row))).Append("\"><td><code>").Append(HtmlText.Escape(row.Path)).Append("</code></td><td>")
                .Append(HtmlText.Escape(row.Label)).Append("</td><td>").Append(HtmlText.Escape(row.Values)).Append("</td><td>")
                .Append(HtmlText.Escape(SourceText(row.Source))).Append("</td><td>").Append(HtmlText.Escape(string.Join("\n", row.Notes))).Append("</td></tr>\n");
        }

        html.Append("</table>\n</details>\n</section>\n");
    }

    private static void RowTextTable(StringBuilder html, string text, ImmutableArray<ReviewRow> rows)
    {
        var byLine = new Dictionary<int, List<string>>();
        foreach (var row in rows)
        {
            foreach (var line in row.Source.Lines ?? [])
            {
                if (!byLine.TryGetValue(line, out var paths))
                {
                    byLine[line] = paths = [];
                }

                paths.Add(row.Path);
            }
        }

        var lines = text.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        html.Append("<section id=\"rowtext\">\n<details open><summary>Row text (").Append(count.ToString(CultureInfo.InvariantCulture)).Append(" lines)</summary>\n<table class=\"rowtext\">\n");
        for (var i = 0; i < count; i++)
        {
            var number = i + 1;
            var cells = lines[i].TrimEnd('\r').Split('\t');
            html.Append("<tr");
            if (byLine.TryGetValue(number, out var paths))
            {
                html.Append(" class=\"read\" data-paths=\"").Append(HtmlText.Escape(string.Join(' ', paths))).Append("\" title=\"").Append(HtmlText.Escape(string.Join('\n', paths))).Append('"');
            }

            html.Append("><th>").Append(number.ToString(CultureInfo.InvariantCulture)).Append("</th>");
            foreach (var cell in cells)
            {
                html.Append("<td>").Append(HtmlText.Escape(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n</details>\n</section>\n");
    }

    /// <summary>The anchors of the rows that have a box on one of <paramref name="pages"/>.</summary>
    private static HashSet<string> DrawnRows(ImmutableArray<ReviewPageImage> pages, ImmutableArray<ReviewRow> rows)
    {
        var frames = pages.ToDictionary(p => p.Frame.Number, p => p.Frame);
        return [.. rows.Where(r => (r.Source.Boxes ?? []).Any(b => frames.TryGetValue(b.Page, out var frame) && frame.ToPercent(b) is not null)).Select(r => r.Anchor)];
    }

    private static string Tooltip(ReviewRow row) =>
        row.Path + "\n" + row.Detail + (row.Notes.IsEmpty ? string.Empty : "\n" + string.Join('\n', row.Notes));

    private static string SourceText(RowSource source)
    {
        var parts = new List<string>();
        if (source.Boxes is { } boxes)
        {
            parts.AddRange(boxes.Select(b => string.Create(CultureInfo.InvariantCulture, $"page {b.Page} [{b.X0:0.##}, {b.Y0:0.##}, {b.X1:0.##}, {b.Y1:0.##}]")));
        }
        else if (source.Pages is { } pages)
        {
            parts.Add("pages " + string.Join(", ", pages));
        }

        if (source.Lines is { } lines)
        {
            parts.Add("lines " + string.Join(", ", lines));
        }

        if (source.Sheet is not null || source.Cells is not null)
        {
            parts.Add($"sheet {source.Sheet} cells {string.Join(", ", source.Cells ?? [])}");
        }

        if (source.Table is { } table)
        {
            parts.Add($"table {table} rows {string.Join(", ", source.Rows ?? [])}");
        }

        if (source.Confidence is { } confidence)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"OCR confidence {confidence:0.00}"));
        }

        return string.Join("; ", parts);
    }

    private static void Field(StringBuilder html, string name, string? value) =>
        html.Append("<dt>").Append(HtmlText.Escape(name)).Append("</dt><dd>").Append(value is null ? "<i>null</i>" : HtmlText.Escape(value)).Append("</dd>");

    private static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    private static string Position(double left, double top, double width, double height) =>
        string.Create(CultureInfo.InvariantCulture, $"left:{left:0.###}%;top:{top:0.###}%;width:{width:0.###}%;height:{height:0.###}%");
}
