namespace Extractor.Sources.Text;

/// <summary>The result of decoding a text file: the text, or why it is not text.</summary>
/// <param name="Text">The decoded text, or null.</param>
/// <param name="Error">Why the bytes are not readable text, or null.</param>
internal sealed record DecodedText(string? Text, string? Error)
{
    /// <summary>True when the bytes are not text at all (binary data), rather than text with nothing in it.</summary>
    public bool IsBinary { get; init; }
}
