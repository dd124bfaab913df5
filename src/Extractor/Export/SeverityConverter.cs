using System.Text.Json;
using System.Text.Json.Serialization;
using Extractor.Model;

namespace Extractor.Export;

/// <summary>Writes <see cref="Severity"/> as info / warning / error.</summary>
internal sealed class SeverityConverter : JsonStringEnumConverter<Severity>
{
    /// <summary>Creates the converter with lower-case names.</summary>
    public SeverityConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
