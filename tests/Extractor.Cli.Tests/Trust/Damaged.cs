namespace Extractor.Cli.Tests.Trust;

/// <summary>
/// Inputs damaged the way archives damage them, made from the fixtures at test time: a form PDF cut off at a
/// share of its bytes (an interrupted download or copy), a PNG named .pdf.
/// </summary>
internal static class Damaged
{
    /// <summary>A three-form PDF rendered by Chromium (the seed's forms): its fonts come at the end of the file.</summary>
    public static string FormPdf => Path.Combine(TestFiles.RepositoryRoot, "fixtures", "forms", "pdf", "seed-chromium-wqy-zenhei-a4l.pdf");

    /// <summary>The same forms rendered by LibreOffice.</summary>
    public static string OtherFormPdf => Path.Combine(TestFiles.RepositoryRoot, "fixtures", "forms", "pdf", "seed-libreoffice-wqy-zenhei-a4.pdf");

    /// <summary>Writes the first <paramref name="percent"/>% of <paramref name="source"/>'s bytes to <paramref name="relative"/>.</summary>
    public static string Cut(TempFolder folder, string relative, int percent, string? source = null)
    {
        var bytes = File.ReadAllBytes(source ?? FormPdf);
        return folder.Write(relative, bytes[..(bytes.Length * percent / 100)]);
    }

    /// <summary>A small but real PNG (one white pixel).</summary>
    public static byte[] Png { get; } = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAWPhdbgAAAABJRU5ErkJggg==");
}
