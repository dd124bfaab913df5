using System.Globalization;
using System.Text.Json;

namespace Extractor.Tests.Support;

/// <summary>Compares JSON trees: numbers by value, everything else exactly; lists every difference with its path.</summary>
public static class JsonTree
{
    /// <summary>
    /// Differences between <paramref name="actual"/> and <paramref name="expected"/>. With <paramref name="subset"/>,
    /// objects in <paramref name="actual"/> may have members <paramref name="expected"/> does not list.
    /// </summary>
    public static List<string> Differences(JsonElement actual, JsonElement expected, bool subset, string path = "")
    {
        var differences = new List<string>();
        Compare(actual, expected, subset, path, differences);
        return differences;
    }

    private static void Compare(JsonElement actual, JsonElement expected, bool subset, string path, List<string> differences)
    {
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            if (actual.GetDecimal() != expected.GetDecimal())
            {
                differences.Add($"{path}: {actual.GetRawText()} != expected {expected.GetRawText()}");
            }

            return;
        }

        if (actual.ValueKind != expected.ValueKind)
        {
            differences.Add($"{path}: {Show(actual)} != expected {Show(expected)}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in expected.EnumerateObject())
                {
                    if (actual.TryGetProperty(member.Name, out var value))
                    {
                        Compare(value, member.Value, subset, $"{path}/{member.Name}", differences);
                    }
                    else
                    {
                        differences.Add($"{path}/{member.Name}: missing");
                    }
                }

                if (!subset)
                {
                    foreach (var member in actual.EnumerateObject())
                    {
                        if (!expected.TryGetProperty(member.Name, out _))
                        {
                            differences.Add($"{path}/{member.Name}: not expected");
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                var a = actual.EnumerateArray().ToList();
                var e = expected.EnumerateArray().ToList();
                if (a.Count != e.Count)
                {
                    differences.Add($"{path}: {a.Count} items != expected {e.Count}");
                }

                for (var i = 0; i < Math.Min(a.Count, e.Count); i++)
                {
                    Compare(a[i], e[i], subset, $"{path}/{i.ToString(CultureInfo.InvariantCulture)}", differences);
                }

                break;
            case JsonValueKind.String:
                if (actual.GetString() != expected.GetString())
                {
                    differences.Add($"{path}: {Show(actual)} != expected {Show(expected)}");
                }

                break;
            default:
                if (actual.GetRawText() != expected.GetRawText())
                {
                    differences.Add($"{path}: {Show(actual)} != expected {Show(expected)}");
                }

                break;
        }
    }

    private static string Show(JsonElement element) => element.GetRawText() is { Length: > 80 } raw ? raw[..80] + "…" : element.GetRawText();
}
