using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Extractor.Fuzz;

/// <summary>
/// Builds mutated cases from the corpus. Everything follows from the case's seed: which fixture, which
/// mutations, where; so <c>--replay SEED</c> rebuilds the same bytes.
/// </summary>
public sealed class Mutator(FuzzCorpus corpus)
{
    private static readonly string[] ContentOperators =
    [
        "q", "Q", "cm", "w", "m", "l", "c", "re", "h", "S", "s", "f", "f*", "B", "n", "W", "BT", "ET", "Tc", "Tw", "Tz", "TL",
        "Tf", "Tr", "Ts", "Td", "TD", "Tm", "T*", "Tj", "TJ", "'", "\"", "Do", "gs", "BMC", "BDC", "EMC", "BI", "ID", "EI",
        "d0", "d1", "sh", "cs", "scn", "rg", "RG", "g", "G", "ri", "i", "J", "j", "M", "d", "MP", "DP",
    ];

    private static readonly string[] StructureTokens =
    [
        "obj", "endobj", "stream", "endstream", "xref", "trailer", "startxref", "R", "<<", ">>", "[", "]", "(", ")", "<", ">",
        "/Type", "/Pages", "/Page", "/Kids", "/Parent", "/Count", "/Contents", "/Resources", "/Font", "/Length", "/Filter",
        "/FlateDecode", "/ToUnicode", "/Encoding", "/XObject", "/Subtype", "/Form", "/Image", "/Root", "/Prev", "/Size", "/W",
        "/Index", "/N", "/First", "/DescendantFonts", "/Widths", "/MediaBox", "null", "true", "0", "-1", "2147483647",
        "4294967296", "99999999999999999999", "1.5", "-0.0001", "0 0 R", "1 0 R", "9999999 0 R",
    ];

    /// <summary>The mutation kinds for PDF input.</summary>
    public static IReadOnlyList<string> PdfMutations { get; } =
    [
        "byte-flips", "truncate", "delete-range", "duplicate-range", "insert-random", "xref-offsets", "startxref", "stream-length",
        "stream-garbage", "stream-garbage", "stream-garbage", "swap-objects", "token-swap", "splice-other",
    ];

    /// <summary>The mutation kinds for text input.</summary>
    public static IReadOnlyList<string> TextMutations { get; } =
    [
        "byte-flips", "truncate", "delete-lines", "duplicate-lines", "swap-lines", "tabs", "control-bytes", "invalid-utf8",
        "line-ends", "numbers", "re-encode", "cell-shuffle",
    ];

    /// <summary>Builds the case of <paramref name="seed"/>: about one in four is text, the rest PDF; one to three mutations stacked.</summary>
    public FuzzCase Create(long seed)
    {
        var random = new Prng(seed);
        var isText = random.Chance(0.25);
        var source = isText ? random.Pick(corpus.Texts) : random.Pick(corpus.Pdfs);
        var bytes = source.Bytes;
        var steps = new List<string>();
        var count = random.Chance(0.6) ? 1 : random.Next(2, 4);
        for (var i = 0; i < count && bytes.Length > 0; i++)
        {
            var kind = random.Pick(isText ? TextMutations : PdfMutations);
            (bytes, var what) = isText ? MutateText(bytes, kind, random) : MutatePdf(bytes, kind, random);
            steps.Add(what);
        }

        var extension = isText ? ".txt" : ".pdf";
        var name = string.Create(CultureInfo.InvariantCulture, $"{source.Stem}.{seed}{extension}");
        return new FuzzCase(seed.ToString(CultureInfo.InvariantCulture), name, bytes, $"{source.RelativePath}: {string.Join("; ", steps)}");
    }

    private (byte[] Bytes, string What) MutatePdf(byte[] bytes, string kind, Prng random)
    {
        var anatomy = PdfAnatomy.Of(bytes);
        switch (kind)
        {
            case "xref-offsets" when anatomy.XrefOffsets.Count > 0:
            {
                var result = (byte[])bytes.Clone();
                var n = random.Skewed(anatomy.XrefOffsets.Count);
                for (var i = 0; i < n; i++)
                {
                    var entry = random.Pick(anatomy.XrefOffsets);
                    var value = random.Chance(0.5) ? random.Next(bytes.Length + 100) : long.Parse(Encoding.Latin1.GetString(bytes, entry.Start, 10), CultureInfo.InvariantCulture) + random.Next(-20, 21);
                    Encoding.Latin1.GetBytes(Math.Clamp(value, 0, 9_999_999_999).ToString("D10", CultureInfo.InvariantCulture)).CopyTo(result, entry.Start);
                }

                return (result, $"xref-offsets x{n}");
            }

            case "startxref" when anatomy.StartXrefValue is { } sx:
            {
                long value = random.Next(4) switch
                {
                    0 => random.Next(bytes.Length),
                    1 => long.Parse(Encoding.Latin1.GetString(bytes, sx.Start, sx.Length), CultureInfo.InvariantCulture) + random.Next(-8, 9),
                    2 => -1,
                    _ => long.MaxValue,
                };
                var digits = Encoding.Latin1.GetBytes(value.ToString(CultureInfo.InvariantCulture));
                return ([.. bytes.AsSpan(0, sx.Start), .. digits, .. bytes.AsSpan(sx.End)], $"startxref={value}");
            }

            case "stream-length" when anatomy.Streams.Any(s => s.LengthValue is not null):
            {
                var stream = random.Pick(anatomy.Streams.Where(s => s.LengthValue is not null).ToList());
                var old = stream.Data.Length;
                var value = random.Next(6) switch
                {
                    0 => "0",
                    1 => "-1",
                    2 => (old + random.Next(-64, 65)).ToString(CultureInfo.InvariantCulture),
                    3 => "99999999999",
                    4 => "9999 0 R",
                    _ => (old * 2).ToString(CultureInfo.InvariantCulture),
                };
                var at = stream.LengthValue!.Value;
                return (anatomy.Splice(at.Start, at.Length, Encoding.Latin1.GetBytes(value)), $"stream-length@{at.Start}={value}");
            }

            case "stream-garbage" when anatomy.Streams.Count > 0:
                return StreamGarbage(anatomy, random);
            case "swap-objects" when anatomy.Objects.Count >= 2:
            {
                var a = random.Pick(anatomy.Objects);
                var b = random.Pick(anatomy.Objects);
                if (a.Start > b.Start)
                {
                    (a, b) = (b, a);
                }

                if (a.End > b.Start)
                {
                    break;
                }

                // Bodies change places; the headers stay, so each number now names the other's content.
                var bodyA = Body(bytes, a);
                var bodyB = Body(bytes, b);
                byte[] swapped = [.. bytes.AsSpan(0, bodyA.Start), .. bytes.AsSpan(bodyB.Start, bodyB.Length), .. bytes.AsSpan(bodyA.End, bodyB.Start - bodyA.End), .. bytes.AsSpan(bodyA.Start, bodyA.Length), .. bytes.AsSpan(bodyB.End)];
                return (swapped, $"swap-objects@{a.Start},{b.Start}");
            }

            case "token-swap":
            {
                var result = bytes;
                var n = random.Skewed(16);
                for (var i = 0; i < n; i++)
                {
                    var token = Encoding.Latin1.GetBytes(" " + random.Pick(StructureTokens) + " ");
                    var at = random.Next(result.Length);
                    var remove = Math.Min(result.Length - at, random.Next(0, 8));
                    result = PdfAnatomy.Of(result).Splice(at, remove, token);
                }

                return (result, $"token-swap x{n}");
            }

            case "splice-other":
            {
                var other = random.Pick(corpus.Pdfs).Bytes;
                var from = random.Next(other.Length);
                var length = Math.Min(other.Length - from, random.Skewed(16384));
                var at = random.Next(bytes.Length);
                return (anatomy.Splice(at, 0, other.AsSpan(from, length)), $"splice-other {length}@{at}");
            }
        }

        return MutateBytes(bytes, kind, random);
    }

    private static Span Body(byte[] bytes, Span obj)
    {
        var text = Encoding.Latin1.GetString(bytes, obj.Start, obj.Length);
        var start = text.IndexOf("obj", StringComparison.Ordinal) + 3;
        var end = text.LastIndexOf("endobj", StringComparison.Ordinal);
        return new Span(obj.Start + start, end - start);
    }

    /// <summary>Garbage inside a stream: for Flate streams after inflating, then deflated again with a correct /Length.</summary>
    private static (byte[] Bytes, string What) StreamGarbage(PdfAnatomy anatomy, Prng random)
    {
        var stream = random.Pick(anatomy.Streams);
        var raw = anatomy.Bytes.AsSpan(stream.Data.Start, stream.Data.Length).ToArray();
        byte[] decoded;
        var inflated = false;
        if (stream.IsPlainFlate && TryInflate(raw, out var plain))
        {
            decoded = plain;
            inflated = true;
        }
        else
        {
            decoded = raw;
        }

        var (changed, what) = random.Next(5) switch
        {
            0 => InsertTokens(decoded, random),
            1 => InsertTokens(decoded, random),
            2 => MutateBytes(decoded, "byte-flips", random),
            3 => MutateBytes(decoded, random.Chance(0.5) ? "delete-range" : "duplicate-range", random),
            _ => MutateBytes(decoded, "truncate", random),
        };
        var encoded = inflated ? Deflate(changed) : changed;

        // Replace the data, then the /Length (which comes before it), so both splices keep the xref right.
        var result = anatomy.Splice(stream.Data.Start, stream.Data.Length, encoded);
        if (stream.LengthValue is { } length)
        {
            result = PdfAnatomy.Of(result).Splice(length.Start, length.Length, Encoding.Latin1.GetBytes(encoded.Length.ToString(CultureInfo.InvariantCulture)));
        }

        return (result, $"stream-garbage@{stream.Data.Start}{(inflated ? " (inflated)" : string.Empty)}: {what}");
    }

    private static (byte[] Bytes, string What) InsertTokens(byte[] data, Prng random)
    {
        var soup = new StringBuilder();
        var n = random.Skewed(400);
        for (var i = 0; i < n; i++)
        {
            soup.Append(' ');
            soup.Append(random.Next(9) switch
            {
                0 or 1 => random.Pick(ContentOperators),
                2 => random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
                3 => (random.Next(-100000, 100000) / 7.0).ToString("0.###", CultureInfo.InvariantCulture),
                4 => random.Pick(["99999999999999999999", "-2147483649", "1e308", ".", "-", "0.000000001", "340282366920938463463374607431768211456"]),
                5 => "/" + random.Pick(["F1", "F2", "R7", "T1_0", "Im0", "Fm0", "GS0", "P0", "OC", "ActualText", "TT1", "C2_0"]),
                6 => "<" + Convert.ToHexString(random.Bytes(random.Skewed(16))) + ">",
                7 => "(" + Encoding.Latin1.GetString(random.Bytes(random.Skewed(16))).Replace("\\", string.Empty, StringComparison.Ordinal) + ")",
                _ => random.Pick(["[", "]", "<<", ">>", "{", "}", "(", ")", "%", "\n"]),
            });
        }

        var at = random.Next(data.Length + 1);
        var bytes = Encoding.Latin1.GetBytes(soup.ToString());
        return ([.. data.AsSpan(0, at), .. bytes, .. data.AsSpan(at)], $"{n} tokens@{at}");
    }

    private static (byte[] Bytes, string What) MutateText(byte[] bytes, string kind, Prng random)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n').ToList();
        switch (kind)
        {
            case "delete-lines" when lines.Count > 1:
            {
                var at = random.Next(lines.Count);
                var n = Math.Min(lines.Count - at, random.Skewed(lines.Count));
                lines.RemoveRange(at, n);
                return (Utf8(lines), $"delete-lines {n}@{at}");
            }

            case "duplicate-lines" when lines.Count > 1:
            {
                var at = random.Next(lines.Count);
                var n = Math.Min(lines.Count - at, random.Skewed(lines.Count));
                var copies = random.Chance(0.1) ? random.Skewed(50) : 1;
                var block = lines.GetRange(at, n);
                for (var i = 0; i < copies; i++)
                {
                    lines.InsertRange(random.Next(lines.Count + 1), block);
                }

                return (Utf8(lines), $"duplicate-lines {n}@{at} x{copies}");
            }

            case "swap-lines" when lines.Count > 1:
            {
                var n = random.Skewed(lines.Count);
                for (var i = 0; i < n; i++)
                {
                    var a = random.Next(lines.Count);
                    var b = random.Next(lines.Count);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                }

                return (Utf8(lines), $"swap-lines x{n}");
            }

            case "tabs":
            {
                var at = random.Next(lines.Count);
                var n = random.Skewed(random.Chance(0.1) ? 200_000 : 200);
                lines[at] = lines[at].Insert(random.Next(lines[at].Length + 1), new string('\t', n));
                return (Utf8(lines), $"tabs {n}@line {at + 1}");
            }

            case "control-bytes":
            {
                var result = bytes.ToArray();
                var n = random.Skewed(64);
                for (var i = 0; i < n; i++)
                {
                    result[random.Next(result.Length)] = random.Pick<byte>([0, 1, 7, 8, 11, 12, 27, 127, 0x0C]);
                }

                return (result, $"control-bytes x{n}");
            }

            case "invalid-utf8":
            {
                var result = bytes;
                var n = random.Skewed(16);
                for (var i = 0; i < n; i++)
                {
                    var at = random.Next(result.Length + 1);
                    byte[] bad = random.Pick<byte[]>([[0xFF], [0xC0, 0x80], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]]);
                    result = [.. result.AsSpan(0, at), .. bad, .. result.AsSpan(at)];
                }

                return (result, $"invalid-utf8 x{n}");
            }

            case "line-ends":
            {
                var end = random.Pick(["\r\n", "\r", "\n\n", "\f", "\u2028", "\n\r"]);
                return (Encoding.UTF8.GetBytes(string.Join(end, lines)), $"line-ends {Escape(end)}");
            }

            case "numbers":
            {
                var n = random.Skewed(40);
                var chars = text.ToCharArray();
                var sb = new StringBuilder(text);
                for (var i = 0; i < n; i++)
                {
                    var digit = Array.FindIndex(chars, random.Next(chars.Length), char.IsAsciiDigit);
                    if (digit < 0)
                    {
                        break;
                    }

                    sb.Insert(digit, random.Pick(["9999999999999999999999999999", "1e309", "-", "NaN", "∞", "0.", ",", "%%", "≥≥", "1,2,3.4.5", "-0", "1E400"]));
                    chars = sb.ToString().ToCharArray();
                }

                return (Encoding.UTF8.GetBytes(sb.ToString()), $"numbers x{n}");
            }

            case "re-encode":
            {
                var encoding = random.Next(3);
                byte[] result = encoding switch
                {
                    0 => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
                    1 => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
                    _ => Gb18030().GetBytes(text),
                };
                if (random.Chance(0.3) && result.Length > 3)
                {
                    result = result.AsSpan(0, random.Next(1, result.Length)).ToArray(); // cut mid-character
                }

                return (result, encoding switch { 0 => "utf-16le", 1 => "utf-16be", _ => "gb18030" });
            }

            case "cell-shuffle":
            {
                var at = random.Next(lines.Count);
                var cells = lines[at].Split('\t').ToList();
                var n = random.Skewed(cells.Count + 4);
                for (var i = 0; i < n; i++)
                {
                    if (random.Chance(0.5) && cells.Count > 1)
                    {
                        cells.RemoveAt(random.Next(cells.Count));
                    }
                    else
                    {
                        cells.Insert(random.Next(cells.Count + 1), random.Pick(["", "—", "产出指标", "数量指标", "总分", "100", "=39人", "≥95%", "项目名称", "得分", "财政项目支出绩效自评表", "（2023年度）"]));
                    }
                }

                lines[at] = string.Join('\t', cells);
                return (Utf8(lines), $"cell-shuffle x{n}@line {at + 1}");
            }
        }

        return MutateBytes(bytes, kind, random);
    }

    private static (byte[] Bytes, string What) MutateBytes(byte[] bytes, string kind, Prng random)
    {
        if (bytes.Length == 0)
        {
            return (bytes, kind + " (empty)");
        }

        switch (kind)
        {
            case "truncate":
            {
                var at = random.Next(bytes.Length);
                return (bytes.AsSpan(0, at).ToArray(), $"truncate@{at}");
            }

            case "delete-range":
            {
                var at = random.Next(bytes.Length);
                var n = Math.Min(bytes.Length - at, random.Skewed(Math.Max(1, bytes.Length / 4)));
                return ([.. bytes.AsSpan(0, at), .. bytes.AsSpan(at + n)], $"delete-range {n}@{at}");
            }

            case "duplicate-range":
            {
                var at = random.Next(bytes.Length);
                var n = Math.Min(bytes.Length - at, random.Skewed(Math.Max(1, bytes.Length / 4)));
                var to = random.Next(bytes.Length + 1);
                return ([.. bytes.AsSpan(0, to), .. bytes.AsSpan(at, n), .. bytes.AsSpan(to)], $"duplicate-range {n}@{at}->{to}");
            }

            case "insert-random":
            {
                var at = random.Next(bytes.Length + 1);
                var n = random.Skewed(4096);
                return ([.. bytes.AsSpan(0, at), .. random.Bytes(n), .. bytes.AsSpan(at)], $"insert-random {n}@{at}");
            }

            default:
            {
                var result = (byte[])bytes.Clone();
                var n = random.Skewed(128);
                for (var i = 0; i < n; i++)
                {
                    result[random.Next(result.Length)] ^= (byte)random.Next(1, 256);
                }

                return (result, $"byte-flips x{n}");
            }
        }
    }

    private static bool TryInflate(byte[] raw, out byte[] plain)
    {
        try
        {
            using var input = new MemoryStream(raw);
            using var z = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[65536];
            int n;
            while ((n = z.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, n);
                if (output.Length > 64 << 20)
                {
                    plain = [];
                    return false;
                }
            }

            plain = output.ToArray();
            return true;
        }
        catch (InvalidDataException)
        {
            plain = [];
            return false;
        }
    }

    /// <summary>zlib-wrapped deflate, as PDF writers produce it.</summary>
    public static byte[] Deflate(ReadOnlySpan<byte> data, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, level, leaveOpen: true))
        {
            z.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Utf8(List<string> lines) => Encoding.UTF8.GetBytes(string.Join('\n', lines));

    private static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:x4}" : c.ToString()));
}
