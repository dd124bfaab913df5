using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Extractor.Conversion;
using Extractor.Tests.Support;
using Extractor.Sources.Ocr;

namespace Extractor.Tests.Ocr;

/// <summary>
/// Which reading of a piece the engine keeps: the real pages of a scan are rendered and cut into pieces,
/// and a scripted tesseract answers for each resolution with a text and a confidence.
/// </summary>
public sealed class OcrEngineReadingTests
{
    private static readonly string Scan = RepoPaths.Combine("fixtures", "scans", "split-target-image-200.pdf");

    [Fact]
    public void SureReadingsWithAllTheirLinesAreNotReadAgain()
    {
        // One line read in every piece: only the pieces with more lines of ink than that are read again.
        var tesseract = new ScriptedTesseract(dpi => ("甲", 95, 1));
        var cells = Cells(tesseract);
        Assert.Contains("甲", cells);
        Assert.DoesNotContain("乙", cells);
        var again = tesseract.Lists("chi", 150).Sum(l => l.Count);
        Assert.InRange(again, 1, tesseract.Lists("chi", 200).Sum(l => l.Count) / 2);
    }

    [Fact]
    public void AReadingWithAllTheLinesOfACellWinsOverASurerOne()
    {
        var tesseract = new ScriptedTesseract(dpi => dpi == 200 ? ("甲", 95, 1) : ("乙", 60, 3));
        var cells = Cells(tesseract);

        // Cells of one line keep the surer reading; cells of two or three lines the one with three.
        Assert.Contains("甲", cells);
        Assert.Contains("乙乙乙", cells);
    }

    [Fact]
    public void DoubtfulPiecesAreReadAgainAndKeepTheSurerReading()
    {
        var tesseract = new ScriptedTesseract(dpi => dpi == 200 ? ("甲", 50, 1) : ("乙", 90, 1));
        var cells = Cells(tesseract);
        Assert.Contains("乙", cells);
        Assert.DoesNotContain("甲", cells);

        // Every piece was doubtful, so every piece was read at both resolutions.
        Assert.Equal(tesseract.Lists("chi", 200).Sum(l => l.Count), tesseract.Lists("chi", 150).Sum(l => l.Count));
    }

    [Fact]
    public void ALessSureSecondReadingIsNotKept()
    {
        var tesseract = new ScriptedTesseract(dpi => dpi == 200 ? ("甲", 50, 1) : ("乙", 40, 1));
        var cells = Cells(tesseract);
        Assert.Contains("甲", cells);
        Assert.DoesNotContain("乙", cells);
        Assert.NotEmpty(tesseract.Lists("chi", 150));
    }

    [Fact]
    public void CellsMissingLinesInEveryReadingAreReadLineByLine()
    {
        // Block mode reads one line of every piece at both resolutions; raw-line mode reads 丙.
        var tesseract = new ScriptedTesseract((dpi, mode) => mode == 13 ? ("丙", 90, 1) : ("甲", 95, 1));
        var cells = Cells(tesseract);

        // Cells of one line keep 甲; cells of two or three lines of ink are read a line at a time.
        Assert.Contains("甲", cells);
        Assert.Contains("丙丙", cells);
        // One raw-line run a page at most, two or more lines in all, fewer than the pieces.
        var lines = tesseract.ListsInMode(13);
        Assert.InRange(lines.Count, 1, tesseract.Lists("chi", 200).Count);
        Assert.InRange(lines.Sum(l => l.Count), 2, tesseract.Lists("chi", 200).Sum(l => l.Count));
    }

    /// <summary>The texts of the row text's cells, less the signs read from their shape.</summary>
    private static HashSet<string> Cells(ScriptedTesseract tesseract)
    {
        var settings = OcrSettings.Default with { ReadDpis = [200, 150] };
        var result = RowTextExtractor.ExtractFile(Scan, ExtractorOptions.Default with { Ocr = OcrMode.Always, OcrEngine = new OcrEngine(tesseract, settings) });
        Assert.NotNull(result.Rows);
        return result.Rows.Lines.SelectMany(l => l.Cells).Select(c => c.Text).Where(t => t.Length > 0 && !t.All(ch => "<>=≤≥≦≧".Contains(ch, StringComparison.Ordinal))).ToHashSet();
    }

    /// <summary>
    /// pdftoppm as it is; tesseract answering every image of a list with the text and confidence
    /// <c>script</c> gives for the resolution and page segmentation mode (6 for pieces, 13 for single lines), on as many lines as it says (the Latin model reads nothing).
    /// </summary>
    private sealed class ScriptedTesseract(Func<int, int, (string Text, double Confidence, int Lines)> script) : IToolRunner
    {
        private readonly ConcurrentBag<(string Language, int Dpi, int Mode, List<string> Images)> lists = [];

        public ScriptedTesseract(Func<int, (string Text, double Confidence, int Lines)> byDpi)
            : this((dpi, _) => byDpi(dpi))
        {
        }

        public List<List<string>> Lists(string language, int dpi) =>
            lists.Where(l => l.Language.StartsWith(language, StringComparison.Ordinal) && l.Dpi == dpi && l.Mode != 13).Select(l => l.Images).ToList();

        public List<List<string>> ListsInMode(int mode) => lists.Where(l => l.Mode == mode).Select(l => l.Images).ToList();

        public ToolResult Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (program != OcrTools.Tesseract)
            {
                return ProcessToolRunner.Instance.Run(program, arguments, timeout, cancellationToken);
            }

            if (arguments[0] == "--list-langs")
            {
                return new ToolResult(0, "List of available languages (2):\nchi_sim\neng\n", string.Empty);
            }

            var images = File.ReadAllLines(arguments[0]).Where(l => l.Length > 0).ToList();
            var language = arguments[arguments.ToList().IndexOf("-l") + 1];
            var dpi = int.Parse(arguments[arguments.ToList().IndexOf("--dpi") + 1], CultureInfo.InvariantCulture);
            var mode = int.Parse(arguments[arguments.ToList().IndexOf("--psm") + 1], CultureInfo.InvariantCulture);
            lists.Add((language, dpi, mode, images));
            var tsv = new StringBuilder("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n");
            if (language == "chi_sim")
            {
                var (text, confidence, lines) = script(dpi, mode);
                for (var i = 0; i < images.Count; i++)
                {
                    for (var line = 1; line <= lines; line++)
                    {
                        tsv.Append(CultureInfo.InvariantCulture, $"5\t{i + 1}\t1\t1\t{line}\t1\t12\t{12 * line}\t20\t10\t{confidence}\t{text}\n");
                    }
                }
            }

            return new ToolResult(0, tsv.ToString(), string.Empty);
        }
    }
}
