namespace Extractor.Model;

/// <summary>The input file a document was read from.</summary>
/// <param name="Path">The path as given.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Kind"><c>text</c>, <c>pdf</c> or <c>pdf-ocr</c> (see <see cref="SourceKinds"/>).</param>
/// <param name="Pages">Number of pages (for text input: pages separated by blank lines).</param>
public sealed record SourceInfo(string Path, string Sha256, string Kind, int Pages);
