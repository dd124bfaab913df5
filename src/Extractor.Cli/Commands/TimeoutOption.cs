using System.CommandLine;
using System.Globalization;

namespace Extractor.Cli.Commands;

/// <summary><c>--timeout SECONDS</c>, shared by <c>convert</c> and <c>batch</c>: the per-file time limit.</summary>
public static class TimeoutOption
{
    /// <summary>The default per-file limit (120 s).</summary>
    public static TimeSpan Default => ExtractorOptions.DefaultTimeout;

    /// <summary>Builds the option with the command's description of what happens past the limit.</summary>
    public static Option<double> Create(string description)
    {
        var option = new Option<double>("--timeout")
        {
            Description = description,
            HelpName = "SECONDS",
            DefaultValueFactory = _ => Default.TotalSeconds,
        };
        option.Validators.Add(result =>
        {
            // A value that is not a number is the parser's error to report; reading it here would throw.
            if (result.Tokens.Count > 0
                && double.TryParse(result.Tokens[^1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && !(seconds > 0 && seconds <= 7 * 24 * 3600))
            {
                result.AddError("--timeout takes a number of seconds greater than 0");
            }
        });
        return option;
    }
}
