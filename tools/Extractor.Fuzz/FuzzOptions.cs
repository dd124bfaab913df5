using System.Globalization;

namespace Extractor.Fuzz;

/// <summary>The command line of <c>extractor-fuzz</c>.</summary>
public sealed record FuzzOptions
{
    /// <summary>Usage text.</summary>
    public const string Usage = """
        usage: extractor-fuzz [--cases N] [--seed FIRST] [--no-crafted] [--timeout S] [--margin S] [--memory MB]
                              [--cli-sample N] [--isolate] [--report FILE] [--journal FILE] [--save-failures DIR]
               extractor-fuzz --replay ID [--save FILE] [--cli] [--timeout S]
               extractor-fuzz --list
          --cases N          mutated cases, seeds FIRST … FIRST+N-1 (default 500, FIRST 1)
          --no-crafted       leave out the crafted cases (run by default, before the mutated ones)
          --timeout S        the conversion's time limit per case (default 10); --margin S more is a hang (default 10)
          --memory MB        peak managed heap or working-set growth above this is a memory failure (default 1024)
          --ocr MODE         auto, always or never (default never: OCR runs tesseract, seconds a page)
          --cli-sample N     also run N of the cases through `extractor convert`, and all N through one `extractor batch`
          --isolate          run the cases in worker processes, so that a case that kills its process is recorded and the run goes on
          --replay ID        run one case (a seed number or crafted/NAME) and print what came of it
        Exit code 0 when no case failed (crash, hang, silent failure, memory, mismatch), 1 otherwise, 2 on usage errors.
        """;

    /// <summary>Mutated cases.</summary>
    public int Cases { get; init; } = 500;

    /// <summary>First seed.</summary>
    public long FirstSeed { get; init; } = 1;

    /// <summary>Run the crafted cases.</summary>
    public bool Crafted { get; init; } = true;

    /// <summary>Bounds per case.</summary>
    public RunLimits Limits { get; init; } = RunLimits.Default;

    /// <summary>Cases also run through the command line.</summary>
    public int CliSample { get; init; }

    /// <summary>Run in worker processes.</summary>
    public bool Isolate { get; init; }

    /// <summary>Markdown report file.</summary>
    public string? Report { get; init; }

    /// <summary>JSON-lines file of every result.</summary>
    public string? Journal { get; init; }

    /// <summary>Folder for the inputs of failing cases.</summary>
    public string? SaveFailures { get; init; }

    /// <summary>The case to replay.</summary>
    public string? Replay { get; init; }

    /// <summary>Where to write the replayed case's bytes.</summary>
    public string? Save { get; init; }

    /// <summary>Replay through the command line too.</summary>
    public bool Cli { get; init; }

    /// <summary>List the crafted cases.</summary>
    public bool List { get; init; }

    /// <summary>Internal: this process is a worker of an isolated run, reading its ids from this file.</summary>
    public string? WorkerPlan { get; init; }

    /// <summary>Internal: how many ids of the plan a worker skips (done by earlier workers).</summary>
    public int Skip { get; init; }

    /// <summary>Parses the arguments; null with <paramref name="error"/> set when they are wrong.</summary>
    public static FuzzOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var o = new FuzzOptions();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            double Number() => double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture);
            try
            {
                o = args[i] switch
                {
                    "--cases" => o with { Cases = (int)Number() },
                    "--seed" => o with { FirstSeed = long.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--no-crafted" => o with { Crafted = false },
                    "--timeout" => o with { Limits = o.Limits with { Timeout = TimeSpan.FromSeconds(Number()) } },
                    "--margin" => o with { Limits = o.Limits with { HangMargin = TimeSpan.FromSeconds(Number()) } },
                    "--memory" => o with { Limits = o.Limits with { MemoryLimitBytes = (long)(Number() * 1048576) } },
                    "--ocr" => o with { Limits = o.Limits with { Ocr = Value() switch { "auto" => Extractor.Sources.Ocr.OcrMode.Auto, "always" => Extractor.Sources.Ocr.OcrMode.Always, "never" => Extractor.Sources.Ocr.OcrMode.Never, var v => throw new FormatException("--ocr takes auto, always or never, not " + v) } } },
                    "--cli-sample" => o with { CliSample = (int)Number() },
                    "--isolate" => o with { Isolate = true },
                    "--report" => o with { Report = Value() },
                    "--journal" => o with { Journal = Value() },
                    "--save-failures" => o with { SaveFailures = Value() },
                    "--replay" => o with { Replay = Value() },
                    "--save" => o with { Save = Value() },
                    "--cli" => o with { Cli = true },
                    "--list" => o with { List = true },
                    "--worker-plan" => o with { WorkerPlan = Value() },
                    "--skip" => o with { Skip = (int)Number() },
                    _ => throw new FormatException("unknown option " + args[i]),
                };
            }
            catch (FormatException e)
            {
                error = e.Message;
                return null;
            }
        }

        return o;
    }
}
