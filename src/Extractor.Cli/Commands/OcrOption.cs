using System.CommandLine;
using Extractor.Sources.Ocr;

namespace Extractor.Cli.Commands;

/// <summary><c>--ocr auto|always|never</c>, shared by <c>convert</c> and <c>batch</c>.</summary>
public static class OcrOption
{
    /// <summary>Builds the option; its default is <c>auto</c>.</summary>
    public static Option<string> Create()
    {
        var option = new Option<string>("--ocr")
        {
            Description = "When to OCR pages: auto (scanned pages without a good text layer), always, never",
            HelpName = "auto|always|never",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong("auto", "always", "never");
        return option;
    }

    /// <summary>The mode an accepted value names.</summary>
    public static OcrMode Parse(string? value) => value switch
    {
        "always" => OcrMode.Always,
        "never" => OcrMode.Never,
        _ => OcrMode.Auto,
    };
}
