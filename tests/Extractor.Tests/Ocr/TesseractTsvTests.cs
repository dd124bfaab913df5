
using Extractor.Sources.Ocr;

namespace Extractor.Tests.Ocr;

public sealed class TesseractTsvTests
{
    private const string Tsv =
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
        "1\t1\t0\t0\t0\t0\t0\t0\t430\t340\t-1\t\n" +
        "4\t1\t1\t1\t1\t0\t20\t158\t378\t54\t-1\t\n" +
        "5\t1\t1\t1\t1\t1\t71\t158\t327\t39\t80.790527\t完成\n" +
        "5\t1\t1\t1\t1\t2\t176\t133\t38\t83\t92.873573\t县\n" +
        "5\t1\t1\t1\t2\t1\t71\t210\t36\t38\t13.24791\t   \n" +
        "5\t2\t1\t1\t1\t1\t76\t36\t131\t74\t73.675903\t>1280\r\n" +
        "5\t2\t1\tx\t1\t1\t76\t36\t131\t74\t73.6\tbad\n" +
        "5\t2\t1\t1\t1\n";

    [Fact]
    public void ReadsWordsWithTheirImageBoxAndConfidence()
    {
        var words = TesseractTsv.Parse(Tsv);
        Assert.Equal(["完成", "县", ">1280"], words.Select(w => w.Text));
        Assert.Equal(new OcrWord(0, 1, 1, 1, 71, 158, 327, 39, 80.790527, "完成"), words[0]);
        Assert.Equal(1, words[2].Image);
        Assert.Equal(207, words[2].Right);
        Assert.Equal(110, words[2].Bottom);
    }

    [Fact]
    public void EmptyOutputHasNoWords() => Assert.Empty(TesseractTsv.Parse(string.Empty));
}
