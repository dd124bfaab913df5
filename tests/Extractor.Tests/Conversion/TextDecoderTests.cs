using System.Text;
using Extractor.Sources.Text;

namespace Extractor.Tests.Conversion;

/// <summary>The bytes of a row-text file to text, or a reason why they are not text: TextDecoder.Decode.</summary>
public class TextDecoderTests
{
    private const string Sample = "财政项目支出绩效自评表\t\t\n(2023 年度)\r\n\t年度资金总额\t11,999,665.86\t100.00%\n";

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Bytes(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static void AssertRefused(DecodedText decoded, string reason)
    {
        Assert.Null(decoded.Text);
        Assert.NotNull(decoded.Error);
        Assert.Contains(reason, decoded.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyBytesAreRefused()
    {
        AssertRefused(TextDecoder.Decode([]), "empty");
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\r\n\t\n")]
    [InlineData("\u3000\n")]
    public void WhitespaceOnlyIsRefused(string text)
    {
        AssertRefused(TextDecoder.Decode(Encoding.UTF8.GetBytes(text)), "whitespace");
    }

    [Fact]
    public void OnlyAByteOrderMarkIsRefused()
    {
        var decoded = TextDecoder.Decode([0xEF, 0xBB, 0xBF]);
        Assert.Null(decoded.Text);
        Assert.NotNull(decoded.Error);
    }

    [Fact]
    public void NulBytesMeanBinary()
    {
        AssertRefused(TextDecoder.Decode(Bytes(Encoding.UTF8.GetBytes("项目名称"), [0], Encoding.UTF8.GetBytes("abc"))), "binary");
    }

    [Fact]
    public void ManyControlCharactersMeanBinary()
    {
        AssertRefused(TextDecoder.Decode([0x01, 0x02, 0x03, 0x61, 0x62, 0x04, 0x05, 0x1B, 0x7F, 0x63]), "binary");
    }

    [Fact]
    public void AStrayControlCharacterInALongTextIsTolerated()
    {
        var text = string.Concat(Enumerable.Repeat("财政项目支出绩效自评表\t年度资金总额\n", 10)) + "\u0007";
        Assert.Equal(text, TextDecoder.Decode(Encoding.UTF8.GetBytes(text)).Text);
    }

    [Fact]
    public void Utf8WithoutByteOrderMarkKeepsEveryCharacter()
    {
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(Sample));
        Assert.Null(decoded.Error);
        Assert.Equal(Sample, decoded.Text);
    }

    [Fact]
    public void Utf8ByteOrderMarkIsDropped()
    {
        var decoded = TextDecoder.Decode(Bytes([0xEF, 0xBB, 0xBF], Encoding.UTF8.GetBytes(Sample)));
        Assert.Null(decoded.Error);
        Assert.Equal(Sample, decoded.Text);
    }

    [Fact]
    public void Utf16LittleEndianWithByteOrderMark()
    {
        var decoded = TextDecoder.Decode(Bytes([0xFF, 0xFE], Encoding.Unicode.GetBytes(Sample)));
        Assert.Null(decoded.Error);
        Assert.Equal(Sample, decoded.Text);
    }

    [Fact]
    public void Utf16BigEndianWithByteOrderMark()
    {
        var decoded = TextDecoder.Decode(Bytes([0xFE, 0xFF], Encoding.BigEndianUnicode.GetBytes(Sample)));
        Assert.Null(decoded.Error);
        Assert.Equal(Sample, decoded.Text);
    }

    [Fact]
    public void Utf16OfAsciiTextIsNotTakenForBinary()
    {
        Assert.Equal("a\tb\n", TextDecoder.Decode(Bytes([0xFF, 0xFE], Encoding.Unicode.GetBytes("a\tb\n"))).Text);
    }

    [Fact]
    public void Gb18030IsReadWhenTheBytesAreNotUtf8()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(Sample);
        Assert.Throws<DecoderFallbackException>(() => StrictUtf8.GetString(bytes));
        var decoded = TextDecoder.Decode(bytes);
        Assert.Null(decoded.Error);
        Assert.Equal(Sample, decoded.Text);
    }

    [Fact]
    public void Gb18030FourByteCharactersAreRead()
    {
        const string text = "\U00020000号项目\t“两新”党支部数量\n";
        var decoded = TextDecoder.Decode(Encoding.GetEncoding("GB18030").GetBytes(text));
        Assert.Equal(text, decoded.Text);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x62, 0x63, 0xFF, 0x64, 0x65, 0x66 })]
    [InlineData(new byte[] { 0x61, 0x62, 0x63, 0x81 })]
    public void BytesThatAreNeitherUtf8NorGb18030AreRefused(byte[] bytes)
    {
        AssertRefused(TextDecoder.Decode(bytes), "neither UTF-8 nor GB18030");
    }

    [Fact]
    public void FormFeedsAndTabsAreText()
    {
        Assert.Equal("a\tb\n\fc", TextDecoder.Decode(Encoding.UTF8.GetBytes("a\tb\n\fc")).Text);
    }

    [Fact]
    public void TheSeedDecodesAsItsUtf8Text()
    {
        var decoded = TextDecoder.Decode(File.ReadAllBytes(SeedFile.Path));
        Assert.Null(decoded.Error);
        Assert.Equal(File.ReadAllText(SeedFile.Path, Encoding.UTF8), decoded.Text);
    }
}
