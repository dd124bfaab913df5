using System.Text;

namespace Extractor.Sources.Text;

/// <summary>
/// Decodes the bytes of a row-text file: UTF-8 (with or without a byte-order mark), UTF-16 with a
/// byte-order mark, or GB18030 (GBK) as written by Chinese Windows tools. Binary data is refused.
/// </summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes the bytes, or says why they are not text.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return new DecodedText(null, "the file is empty");
        }

        string text;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(bytes[2..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        else if (bytes.IndexOf((byte)0) >= 0)
        {
            return new DecodedText(null, "the file is binary, not text (it contains NUL bytes)") { IsBinary = true };
        }
        else if (!TryUtf8(bytes, out text))
        {
            try
            {
                text = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return new DecodedText(null, "the file is neither UTF-8 nor GB18030 text") { IsBinary = true };
            }
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var control = 0;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
            {
                control++;
            }
        }

        if (control > 0 && control * 100 > text.Length)
        {
            return new DecodedText(null, $"the file is binary, not text ({control} control characters)") { IsBinary = true };
        }

        return string.IsNullOrWhiteSpace(text)
            ? new DecodedText(null, "the file holds only whitespace")
            : new DecodedText(text, null);
    }

    private static bool TryUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }
}
