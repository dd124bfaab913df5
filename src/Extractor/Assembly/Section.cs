namespace Extractor.Assembly;

/// <summary>The part of a form the rows are in.</summary>
internal enum Section
{
    Head,
    Funds,
    Goals,
    Indicators,
    Done,
}
