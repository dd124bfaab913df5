using System.Diagnostics;
using System.Globalization;
using System.Xml;

namespace Extractor.Pdf.Tests.Differential;

/// <summary>A word as poppler's <c>pdftotext -bbox-layout</c> reports it (top-left origin, rotated display space).</summary>
public sealed record PopplerWord(string Text, double XMin, double YMin, double XMax, double YMax);

/// <summary>One page of poppler's output.</summary>
public sealed record PopplerPage(double Width, double Height, IReadOnlyList<PopplerWord> Words);

/// <summary>Runs poppler's command-line tools, the reference the text layer is checked against.</summary>
public static class PopplerReference
{
    private static readonly Lazy<string?> Version = new(() =>
    {
        try
        {
            var (code, _, err) = Run("pdftotext", ["-v"], TimeSpan.FromSeconds(20));
            return code == 0 || err.Contains("pdftotext", StringComparison.Ordinal) ? err.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    });

    /// <summary>Whether pdftotext can be run.</summary>
    public static bool IsAvailable => Version.Value is not null;

    /// <summary>Fails with a message that says how to install poppler when it is missing.</summary>
    public static void Require()
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException(
                "pdftotext (poppler-utils) is not installed; the differential tests need it. " +
                "Install it with 'apt-get install poppler-utils' or run scripts/test.sh, which installs it.");
        }
    }

    /// <summary>Runs <c>pdftotext -bbox-layout</c> and parses the words of every page.</summary>
    /// <returns>The pages, or null when pdftotext itself cannot read the file.</returns>
    public static IReadOnlyList<PopplerPage>? ReadWords(string pdfPath)
    {
        var (code, stdout, _) = Run("pdftotext", ["-bbox-layout", "-enc", "UTF-8", pdfPath, "-"], TimeSpan.FromMinutes(2));
        return code != 0 ? null : Parse(stdout);
    }

    /// <summary>Runs <c>pdftotext -layout</c> and splits its text at form feeds, one string per page; null when it fails.</summary>
    public static IReadOnlyList<string>? ReadLayoutText(string pdfPath)
    {
        var (code, stdout, _) = Run("pdftotext", ["-layout", "-enc", "UTF-8", pdfPath, "-"], TimeSpan.FromMinutes(2));
        if (code != 0)
        {
            return null;
        }

        var pages = stdout.Split('\f');
        // The text ends with a form feed after the last page.
        return pages.Take(pages.Length - 1).ToList();
    }

    internal static IReadOnlyList<PopplerPage> Parse(string xhtml)
    {
        var pages = new List<PopplerPage>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, CheckCharacters = false };
        // XML cannot carry control characters, but poppler writes them as they are: park them in the private use area.
        var sanitized = new System.Text.StringBuilder(xhtml.Length);
        foreach (var c in xhtml)
        {
            sanitized.Append(c < 0x20 && c != '\n' && c != '\r' && c != '\t' ? (char)(0xE000 + c) : c);
        }

        using var reader = XmlReader.Create(new StringReader(sanitized.ToString()), settings);
        List<PopplerWord>? words = null;
        double width = 0, height = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "page")
            {
                width = Attr(reader, "width");
                height = Attr(reader, "height");
                words = new List<PopplerWord>();
                if (reader.IsEmptyElement)
                {
                    pages.Add(new PopplerPage(width, height, words));
                    words = null;
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "word" && words is not null)
            {
                double x0 = Attr(reader, "xMin"), y0 = Attr(reader, "yMin"), x1 = Attr(reader, "xMax"), y1 = Attr(reader, "yMax");
                string text = reader.IsEmptyElement ? string.Empty : Restore(reader.ReadElementContentAsString());
                words.Add(new PopplerWord(text, x0, y0, x1, y1));
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "page" && words is not null)
            {
                pages.Add(new PopplerPage(width, height, words));
                words = null;
            }
        }

        return pages;
    }

    private static string Restore(string s)
    {
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] >= 0xE000 && chars[i] < 0xE020)
            {
                chars[i] = (char)(chars[i] - 0xE000);
            }
        }

        return new string(chars);
    }

    private static double Attr(XmlReader reader, string name) =>
        double.Parse(reader.GetAttribute(name) ?? "0", CultureInfo.InvariantCulture);

    internal static (int ExitCode, string StdOut, string StdErr) Run(string exe, string[] args, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + exe);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{exe} took longer than {timeout}");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
