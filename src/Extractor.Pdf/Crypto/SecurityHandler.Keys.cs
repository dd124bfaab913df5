using System.Security.Cryptography;
using Extractor.Pdf.Parsing;

// MD5 and RC4 are what the PDF standard security handler prescribes; reading such files needs them.
#pragma warning disable CA5351

namespace Extractor.Pdf.Crypto;

/// <summary>The file key from a password: the standard security handler's algorithms 2 to 7 and 2.A/2.B.</summary>
internal sealed partial class SecurityHandler
{
    /// <summary>The file key from <paramref name="password"/> as user password, then as owner password; null when it opens neither.</summary>
    private static byte[]? KeyFor(int r, int v, int lengthBits, byte[] password, byte[] o, byte[] u, int p, byte[] firstId, bool encryptMetadata, PdfDictionary encrypt, PdfFile file)
    {
        if (r >= 5)
        {
            byte[] ue = (file.Resolve(encrypt["UE"]) as PdfString)?.Bytes ?? [];
            byte[] oe = (file.Resolve(encrypt["OE"]) as PdfString)?.Bytes ?? [];
            return AesV3Key(r, password, u, ue, o, oe);
        }

        int n = v == 1 ? 5 : Math.Clamp(lengthBits / 8, 5, 16);
        return LegacyKeyFromUserPassword(r, n, password, o, p, firstId, encryptMetadata, u)
            ?? LegacyKeyFromUserPassword(r, n, UserPasswordFromOwner(r, n, password, o), o, p, firstId, encryptMetadata, u);
    }

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
}
