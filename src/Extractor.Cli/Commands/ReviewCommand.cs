using System.CommandLine;
using System.Globalization;
using Extractor.Model;
using Extractor.Review;
using Serilog;
using Serilog.Events;

namespace Extractor.Cli.Commands;

/// <summary>
/// <c>extractor review INPUT -o review.html [--max-pages N] [--image-size PX] [--ocr …] [--timeout S] [--password P]
/// [--pages LIST] [--year N] [--year-from-path REGEX]</c>: converts one file and writes a self-contained HTML page
/// that shows what was read — for a PDF each page with the rows read drawn as boxes, for other input a table.
/// </summary>
public static class ReviewCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var input = new Argument<string>("INPUT") { Description = "A .pdf or .txt file (its type is read from its bytes)" };
        var output = new Option<string>("--output", "-o") { Description = "Write the review page here (one self-contained .html file)", Required = true, HelpName = "FILE" };
        var maxPages = Bounded("--max-pages", "Most pages drawn as images; later pages' rows are in the page's table of rows", "N", ReviewOptions.Default.MaxPages, 1, ReviewOptions.MaxPagesLimit);
        var imageSize = Bounded("--image-size", "Longest side of each page image in pixels", "PX", ReviewOptions.Default.ImageSize, ReviewOptions.MinImageSize, ReviewOptions.MaxImageSize);
        var ocr = OcrOption.Create();
        var timeout = TimeoutOption.Create("Time limit in seconds, for the conversion and again for drawing the pages");
        var reading = new ReadingOptions(withYears: true);
        var command = new Command("review", "Write an HTML page that shows what was read: each PDF page with the rows read drawn on it, or a table of the rows")
        {
            input, output, maxPages, imageSize, ocr, timeout,
        };
        reading.AddTo(command);
        command.SetAction(result => Run(
            result.GetValue(input)!,
            result.GetValue(output)!,
            ReviewOptions.Default with { MaxPages = result.GetValue(maxPages), ImageSize = result.GetValue(imageSize) },
            reading.Apply(result, ExtractorOptions.Default with { Ocr = OcrOption.Parse(result.GetValue(ocr)), Timeout = TimeSpan.FromSeconds(result.GetValue(timeout)) })));
        return command;
    }

    private static Option<int> Bounded(string name, string description, string helpName, int defaultValue, int min, int max)
    {
        var option = new Option<int>(name) { Description = $"{description} ({min}–{max}; default {defaultValue})", HelpName = helpName, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0
                && int.TryParse(result.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                && (value < min || value > max))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} takes a number from {min} to {max}"));
            }
        });
        return option;
    }

    private static int Run(string input, string output, ReviewOptions review, ExtractorOptions options)
    {
        if (InputCheck.Problem(input) is { } problem)
        {
            Log.Error("{Problem}", problem);
            return ExitCodes.Usage;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var extractor = new FormExtractor(options);
        var wait = options.Timeout + ConversionWatchdog.Grace(options.Timeout);
        if (!ConversionWatchdog.TryRun(() => extractor.Extract(input), wait, out var document))
        {
            Log.Error("{Path}: timeout: the conversion took longer than {Seconds} s", input, options.Timeout.TotalSeconds);
            return ExitCodes.ConversionFailed;
        }

        StatusText.LogProblems(Log.Logger, input, document);
        var page = ReviewBuilder.Build(input, document, () => extractor.ReadRowText(input).Text, options, review);
        foreach (var notice in page.Notices)
        {
            Log.Warning("{Path}: {Notice}", input, notice);
        }

        AtomicFile.WriteAllText(output, page.Html);
        Log.Write(
            document.Status == DocumentStatus.Failed ? LogEventLevel.Error : LogEventLevel.Information,
            "{Path}: {Status}: review page {Output}: {Forms} forms, {Indicators} indicators, {Pages} page images, {Bytes} bytes in {Elapsed} ms",
            input,
            StatusText.Of(document),
            output,
            document.Forms.Length,
            document.Forms.Sum(f => f.Indicators.Length),
            page.PagesDrawn,
            page.Html.Length,
            started.ElapsedMilliseconds);
        return document.Status == DocumentStatus.Failed ? ExitCodes.ConversionFailed : ExitCodes.Success;
    }
}
