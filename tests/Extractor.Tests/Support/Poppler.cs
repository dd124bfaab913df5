using System.Diagnostics;
using System.Text;

namespace Extractor.Tests.Support;

/// <summary>Runs poppler's pdftotext, the reference for what a PDF's text layer holds.</summary>
public static class Poppler
{
    /// <summary>The text pdftotext finds on one page (1-based).</summary>
    public static string PageText(string pdf, int page)
    {
        var start = new ProcessStartInfo("pdftotext")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-f", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-enc", "UTF-8", pdf, "-" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("pdftotext (Debian package poppler-utils) is needed by this test: install it, or run scripts/test.sh", e);
        }

        using (process)
        {
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
    }

    /// <summary>The non-space characters of a text, counted.</summary>
    public static Dictionary<string, int> Characters(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var e = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            var element = e.GetTextElement();
            if (string.IsNullOrWhiteSpace(element))
            {
                continue;
            }

            counts[element] = counts.GetValueOrDefault(element) + 1;
        }

        return counts;
    }
}
