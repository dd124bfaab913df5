using System.Text.Json.Serialization;
using Extractor.Model;

namespace Extractor.Json;

/// <summary>Source-generated serialization metadata for the output contract.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true,
    Converters = [typeof(SeverityConverter)])]
[JsonSerializable(typeof(Document))]
public sealed partial class DocumentJsonContext : JsonSerializerContext;
