using System.Text.RegularExpressions;
using Extractor.Tests.Support;

namespace Extractor.Tests.Architecture;

/// <summary>
/// The pipeline's folders are used one way only: a folder of src/Extractor may use the folders below it and
/// those earlier in the pipeline, never a later one (Sources → Layout → Grammar → Assembly → Normalize →
/// Export; Text, Model, Geometry and Domain below all; the entry point above all).
/// </summary>
public partial class NamespaceLayerTests
{
    /// <summary>Each top-level namespace of the library and its rank: a namespace may use only lower ranks and its own.</summary>
    private static readonly Dictionary<string, int> Ranks = new(StringComparer.Ordinal)
    {
        ["Text"] = 0,
        ["Model"] = 1,
        ["Geometry"] = 1,
        ["Domain"] = 2,
        ["Sources"] = 3,
        ["Layout"] = 4,
        ["Grammar"] = 5,
        ["Assembly"] = 6,
        ["Normalize"] = 7,
        ["Export"] = 8,
        [string.Empty] = 9, // the entry point (namespace Extractor) and its conversion
        ["Conversion"] = 9,
        ["Review"] = 9, // the review page, built from a converted document
    };

    [Fact]
    public void EveryFolderUsesOnlyEarlierOrLowerOnes()
    {
        var violations = new List<string>();
        foreach (var (file, own, used) in References())
        {
            foreach (var other in used)
            {
                if (Ranks[other] > Ranks[own])
                {
                    violations.Add($"{file}: {Show(own)} uses {Show(other)}");
                }
            }
        }

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [Fact]
    public void EveryFolderHasARank()
    {
        var unknown = References().Select(r => r.Own).Concat(References().SelectMany(r => r.Used)).Where(n => !Ranks.ContainsKey(n)).Distinct().ToList();
        Assert.True(unknown.Count == 0, "namespaces without a rank: " + string.Join(", ", unknown));
    }

    [Fact]
    public void TheCheckSeesAViolation()
    {
        // The rule applied to a made-up file of Layout that uses Assembly.
        var used = UsedNamespaces("using Extractor.Assembly;\nnamespace Extractor.Layout;\nclass X { Extractor.Normalize.Y y; }");
        Assert.Equal(["Assembly", "Normalize"], used.Order());
    }

    private static string Show(string name) => name.Length == 0 ? "Extractor" : name;

    private static List<(string File, string Own, HashSet<string> Used)> References()
    {
        var root = Path.Combine(RepoPaths.Root, "src", "Extractor");
        var result = new List<(string, string, HashSet<string>)>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            var own = NamespaceDeclaration().Match(text);
            Assert.True(own.Success, file + " declares no file-scoped namespace");
            var ownTop = TopOf(own.Groups["name"].Value);
            var used = UsedNamespaces(text);
            used.Remove(ownTop);
            result.Add((Path.GetRelativePath(root, file), ownTop, used));
        }

        Assert.True(result.Count > 50, "the source files were not found");
        return result;
    }

    /// <summary>The top-level library namespaces a file names: in using directives and in qualified names.</summary>
    private static HashSet<string> UsedNamespaces(string text)
    {
        var withoutDeclaration = NamespaceDeclaration().Replace(text, string.Empty);
        var withoutComments = Comment().Replace(withoutDeclaration, string.Empty);
        return [.. Reference().Matches(withoutComments).Select(m => m.Groups["top"].Value).Where(t => t != "Pdf")];
    }

    private static string TopOf(string ns)
    {
        var parts = ns.Split('.');
        return parts.Length > 1 ? parts[1] : string.Empty;
    }

    [GeneratedRegex(@"^namespace (?<name>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"(?<![\w.])Extractor\.(?<top>[A-Z]\w*)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex Comment();
}
