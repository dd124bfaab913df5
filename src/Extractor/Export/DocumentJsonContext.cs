using System.Text.Json.Serialization;
using Extractor.Model;

namespace Extractor.Export;

/// <summary>Source-generated serialization metadata for the output contract.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true,
    Converters = [typeof(SeverityConverter)])]
[JsonSerializable(typeof(Document))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext;
