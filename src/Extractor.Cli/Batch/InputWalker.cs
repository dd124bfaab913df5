using Serilog;

namespace Extractor.Cli.Batch;

/// <summary>
/// Turns the command line's paths into the batch's inputs, lazily: folders are walked depth-first
/// (files of a folder in ordinal name order, then its subfolders), one folder listing in memory at a time.
/// Outputs mirror the inputs relative to the base folder: the one folder argument itself, or else the
/// deepest folder holding every argument (a file argument counts as its folder).
/// </summary>
public sealed class InputWalker
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly IReadOnlyList<Argument> _arguments;
    private readonly ILogger _log;

    private InputWalker(string baseFolder, IReadOnlyList<Argument> arguments, ILogger log)
    {
        BaseFolder = baseFolder;
        _arguments = arguments;
        _log = log;
    }

    /// <summary>
    /// The file extensions of inputs (any case): what a folder's files are converted by. A file's type still comes
    /// from its bytes; one of a type this build does not read is skipped and counted by that type.
    /// </summary>
    public static IReadOnlyList<string> Extensions { get; } = [".pdf", ".txt", ".xlsx", ".xls", ".docx", ".tif", ".tiff", ".jpg", ".jpeg", ".png", ".bmp"];

    /// <summary>The type a summary counts a skipped file of another extension as: its extension without the dot, lower case.</summary>
    public static string TypeByName(string name)
    {
        var extension = Path.GetExtension(name);
        return extension.Length > 1 ? extension[1..].ToLowerInvariant() : "no extension";
    }

    /// <summary>The folder that outputs are mirrored from.</summary>
    public string BaseFolder { get; }

    /// <summary>
    /// Checks the paths and builds the walker. Returns null with the reasons when a path does not exist.
    /// A path inside another folder argument, or given twice, is dropped with a warning.
    /// </summary>
    public static InputWalker? Create(IReadOnlyList<string> paths, ILogger? log, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(paths);
        log ??= Serilog.Core.Logger.None;
        var problems = new List<string>();
        var arguments = new List<Argument>();
        foreach (var path in paths)
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
            if (Directory.Exists(full))
            {
                arguments.Add(new Argument(path, full, IsFolder: true));
            }
            else if (File.Exists(full))
            {
                arguments.Add(new Argument(path, full, IsFolder: false));
            }
            else
            {
                problems.Add($"{path}: no such file or folder");
            }
        }

        errors = problems;
        if (problems.Count > 0 || arguments.Count == 0)
        {
            if (arguments.Count == 0 && problems.Count == 0)
            {
                problems.Add("no input paths");
            }

            return null;
        }

        var kept = new List<Argument>();
        foreach (var argument in arguments)
        {
            var covering = arguments.FirstOrDefault(other =>
                !ReferenceEquals(other, argument) && other.IsFolder && IsInside(argument.FullPath, other.FullPath));
            var earlierTwin = kept.FirstOrDefault(other => string.Equals(other.FullPath, argument.FullPath, PathComparison));
            if (covering is not null)
            {
                log.Warning("{Path} is inside {Folder}, which is also an input; it is converted once", argument.Given, covering.Given);
            }
            else if (earlierTwin is not null)
            {
                log.Warning("{Path} is given twice; it is converted once", argument.Given);
            }
            else
            {
                kept.Add(argument);
            }
        }

        var baseFolder = kept.Count == 1 && kept[0].IsFolder
            ? kept[0].FullPath
            : kept.Select(a => a.IsFolder ? a.FullPath : Path.GetDirectoryName(a.FullPath)!).Aggregate(CommonFolder);
        return new InputWalker(baseFolder, kept, log);
    }

    /// <summary>True when the name ends in one of <see cref="Extensions"/> (any case).</summary>
    public static bool HasInputExtension(string name) =>
        Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The JSON names of the files of one folder. A file's output is its name with the extension replaced
    /// by <c>.json</c> (<c>b.pdf</c> → <c>b.json</c>), unless another input of the folder has the same
    /// name without extension, or that name itself ends in .pdf or .txt: then the whole name is kept
    /// (<c>b.pdf.json</c>, <c>b.txt.json</c>). The rule looks only at the folder, so a file's output name
    /// never depends on which arguments were given or which shard runs.
    /// </summary>
    public static IReadOnlyDictionary<string, string> OutputNames(IReadOnlyCollection<string> fileNames)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        var stems = fileNames
            .GroupBy(name => Path.GetFileNameWithoutExtension(name) ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var names = new Dictionary<string, string>(fileNames.Count, StringComparer.Ordinal);
        foreach (var name in fileNames)
        {
            var stem = Path.GetFileNameWithoutExtension(name) ?? string.Empty;
            var keepsExtension = stem.Length == 0 || stems[stem] > 1 || HasInputExtension(stem) || stem == name;
            names[name] = (keepsExtension ? name : stem) + ".json";
        }

        return names;
    }

    /// <summary>The inputs, in walking order; each call walks afresh.</summary>
    /// <param name="log">Where to warn about skipped links; the walker's logger by default.</param>
    public IEnumerable<BatchInput> Enumerate(ILogger? log = null)
    {
        foreach (var group in FileArgumentGroups())
        {
            foreach (var input in group)
            {
                yield return input;
            }
        }

        foreach (var folder in _arguments.Where(a => a.IsFolder))
        {
            foreach (var input in WalkFolder(folder, log ?? _log))
            {
                yield return input;
            }
        }
    }

    private static bool IsInside(string path, string folder) =>
        path.Length > folder.Length
        && path.StartsWith(folder, PathComparison)
        && (path[folder.Length] == Path.DirectorySeparatorChar || folder.EndsWith(Path.DirectorySeparatorChar));

    private static string CommonFolder(string a, string b)
    {
        var x = a;
        while (!string.Equals(x, b, PathComparison) && !IsInside(b, x))
        {
            var parent = Path.GetDirectoryName(x);
            if (parent is null)
            {
                return x;
            }

            x = parent;
        }

        return x;
    }

    private static string Slashes(string path) => path.Replace(Path.DirectorySeparatorChar, '/');

    private string Relative(string fullPath) => Slashes(Path.GetRelativePath(BaseFolder, fullPath));

    private BatchInput Input(string given, string fullPath, string outputName)
    {
        var relative = Relative(fullPath);
        var folder = Path.GetDirectoryName(relative);
        var output = string.IsNullOrEmpty(folder) ? outputName : $"{Slashes(folder)}/{outputName}";
        return new BatchInput(given, fullPath, relative, output);
    }

    private IEnumerable<IEnumerable<BatchInput>> FileArgumentGroups()
    {
        // Files given by name, grouped by folder so that each folder is listed once for the naming rule.
        foreach (var group in _arguments.Where(a => !a.IsFolder).GroupBy(a => Path.GetDirectoryName(a.FullPath)!, StringComparer.Ordinal))
        {
            var siblings = ListFolder(group.Key, out _)?.Files.Where(f => HasInputExtension(f.Name)).Select(f => f.Name).ToHashSet(StringComparer.Ordinal)
                ?? new HashSet<string>(StringComparer.Ordinal);
            foreach (var argument in group)
            {
                siblings.Add(Path.GetFileName(argument.FullPath));
            }

            var names = OutputNames(siblings);
            yield return group.Select(a => Input(a.Given, a.FullPath, names[Path.GetFileName(a.FullPath)]));
        }
    }

    private IEnumerable<BatchInput> WalkFolder(Argument root, ILogger log)
    {
        var pending = new Stack<string>();
        pending.Push(root.FullPath);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            var listing = ListFolder(folder, out var problem);
            if (listing is null)
            {
                var relative = Relative(folder);
                yield return new BatchInput(GivenPath(root, folder), folder, relative, relative, problem);
                continue;
            }

            var files = listing.Files.Where(f => HasInputExtension(f.Name)).Select(f => f.Name).ToList();
            var names = OutputNames(files);
            foreach (var file in listing.Files)
            {
                var full = file.FullName;
                if (names.TryGetValue(file.Name, out var output))
                {
                    yield return Input(GivenPath(root, full), full, output);
                }
                else
                {
                    // Not an input by its name: counted as skipped, so that nothing in the archive goes unmentioned.
                    var relative = Relative(full);
                    yield return new BatchInput(GivenPath(root, full), full, relative, relative) { NotAnInput = TypeByName(file.Name) };
                }
            }

            for (var i = listing.Folders.Count - 1; i >= 0; i--)
            {
                var sub = listing.Folders[i];
                if (sub.LinkTarget is not null)
                {
                    // Linked folders can form cycles or lead out of the archive.
                    log.Warning("{Path} is a symbolic link to a folder; it is not followed", GivenPath(root, sub.FullName));
                    continue;
                }

                pending.Push(sub.FullName);
            }
        }
    }

    private static string GivenPath(Argument root, string fullPath)
    {
        var inside = Path.GetRelativePath(root.FullPath, fullPath);
        return inside == "." ? root.Given : Path.Join(root.Given, inside);
    }

    private static Listing? ListFolder(string folder, out string? problem)
    {
        try
        {
            var files = new List<FileInfo>();
            var folders = new List<DirectoryInfo>();
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions
            {
                IgnoreInaccessible = false,
                RecurseSubdirectories = false,
                AttributesToSkip = 0,
                MatchType = MatchType.Win32,
            }))
            {
                if (entry.Name.StartsWith('.'))
                {
                    // Hidden files and folders (.git, .DS_Store, the outputs' temporary files) are not the archive's.
                    continue;
                }

                if (entry is DirectoryInfo d)
                {
                    folders.Add(d);
                }
                else if (entry is FileInfo f)
                {
                    files.Add(f);
                }
            }

            files.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            folders.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            problem = null;
            return new Listing(files, folders);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            problem = $"the folder cannot be read: {e.Message}";
            return null;
        }
    }

    private sealed record Argument(string Given, string FullPath, bool IsFolder);

    private sealed record Listing(List<FileInfo> Files, List<DirectoryInfo> Folders);
}
