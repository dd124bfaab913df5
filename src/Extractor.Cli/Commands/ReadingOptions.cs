using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Extractor.Cli.Commands;

/// <summary>
/// The options of how inputs are read, shared by <c>convert</c>, <c>batch</c> and <c>text</c>:
/// <c>--password</c>, <c>--pages</c>, and for the commands that make documents <c>--year</c> and
/// <c>--year-from-path</c>. Bad values are usage errors.
/// </summary>
public sealed class ReadingOptions
{
    private readonly Option<string?> password = new("--password")
    {
        Description = "Password of encrypted PDFs (user or owner password); files without one open as before. Visible to other users of the machine in the process list",
        HelpName = "PASSWORD",
    };

    private readonly Option<string?> pages = new("--pages")
    {
        Description = "Read only these pages of each PDF (or row-text file): pages and ranges from 1, e.g. 1-3,7 or 2-",
        HelpName = "LIST",
    };

    private readonly Option<int?> year = new("--year")
    {
        Description = "Year of forms that print none (their yearSource is 'option')",
        HelpName = "N",
    };

    private readonly Option<string?> yearFromPath = new("--year-from-path")
    {
        Description = "Take the year of forms that print none from the input's path: a regular expression whose group 'year' (else its first group, else the match) is the year, e.g. '(20[0-9]{2})'; tried before --year",
        HelpName = "REGEX",
    };

    private readonly bool withYears;

    /// <summary>The options; with <paramref name="withYears"/> also <c>--year</c> and <c>--year-from-path</c>.</summary>
    public ReadingOptions(bool withYears)
    {
        this.withYears = withYears;
        pages.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && PageSelection.TryParse(text, out var error) is null)
            {
                result.AddError("--pages: " + error);
            }
        });
        year.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0
                && int.TryParse(result.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                && n is < 1900 or > 2200)
            {
                result.AddError("--year takes a year such as 2023");
            }
        });
        yearFromPath.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && Pattern(text, out var error) is null)
            {
                result.AddError($"--year-from-path: {error}");
            }
        });
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(password);
        command.Options.Add(pages);
        if (withYears)
        {
            command.Options.Add(year);
            command.Options.Add(yearFromPath);
        }
    }

    /// <summary><paramref name="options"/> with the values given.</summary>
    public ExtractorOptions Apply(ParseResult result, ExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        options = options with
        {
            Password = result.GetValue(password),
            Pages = result.GetValue(pages) is { } text ? PageSelection.TryParse(text, out _) : null,
        };
        return withYears
            ? options with
            {
                Year = result.GetValue(year),
                YearFromPath = result.GetValue(yearFromPath) is { } regex ? Pattern(regex, out _) : null,
            }
            : options;
    }

    private static Regex? Pattern(string text, out string? error)
    {
        try
        {
            error = null;
            return new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null;
        }
    }
}
