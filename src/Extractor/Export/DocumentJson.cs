using System.Text.Encodings.Web;
using System.Text.Json;
using Extractor.Model;

namespace Extractor.Export;

/// <summary>Writes and reads documents in the shape of the output contract.</summary>
public static class DocumentJson
{
    private static readonly DocumentJsonContext Indented = new(new JsonSerializerOptions(DocumentJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    });

    private static readonly DocumentJsonContext Compact = new(new JsonSerializerOptions(DocumentJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    });

    /// <summary>The document as indented JSON (Chinese text unescaped).</summary>
    public static string Serialize(Document document) =>
        JsonSerializer.Serialize(document, Indented.Document);

    /// <summary>The document as one line of JSON, for JSONL.</summary>
    public static string SerializeLine(Document document) =>
        JsonSerializer.Serialize(document, Compact.Document);

    /// <summary>Writes the document as indented UTF-8 JSON to a stream.</summary>
    public static void Write(Stream stream, Document document) =>
        JsonSerializer.Serialize(stream, document, Indented.Document);

    /// <summary>Reads a document written by <see cref="Serialize"/>.</summary>
    public static Document? Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Indented.Document);
}
