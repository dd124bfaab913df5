using System.Text;
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
/// password, an empty owner password, or the password of <see cref="PdfOpenOptions.Password"/>: RC4 40–128 bit,
/// AES-128 and AES-256 (revisions 5 and 6).
/// </summary>
internal sealed partial class SecurityHandler
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

        // The empty password first (most archived files only restrict printing or copying), then the one given.
        var given = file.Options.Password;
        byte[]? key = KeyFor(r, v, lengthBits, [], o, u, p, firstId, encryptMetadata, encrypt, file);
        if (key is null && !string.IsNullOrEmpty(given))
        {
            // Revisions 5 and 6 take UTF-8; the older ones PDFDocEncoding, which is Latin-1 for what people type.
            var bytes = r >= 5 ? Encoding.UTF8.GetBytes(given) : Encoding.Latin1.GetBytes(given);
            key = KeyFor(r, v, lengthBits, bytes, o, u, p, firstId, encryptMetadata, encrypt, file);
        }

        if (key is null)
        {
            throw new PdfReadException(
                PdfErrorKind.Encrypted,
                string.IsNullOrEmpty(given) ? "the file is encrypted and needs a password" : "the file is encrypted and the password given does not open it");
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
