using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Extractor.Review;

/// <summary>
/// Renders one PDF page to PNG with poppler's <c>pdftoppm</c>: no shell, the longest side bounded
/// (<c>-scale-to</c>), the process tree killed at the time limit or on cancellation.
/// </summary>
internal static class PageRenderer
{
    /// <summary>The program run.</summary>
    public const string Program = "pdftoppm";

    /// <summary>What to install when it is missing.</summary>
    public const string Package = "poppler-utils";

    /// <summary>
    /// The PNG of page <paramref name="page"/> of the PDF at <paramref name="pdfPath"/>, or why there is none.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static PageRendering Render(string pdfPath, int page, int imageSize, string? password, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("extractor-review-");
        try
        {
            var prefix = Path.Combine(folder.FullName, "page");
            var number = page.ToString(CultureInfo.InvariantCulture);
            List<string> arguments = ["-png", "-f", number, "-l", number, "-singlefile", "-scale-to", imageSize.ToString(CultureInfo.InvariantCulture)];
            if (password is not null)
            {
                arguments.AddRange(["-opw", password, "-upw", password]);
            }

            // A full path, so that a file name starting with '-' is not taken for an option.
            arguments.AddRange([Path.GetFullPath(pdfPath), prefix]);
            var (started, exitCode, error) = Run(arguments, timeout, cancellationToken);
            if (!started)
            {
                return PageRendering.Missing($"{Program} could not be started ({error}); install the package {Package}");
            }

            if (exitCode is null)
            {
                return PageRendering.Failed(string.Create(CultureInfo.InvariantCulture, $"{Program} took longer than {timeout.TotalSeconds:0} s for page {page}"));
            }

            var file = prefix + ".png";
            if (exitCode != 0 || !File.Exists(file))
            {
                var reason = error.Trim();
                return PageRendering.Failed(string.Create(CultureInfo.InvariantCulture, $"{Program} failed on page {page} (exit code {exitCode}){(reason.Length > 0 ? ": " + Cut(reason) : string.Empty)}"));
            }

            return PageRendering.Of(File.ReadAllBytes(file));
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static (bool Started, int? ExitCode, string Error) Run(IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return (false, null, e.Message);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using (cancellationToken.Register(() => Kill(process)))
        {
            if (!process.WaitForExit(timeout))
            {
                Kill(process);
                process.WaitForExit();
                cancellationToken.ThrowIfCancellationRequested();
                return (true, null, string.Empty);
            }
        }

        process.WaitForExit();
        cancellationToken.ThrowIfCancellationRequested();
        _ = output.Result;
        return (true, process.ExitCode, error.Result);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
