using Extractor.Cli.Batch;

namespace Extractor.Cli.Tests.Batch;

public sealed class OutputNamesTests
{
    [Fact]
    public void TheExtensionIsReplacedUnlessTwoInputsWouldShareAName()
    {
        var names = InputWalker.OutputNames(["b.pdf", "b.txt", "c.txt", "d.PDF", "e.pdf.txt", ".txt", "f.g.txt"]);

        Assert.Equal("b.pdf.json", names["b.pdf"]);
        Assert.Equal("b.txt.json", names["b.txt"]);
        Assert.Equal("c.json", names["c.txt"]);
        Assert.Equal("d.json", names["d.PDF"]);
        Assert.Equal("e.pdf.txt.json", names["e.pdf.txt"]); // "e.pdf.json" would be b.pdf's kind of name
        Assert.Equal(".txt.json", names[".txt"]);
        Assert.Equal("f.g.json", names["f.g.txt"]);
        Assert.Equal(names.Count, names.Values.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void CaseVariantsOfAnExtensionKeepTheirNamesApart()
    {
        var names = InputWalker.OutputNames(["x.pdf", "x.PDF"]);

        Assert.Equal("x.pdf.json", names["x.pdf"]);
        Assert.Equal("x.PDF.json", names["x.PDF"]);
    }
}
