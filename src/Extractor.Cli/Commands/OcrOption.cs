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

    /// <summary>
    /// <c>--models DIR</c>: the folder of the OCR models; without it <c>$EXTRACTOR_MODELS</c>, then
    /// <c>~/.local/share/extractor/models</c> (where <c>scripts/install-models.sh</c> installs them).
    /// </summary>
    public static Option<string?> CreateModels() => new("--models")
    {
        Description = "Folder of the OCR models (default: $EXTRACTOR_MODELS, else ~/.local/share/extractor/models)",
        HelpName = "DIR",
    };

    /// <summary>The mode an accepted value names.</summary>
    public static OcrMode Parse(string? value) => value switch
    {
        "always" => OcrMode.Always,
        "never" => OcrMode.Never,
        _ => OcrMode.Auto,
    };
}
