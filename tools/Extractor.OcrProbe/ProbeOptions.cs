using System.Globalization;

namespace Extractor.OcrProbe;

/// <summary>The probe's command line.</summary>
internal sealed record ProbeOptions
{
    /// <summary>How to call the probe.</summary>
    public const string Usage = """
        extractor-ocr-probe [options] [PDF ...]
          PDFs default to fixtures/forms/pdf/*.pdf and fixtures/scans/*.pdf.
          --dpi LIST        render resolutions (default 150,200,300)
          --side N          detection's longest side in pixels (default 960)
          --threads N       intra-op threads a model run (default 1)
          --batch N         recognition batch size (default 8)
          --min-width N     narrowest recognition input (default 160)
          --box-thresh F    detection box threshold (default 0.6)
          --min-conf F      least line confidence kept (default 0.5)
          --erase-rulings   paint the rulings white before reading
          --cls             run the direction classifier on every line
          --pages N         at most N pages a file
          --prepare WHICH   orientation + deskew for: scans (default), all, none
          --tsv FILE        write one line a page there
          --models DIR      the models folder
          --no-fold         load the models as they are (no GraphFolding)
          --dump DIR        write each page's OCR text and reference text there
        """;

    public List<int> Dpis { get; init; } = [150, 200, 300];

    public int Side { get; init; } = 960;

    public int Threads { get; init; } = 1;

    public int Batch { get; init; } = 8;

    public bool Classify { get; init; }

    public bool NoFold { get; init; }

    public bool EraseRulings { get; init; }

    public int MinWidth { get; init; } = 160;

    public float BoxThreshold { get; init; } = 0.6f;

    public float MinConfidence { get; init; } = 0.5f;

    public int? Pages { get; init; }

    public string Prepare { get; init; } = "scans";

    public string? Tsv { get; init; }

    public string? Models { get; init; }

    public string? Dump { get; init; }

    public List<string> Files { get; init; } = [];

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> set when they are wrong.</summary>
    public static ProbeOptions? Parse(string[] args, out string? error)
    {
        error = null;
        var o = new ProbeOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException(args[i] + " needs a value");
            try
            {
                o = args[i] switch
                {
                    "--dpi" => o with { Dpis = [.. Next().Split(',').Select(d => int.Parse(d, CultureInfo.InvariantCulture))] },
                    "--side" => o with { Side = int.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--threads" => o with { Threads = int.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--batch" => o with { Batch = int.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--min-width" => o with { MinWidth = int.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--box-thresh" => o with { BoxThreshold = float.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--min-conf" => o with { MinConfidence = float.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--erase-rulings" => o with { EraseRulings = true },
                    "--cls" => o with { Classify = true },
                    "--no-fold" => o with { NoFold = true },
                    "--pages" => o with { Pages = int.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--prepare" => o with { Prepare = Next() },
                    "--tsv" => o with { Tsv = Next() },
                    "--dump" => o with { Dump = Next() },
                    "--models" => o with { Models = Next() },
                    _ when args[i].StartsWith("--", StringComparison.Ordinal) => throw new FormatException("unknown option " + args[i]),
                    _ => o with { Files = [.. o.Files, args[i]] },
                };
            }
            catch (FormatException e)
            {
                error = e.Message;
                return null;
            }
        }

        if (o.Prepare is not ("scans" or "all" or "none"))
        {
            error = "--prepare takes scans, all or none";
            return null;
        }

        return o;
    }
}
