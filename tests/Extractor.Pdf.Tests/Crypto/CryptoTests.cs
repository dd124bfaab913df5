using Extractor.Pdf.Crypto;
using Extractor.Pdf.Parsing;
using Extractor.Pdf.Tests.Support;

namespace Extractor.Pdf.Tests.Crypto;

public class CryptoTests
{
    [Fact]
    public void Rc4KnownVector()
    {
        // The classic test vector: key "Key", plaintext "Plaintext".
        var output = Rc4.Transform("Key"u8, "Plaintext"u8);
        Assert.Equal("BBF316E8D940AF0AD3", Convert.ToHexString(output));
    }

    [Fact]
    public void AesCbcWithLeadingIvAndPadding()
    {
        // openssl enc -aes-128-cbc -K 000102…0f -iv 0f0e…00 of "Hello AES PDF text!"
        var iv = Convert.FromHexString("0f0e0d0c0b0a09080706050403020100");
        var cipher = Convert.FromHexString("a75ef5c8815befd318a82be224fc19899fde37b952670dd7c8210d37358ef01d");
        var key = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
        var plain = SecurityHandler.AesDecrypt(key, [.. iv, .. cipher]);
        Assert.Equal("Hello AES PDF text!", System.Text.Encoding.ASCII.GetString(plain));
        Assert.Empty(SecurityHandler.AesDecrypt(key, iv));
    }

    [Theory]
    [InlineData("rc4-40.pdf", "aae16a1c58")]
    [InlineData("rc4-128.pdf", "60488105264d679816f4781ee9874d86")]
    [InlineData("aes-128.pdf", "60488105264d679816f4781ee9874d86")]
    [InlineData("aes-256.pdf", "21f5e0faa2ecafd62c2e27f35e808f6296401cc18ef91bd70b7600c7adc70b5f")]
    public void FileKeyMatchesQpdfAndTextDecrypts(string fileName, string qpdfKey)
    {
        // Keys printed by "qpdf --show-encryption-key" for the same files.
        var data = File.ReadAllBytes(RepoPaths.TestData("encrypted", fileName));
        var file = new PdfFile(data, PdfOpenOptions.Default, new Deadline(TimeSpan.FromSeconds(30), default));
        file.Load();
        var encrypt = file.ResolveDictionary(file.Trailer["Encrypt"])!;
        var id = ((PdfString)((PdfArray)file.Resolve(file.Trailer["ID"])!)[0]).Bytes;
        var handler = SecurityHandler.Create(file, encrypt, id);
        Assert.Equal(qpdfKey, Convert.ToHexString(handler.FileKey).ToLowerInvariant());

        using var doc = PdfDocument.Open(data);
        Assert.True(doc.IsEncrypted);
        Assert.Equal("Secret title", doc.Information.Title);
        Assert.Equal("Encrypted text 2023", PdfBuilder.Text(doc.GetPage(1)));
    }

    [Theory]
    [InlineData("aes-256-user-password.pdf")]
    [InlineData("rc4-128-user-password.pdf")]
    public void AUserPasswordGivesAnEncryptedError(string fileName)
    {
        var e = Assert.Throws<PdfReadException>(() => PdfDocument.Open(RepoPaths.TestData("encrypted", fileName)));
        Assert.Equal(PdfErrorKind.Encrypted, e.Kind);
    }

    [Fact]
    public void LegacyKeyIsRejectedForAWrongPassword()
    {
        var data = File.ReadAllBytes(RepoPaths.TestData("encrypted", "rc4-128.pdf"));
        var file = new PdfFile(data, PdfOpenOptions.Default, new Deadline(TimeSpan.FromSeconds(30), default));
        file.Load();
        var encrypt = file.ResolveDictionary(file.Trailer["Encrypt"])!;
        var id = ((PdfString)((PdfArray)file.Resolve(file.Trailer["ID"])!)[0]).Bytes;
        var o = ((PdfString)encrypt["O"]!).Bytes;
        var u = ((PdfString)encrypt["U"]!).Bytes;
        int p = (int)((PdfInteger)encrypt["P"]!).Value;
        Assert.NotNull(SecurityHandler.LegacyKeyFromUserPassword(3, 16, [], o, p, id, true, u));
        Assert.Null(SecurityHandler.LegacyKeyFromUserPassword(3, 16, "wrong"u8, o, p, id, true, u));
    }
}
