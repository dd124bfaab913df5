using System.IO.Compression;
using System.Text.Json;
using Extractor.Cli.Tests.Support;

namespace Extractor.Cli.Tests.Review;

/// <summary>
/// The packages: <c>dotnet pack</c> gives the <c>extractor</c> tool, which installs from the package folder
/// alone (no other feed, an empty package cache) into an empty folder and converts the bundled example; the
/// library's package carries its README with the API example.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string temp = Directory.CreateTempSubdirectory("extractor-package-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void TheToolInstallsFromItsPackageIntoAnEmptyFolderAndConvertsTheExample()
    {
        var packages = Path.Combine(temp, "packages");
        Pack("src/Extractor.Cli", packages);
        var package = Assert.Single(Directory.GetFiles(packages, "*.nupkg"));
        Assert.StartsWith("extractor.", Path.GetFileName(package), StringComparison.Ordinal);

        // Only the package folder as a feed, and a package cache of its own: nothing comes from elsewhere.
        var config = Path.Combine(temp, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="local" value="{packages}" /></packageSources>
            </configuration>
            """);
        var tools = Directory.CreateDirectory(Path.Combine(temp, "tools")).FullName;
        Assert.Empty(Directory.EnumerateFileSystemEntries(tools));
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(temp, "cache"), ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        var install = Programs.Run(Dotnet, ["tool", "install", "--tool-path", tools, "--add-source", packages, "--configfile", config, "extractor"], TimeSpan.FromMinutes(4), temp, environment);
        Assert.True(install.ExitCode == 0, $"dotnet tool install failed: {install.Stdout}\n{install.Stderr}");

        var command = Path.Combine(tools, "extractor");
        Assert.True(File.Exists(command), "the tool's command is not in the tool folder: " + string.Join(", ", Directory.EnumerateFileSystemEntries(tools)));
        var seed = Path.Combine(temp, "example.txt");
        File.Copy(TestFiles.Seed, seed);
        var run = Programs.Run(command, ["convert", seed], TimeSpan.FromMinutes(2), temp);
        Assert.True(run.ExitCode == 0, run.Stderr);

        using var json = JsonDocument.Parse(run.Stdout);
        var forms = json.RootElement.GetProperty("forms");
        Assert.Equal(3, forms.GetArrayLength());
        Assert.Equal("党群中心劳务费及分摊费", forms[0].GetProperty("projectName").GetString());
        Assert.Equal(96m, forms[0].GetProperty("total").GetProperty("score").GetDecimal());
        Assert.Equal(11999665.86m, forms[0].GetProperty("funds").GetProperty("rows")[0].GetProperty("annualBudget").GetDecimal());
        Assert.Equal("=39人", forms[0].GetProperty("indicators")[0].GetProperty("target").GetProperty("raw").GetString());
        Assert.Equal(31, forms[2].GetProperty("indicators").GetArrayLength());
        Assert.Equal(TestFiles.SeedSha256, json.RootElement.GetProperty("source").GetProperty("sha256").GetString());
        Assert.Contains("3 forms, 71 indicators", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLibrarysPackageCarriesItsReadmeWithTheApiExample()
    {
        var packages = Path.Combine(temp, "library");
        Pack("src/Extractor", packages);
        var package = Assert.Single(Directory.GetFiles(packages, "Extractor.Core.*.nupkg"));
        using var zip = ZipFile.OpenRead(package);
        using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        Assert.Contains("<readme>README.md</readme>", nuspec.ReadToEnd(), StringComparison.Ordinal);
        using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
        var text = readme.ReadToEnd();
        Assert.Contains("var extractor = new FormExtractor(new ExtractorOptions { Timeout = TimeSpan.FromSeconds(60) });", text, StringComparison.Ordinal);
        Assert.Contains("var document = extractor.Extract(args[0]);", text, StringComparison.Ordinal);
        Assert.NotNull(zip.GetEntry("lib/net10.0/Extractor.Core.dll"));
        Assert.NotNull(zip.GetEntry("lib/net10.0/Extractor.Core.xml"));
    }

    private static string Dotnet => Programs.Find("dotnet") ?? "dotnet";

    /// <summary>Packs the project from the build the tests ran against (no second build).</summary>
    private void Pack(string project, string output)
    {
        var pack = Programs.Run(
            Dotnet,
            ["pack", Path.Combine(TestFiles.RepositoryRoot, project), "-c", Configuration, "--no-build", "-o", output, "-nologo", "-v", "quiet"],
            TimeSpan.FromMinutes(4),
            temp,
            new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });
        Assert.True(pack.ExitCode == 0, $"dotnet pack {project} failed: {pack.Stdout}\n{pack.Stderr}");
    }
}
