using System.Text.RegularExpressions;
using Extractor.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Extractor.Tests.Architecture;

/// <summary>The library example in README.md compiles against the library and does what it says on the bundled example.</summary>
[Collection(ConsoleTests.Name)]
public partial class ReadmeExampleTests
{
    [Fact]
    public void TheLibraryExampleCompilesAndConvertsTheSeed()
    {
        var readme = File.ReadAllText(RepoPaths.Combine("README.md"));
        var block = Example().Match(readme);
        Assert.True(block.Success, "README.md has no library example");

        var assembly = Compile(block.Groups["code"].Value);
        var csv = Path.Combine(Path.GetTempPath(), $"readme-example-{Guid.NewGuid():N}.csv");
        var output = new StringWriter();
        var original = Console.Out;
        try
        {
            Console.SetOut(output);
            assembly.EntryPoint!.Invoke(null, [new[] { RepoPaths.SeedText, csv }]);
        }
        finally
        {
            Console.SetOut(original);
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("党群中心劳务费及分摊费: 18 indicators, 总分 96", lines[0].TrimEnd());
        Assert.Equal("党群中心（新址）装修改造项目: 22 indicators, 总分 ", lines[1].TrimEnd() + " ");
        Assert.Equal("党员教育管理及志愿者工作经费: 31 indicators, 总分 97", lines[2].TrimEnd());

        var rows = File.ReadAllLines(csv);
        File.Delete(csv);
        Assert.Equal(1 + 18 + 22 + 31, rows.Length);
    }

    [Fact]
    public void TheLibraryPackagesReadmeCarriesTheSameExample()
    {
        var readme = Example().Match(File.ReadAllText(RepoPaths.Combine("README.md")));
        var package = Example().Match(File.ReadAllText(RepoPaths.Combine("src", "Extractor", "README.md")));
        Assert.True(package.Success, "src/Extractor/README.md (the package's README) has no library example");
        Assert.Equal(readme.Groups["code"].Value, package.Groups["code"].Value);
    }

    private static readonly CSharpParseOptions Latest = new(LanguageVersion.Latest);

    /// <summary>What a console project of the .NET SDK imports implicitly.</summary>
    private const string ImplicitUsings =
        "global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic; "
        + "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    private static System.Reflection.Assembly Compile(string code)
    {
        var references = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.Location.Length > 0)
            .Select(a => MetadataReference.CreateFromFile(a.Location))
            .Append(MetadataReference.CreateFromFile(typeof(FormExtractor).Assembly.Location));
        var compilation = CSharpCompilation.Create(
            "ReadmeExample",
            [CSharpSyntaxTree.ParseText(code, Latest), CSharpSyntaxTree.ParseText(ImplicitUsings, Latest)],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return System.Reflection.Assembly.Load(image.ToArray());
    }

    [GeneratedRegex(@"<!-- library-example[^>]*-->\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
