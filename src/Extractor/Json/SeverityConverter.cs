using System.Text.Json;
using System.Text.Json.Serialization;
using Extractor.Model;

namespace Extractor.Json;

/// <summary>Writes <see cref="Severity"/> as info / warning / error.</summary>
public sealed class SeverityConverter : JsonStringEnumConverter<Severity>
{
    /// <summary>Creates the converter with lower-case names.</summary>
    public SeverityConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
