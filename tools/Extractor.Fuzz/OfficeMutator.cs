using System.IO.Compression;
using System.Text;

namespace Extractor.Fuzz;

/// <summary>
/// Mutates Office files where their readers parse them: inside a ZIP container (.xlsx, .docx) one XML part
/// is damaged (bytes flipped, ranges deleted, duplicated or swapped, cut short, a tag or attribute value
/// changed) and the archive written again, so that the XML readers see it; an OLE2 file (.xls) has bytes
/// flipped, ranges zeroed or copied, or is cut short, where its header, tables and records lie.
/// </summary>
public static class OfficeMutator
{
    /// <summary>The mutated file of <paramref name="seed"/> for one case seed, and what was done to it.</summary>
    public static (byte[] Bytes, string Description) Mutate(SeedFile seed, long caseSeed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var random = new Prng(caseSeed);
        return seed.Bytes.AsSpan().StartsWith("PK"u8) ? MutateZip(seed.Bytes, random) : MutateBytes(seed.Bytes, random);
    }

    private static (byte[], string) MutateZip(byte[] bytes, Prng random)
    {
        var parts = new List<(string Name, byte[] Data)>();
        using (var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            foreach (var entry in archive.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                parts.Add((entry.FullName, copy.ToArray()));
            }
        }

        var xml = parts.Select((p, i) => (p, i)).Where(x => x.p.Name.EndsWith(".xml", StringComparison.Ordinal) || x.p.Name.EndsWith(".rels", StringComparison.Ordinal)).ToList();
        var target = xml.Count == 0 ? random.Next(parts.Count) : random.Pick(xml).i;
        var (mutated, what) = MutateXml(parts[target].Data, random);
        parts[target] = (parts[target].Name, mutated);
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in parts)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(data);
            }
        }

        return (output.ToArray(), $"{parts[target].Name}: {what}");
    }

    private static (byte[], string) MutateXml(byte[] data, Prng random)
    {
        var text = Encoding.UTF8.GetString(data);
        switch (random.Next(4))
        {
            case 0:
                // A number in an attribute or a value: the row, a span, a style, a reference.
                var digits = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i])).ToList();
                if (digits.Count > 0)
                {
                    var at = random.Pick(digits);
                    string[] numbers = ["0", "-1", "99999999", "2147483647", "1048576", "16384", ""];
                    var replacement = random.Pick(numbers);
                    return (Encoding.UTF8.GetBytes(text[..at] + replacement + text[(at + 1)..]), $"digit at {at} → '{replacement}'");
                }

                goto default;
            case 1:
                // An element's name changed or its tag cut: what the reader expects is missing or unclosed.
                var tags = Enumerable.Range(0, text.Length).Where(i => text[i] == '<').ToList();
                if (tags.Count > 0)
                {
                    var at = random.Pick(tags);
                    var cut = Math.Min(text.Length, at + 1 + random.Next(1, 12));
                    return (Encoding.UTF8.GetBytes(text[..at] + text[cut..]), $"tag at {at} cut");
                }

                goto default;
            case 2:
                // A stretch duplicated: rows, cells, merged ranges or tables given twice.
                var start = random.Next(text.Length);
                var length = Math.Min(text.Length - start, random.Skewed(4000));
                return (Encoding.UTF8.GetBytes(text[..(start + length)] + text[start..]), $"{length} characters at {start} duplicated");
            default:
                var (bytes, what) = MutateBytes(data, random);
                return (bytes, what);
        }
    }

    private static (byte[], string) MutateBytes(byte[] data, Prng random)
    {
        var bytes = (byte[])data.Clone();
        if (bytes.Length == 0)
        {
            return (bytes, "empty");
        }

        switch (random.Next(4))
        {
            case 0:
                var flips = random.Next(1, 9);
                for (var i = 0; i < flips; i++)
                {
                    // OLE2 headers and tables lie early in the file: favour the first sectors.
                    var at = random.Chance(0.5) ? random.Next(Math.Min(bytes.Length, 2048)) : random.Next(bytes.Length);
                    bytes[at] ^= (byte)random.Next(1, 256);
                }

                return (bytes, $"{flips} bytes flipped");
            case 1:
                var start = random.Next(bytes.Length);
                var length = Math.Min(bytes.Length - start, random.Skewed(2048));
                Array.Clear(bytes, start, length);
                return (bytes, $"{length} bytes zeroed at {start}");
            case 2:
                var from = random.Next(bytes.Length);
                var to = random.Next(bytes.Length);
                var count = Math.Min(Math.Min(bytes.Length - from, bytes.Length - to), random.Skewed(1024));
                Array.Copy(data, from, bytes, to, count);
                return (bytes, $"{count} bytes copied from {from} to {to}");
            default:
                var keep = random.Next(bytes.Length);
                return (bytes[..keep], $"cut to {keep} bytes");
        }
    }
}
