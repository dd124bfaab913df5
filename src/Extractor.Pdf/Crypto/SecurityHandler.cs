using System.Security.Cryptography;
using Extractor.Pdf.Parsing;

// MD5 and RC4 are what the PDF standard security handler prescribes; reading such files needs them.
#pragma warning disable CA5351

namespace Extractor.Pdf.Crypto;

internal enum CryptMethod
{
    None,
    Rc4,
    AesV2,
    AesV3,
}

/// <summary>
/// The standard security handler (ISO 32000-1 §7.6.3, ISO 32000-2 §7.6.4) for files that open with an empty user
/// password (or an empty owner password): RC4 40–128 bit, AES-128 and AES-256 (revisions 5 and 6).
/// </summary>
internal sealed class SecurityHandler
{
    private static readonly byte[] Padding =
    [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
        0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
    ];

    private readonly byte[] fileKey;
    private readonly CryptMethod streamMethod;
    private readonly CryptMethod stringMethod;
    private readonly Dictionary<string, CryptMethod> namedFilters;

    private SecurityHandler(byte[] fileKey, CryptMethod streamMethod, CryptMethod stringMethod, bool encryptMetadata, Dictionary<string, CryptMethod> namedFilters)
    {
        this.fileKey = fileKey;
        this.streamMethod = streamMethod;
        this.stringMethod = stringMethod;
        this.namedFilters = namedFilters;
        EncryptMetadata = encryptMetadata;
    }

    public bool EncryptMetadata { get; }

    public byte[] FileKey => fileKey;

    /// <summary>Builds the handler from the /Encrypt dictionary, or throws <see cref="PdfReadException"/> (Encrypted).</summary>
    public static SecurityHandler Create(PdfFile file, PdfDictionary encrypt, byte[] firstId)
    {
        var filter = (file.Resolve(encrypt["Filter"]) as PdfName)?.Value;
        if (filter != "Standard")
        {
            throw new PdfReadException(PdfErrorKind.Encrypted, $"unsupported security handler '{filter}'");
        }

        int v = GetInt(file, encrypt, "V", 0);
        int r = GetInt(file, encrypt, "R", 2);
        int lengthBits = GetInt(file, encrypt, "Length", 40);
        bool encryptMetadata = file.Resolve(encrypt["EncryptMetadata"]) is not PdfBoolean em || em.Value;
        byte[] o = (file.Resolve(encrypt["O"]) as PdfString)?.Bytes ?? [];
        byte[] u = (file.Resolve(encrypt["U"]) as PdfString)?.Bytes ?? [];
        int p = GetInt(file, encrypt, "P", 0);

        var named = new Dictionary<string, CryptMethod>(StringComparer.Ordinal) { ["Identity"] = CryptMethod.None };
        CryptMethod stmF = CryptMethod.Rc4, strF = CryptMethod.Rc4;
        if (v >= 4)
        {
            if (file.Resolve(encrypt["CF"]) is PdfDictionary cf)
            {
                foreach (var (name, value) in cf.Entries)
                {
                    if (file.Resolve(value) is PdfDictionary fd)
                    {
                        var cfm = (file.Resolve(fd["CFM"]) as PdfName)?.Value;
                        named[name] = cfm switch
                        {
                            "V2" => CryptMethod.Rc4,
                            "AESV2" => CryptMethod.AesV2,
                            "AESV3" => CryptMethod.AesV3,
                            _ => CryptMethod.None,
                        };
                        if (fd["Length"] is PdfInteger fl && v == 4)
                        {
                            // Crypt filter /Length is in bytes for V4 (some writers use bits).
                            lengthBits = fl.Value <= 16 ? (int)fl.Value * 8 : (int)fl.Value;
                        }
                    }
                }
            }

            stmF = named.GetValueOrDefault((file.Resolve(encrypt["StmF"]) as PdfName)?.Value ?? "Identity", CryptMethod.None);
            strF = named.GetValueOrDefault((file.Resolve(encrypt["StrF"]) as PdfName)?.Value ?? "Identity", CryptMethod.None);
        }

        byte[]? key;
        if (r >= 5)
        {
            byte[] ue = (file.Resolve(encrypt["UE"]) as PdfString)?.Bytes ?? [];
            byte[] oe = (file.Resolve(encrypt["OE"]) as PdfString)?.Bytes ?? [];
            key = AesV3Key(r, [], u, ue, o, oe);
        }
        else
        {
            int n = v == 1 ? 5 : Math.Clamp(lengthBits / 8, 5, 16);
            key = LegacyKeyFromUserPassword(r, n, [], o, p, firstId, encryptMetadata, u);
            if (key is null)
            {
                // An empty owner password opens the file too.
                var userPassword = UserPasswordFromOwner(r, n, [], o);
                key = LegacyKeyFromUserPassword(r, n, userPassword, o, p, firstId, encryptMetadata, u);
            }
        }

        if (key is null)
        {
            throw new PdfReadException(PdfErrorKind.Encrypted, "the file is encrypted and needs a password");
        }

        return new SecurityHandler(key, stmF, strF, encryptMetadata, named);
    }

    private static int GetInt(PdfFile file, PdfDictionary d, string key, int fallback) =>
        file.Resolve(d[key]) switch
        {
            PdfInteger i => unchecked((int)i.Value),
            PdfReal re => (int)re.Value,
            _ => fallback,
        };

    internal static byte[] Pad(ReadOnlySpan<byte> password)
    {
        var result = new byte[32];
        int n = Math.Min(32, password.Length);
        password[..n].CopyTo(result);
        Padding.AsSpan(0, 32 - n).CopyTo(result.AsSpan(n));
        return result;
    }

    /// <summary>Algorithm 2: the file key from a user password, checked against /U (Algorithms 4 and 5). Null when wrong.</summary>
    internal static byte[]? LegacyKeyFromUserPassword(int r, int n, ReadOnlySpan<byte> password, byte[] o, int p, byte[] id, bool encryptMetadata, byte[] u)
    {
        var key = ComputeLegacyKey(r, n, password, o, p, id, encryptMetadata);
        byte[] check;
        if (r == 2)
        {
            check = Rc4.Transform(key, Padding);
            return u.Length >= 32 && check.AsSpan().SequenceEqual(u.AsSpan(0, 32)) ? key : null;
        }

        var buf = new byte[32 + id.Length];
        Padding.CopyTo(buf, 0);
        id.CopyTo(buf, 32);
        check = Rc4.Transform(key, MD5.HashData(buf));
        var k2 = new byte[key.Length];
        for (int i = 1; i <= 19; i++)
        {
            for (int j = 0; j < key.Length; j++)
            {
                k2[j] = (byte)(key[j] ^ i);
            }

            check = Rc4.Transform(k2, check);
        }

        return u.Length >= 16 && check.AsSpan(0, 16).SequenceEqual(u.AsSpan(0, 16)) ? key : null;
    }

    internal static byte[] ComputeLegacyKey(int r, int n, ReadOnlySpan<byte> password, byte[] o, int p, byte[] id, bool encryptMetadata)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        md5.AppendData(Pad(password));
        md5.AppendData(o.AsSpan(0, Math.Min(32, o.Length)));
        md5.AppendData([(byte)p, (byte)(p >> 8), (byte)(p >> 16), (byte)(p >> 24)]);
        md5.AppendData(id);
        if (r >= 4 && !encryptMetadata)
        {
            md5.AppendData([0xFF, 0xFF, 0xFF, 0xFF]);
        }

        var hash = md5.GetHashAndReset();
        if (r >= 3)
        {
            for (int i = 0; i < 50; i++)
            {
                hash = MD5.HashData(hash.AsSpan(0, n));
            }
        }

        return hash.AsSpan(0, r == 2 ? 5 : n).ToArray();
    }

    /// <summary>Algorithm 7's first half: recover the user password from /O with an owner password.</summary>
    internal static byte[] UserPasswordFromOwner(int r, int n, ReadOnlySpan<byte> ownerPassword, byte[] o)
    {
        var hash = MD5.HashData(Pad(ownerPassword));
        if (r >= 3)
        {
            for (int i = 0; i < 50; i++)
            {
                hash = MD5.HashData(hash);
            }
        }

        var key = hash.AsSpan(0, r == 2 ? 5 : n).ToArray();
        var data = o.AsSpan(0, Math.Min(32, o.Length)).ToArray();
        if (r == 2)
        {
            return Rc4.Transform(key, data);
        }

        var k2 = new byte[key.Length];
        for (int i = 19; i >= 0; i--)
        {
            for (int j = 0; j < key.Length; j++)
            {
                k2[j] = (byte)(key[j] ^ i);
            }

            data = Rc4.Transform(k2, data);
        }

        return data;
    }

    /// <summary>Revision 5/6 file key from the user (then owner) password; null when neither is empty.</summary>
    internal static byte[]? AesV3Key(int r, ReadOnlySpan<byte> password, byte[] u, byte[] ue, byte[] o, byte[] oe)
    {
        if (u.Length >= 48 && ue.Length >= 32)
        {
            var hash = Hash2B(r, password, u.AsSpan(32, 8), []);
            if (hash.AsSpan(0, 32).SequenceEqual(u.AsSpan(0, 32)))
            {
                var k = Hash2B(r, password, u.AsSpan(40, 8), []);
                return AesNoPadding(k, new byte[16], ue.AsSpan(0, 32));
            }
        }

        if (o.Length >= 48 && oe.Length >= 32 && u.Length >= 48)
        {
            var hash = Hash2B(r, password, o.AsSpan(32, 8), u.AsSpan(0, 48));
            if (hash.AsSpan(0, 32).SequenceEqual(o.AsSpan(0, 32)))
            {
                var k = Hash2B(r, password, o.AsSpan(40, 8), u.AsSpan(0, 48));
                return AesNoPadding(k, new byte[16], oe.AsSpan(0, 32));
            }
        }

        return null;
    }

    /// <summary>Algorithm 2.B (revision 6); revision 5 is a single SHA-256.</summary>
    internal static byte[] Hash2B(int r, ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> userKey)
    {
        var pw = password.Length > 127 ? password[..127] : password;
        var input = new byte[pw.Length + salt.Length + userKey.Length];
        pw.CopyTo(input);
        salt.CopyTo(input.AsSpan(pw.Length));
        userKey.CopyTo(input.AsSpan(pw.Length + salt.Length));
        byte[] k = SHA256.HashData(input);
        if (r == 5)
        {
            return k;
        }

        using var aes = Aes.Create();
        int round = 0;
        while (true)
        {
            int blockLength = pw.Length + k.Length + userKey.Length;
            var k1 = new byte[blockLength * 64];
            for (int i = 0; i < 64; i++)
            {
                int off = i * blockLength;
                pw.CopyTo(k1.AsSpan(off));
                k.CopyTo(k1.AsSpan(off + pw.Length));
                userKey.CopyTo(k1.AsSpan(off + pw.Length + k.Length));
            }

            aes.Key = k.AsSpan(0, 16).ToArray();
            var e = aes.EncryptCbc(k1, k.AsSpan(16, 16), PaddingMode.None);
            int sum = 0;
            for (int i = 0; i < 16; i++)
            {
                sum += e[i];
            }

            k = (sum % 3) switch
            {
                0 => SHA256.HashData(e),
                1 => SHA384.HashData(e),
                _ => SHA512.HashData(e),
            };
            round++;
            if (round >= 64 && e[^1] <= round - 32)
            {
                break;
            }
        }

        return k.AsSpan(0, 32).ToArray();
    }

    private static byte[] AesNoPadding(byte[] key, byte[] iv, ReadOnlySpan<byte> data)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.DecryptCbc(data, iv, PaddingMode.None);
    }

    /// <summary>Algorithm 1: the per-object key.</summary>
    internal byte[] ObjectKey(int number, int gen, bool aes)
    {
        var buf = new byte[fileKey.Length + 5 + (aes ? 4 : 0)];
        fileKey.CopyTo(buf, 0);
        int k = fileKey.Length;
        buf[k] = (byte)number;
        buf[k + 1] = (byte)(number >> 8);
        buf[k + 2] = (byte)(number >> 16);
        buf[k + 3] = (byte)gen;
        buf[k + 4] = (byte)(gen >> 8);
        if (aes)
        {
            "sAlT"u8.CopyTo(buf.AsSpan(k + 5));
        }

        var hash = MD5.HashData(buf);
        return hash.AsSpan(0, Math.Min(fileKey.Length + 5, 16)).ToArray();
    }

    public byte[] DecryptStream(byte[] data, int number, int gen, string? cryptFilterName)
    {
        var method = cryptFilterName is null ? streamMethod : namedFilters.GetValueOrDefault(cryptFilterName, CryptMethod.None);
        return Decrypt(data, number, gen, method);
    }

    private byte[] Decrypt(byte[] data, int number, int gen, CryptMethod method)
    {
        switch (method)
        {
            case CryptMethod.None:
                return data;
            case CryptMethod.Rc4:
                return Rc4.Transform(ObjectKey(number, gen, aes: false), data);
            case CryptMethod.AesV2:
                return AesDecrypt(ObjectKey(number, gen, aes: true), data);
            case CryptMethod.AesV3:
                return AesDecrypt(fileKey, data);
            default:
                return data;
        }
    }

    internal static byte[] AesDecrypt(byte[] key, byte[] data)
    {
        if (data.Length < 32)
        {
            // Only an IV (or less): an empty string.
            return [];
        }

        int usable = (data.Length - 16) / 16 * 16;
        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(data.AsSpan(16, usable), data.AsSpan(0, 16), PaddingMode.None);
        // Strip PKCS#7 padding when it is well formed.
        int pad = plain.Length > 0 ? plain[^1] : 0;
        if (pad >= 1 && pad <= 16 && pad <= plain.Length)
        {
            bool ok = true;
            for (int i = plain.Length - pad; i < plain.Length; i++)
            {
                ok &= plain[i] == pad;
            }

            if (ok)
            {
                return plain.AsSpan(0, plain.Length - pad).ToArray();
            }
        }

        return plain;
    }

    /// <summary>Decrypts every string inside an object (dictionaries, arrays, stream dictionaries).</summary>
    public void DecryptStrings(PdfObject obj, int number, int gen, int depth)
    {
        if (depth > 64 || stringMethod == CryptMethod.None)
        {
            return;
        }

        switch (obj)
        {
            case PdfString s:
                s.Bytes = Decrypt(s.Bytes, number, gen, stringMethod);
                break;
            case PdfArray a:
                foreach (var item in a.Items)
                {
                    DecryptStrings(item, number, gen, depth + 1);
                }

                break;
            case PdfDictionary d:
                foreach (var item in d.Entries.Values)
                {
                    DecryptStrings(item, number, gen, depth + 1);
                }

                break;
            case PdfStream st:
                DecryptStrings(st.Dictionary, number, gen, depth + 1);
                break;
        }
    }
}
