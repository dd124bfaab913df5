namespace Extractor.Fuzz;

/// <summary>The outcome of one case.</summary>
/// <param name="Id">The case id (seed or <c>crafted/NAME</c>).</param>
/// <param name="FileName">The input's name.</param>
/// <param name="Description">How it was made.</param>
/// <param name="Class">What became of it.</param>
/// <param name="Detail">Why a failure is one; for others, the diagnostic codes.</param>
/// <param name="Elapsed">Wall time of the conversion.</param>
/// <param name="PeakManagedBytes">Highest managed heap seen while it ran.</param>
/// <param name="PeakWorkingSetBytes">How far the working set of the process rose above where it was when the case started.</param>
/// <param name="Forms">Forms found.</param>
/// <param name="TimedOut">The conversion stopped at its time limit (and said so).</param>
public sealed record CaseResult(
    string Id,
    string FileName,
    string Description,
    CaseClass Class,
    string Detail,
    TimeSpan Elapsed,
    long PeakManagedBytes,
    long PeakWorkingSetBytes,
    int Forms,
    bool TimedOut);
