namespace Extractor.Sources.Kinds;

/// <summary>What an input's bytes are.</summary>
/// <param name="Name">Short name, the same in messages and summaries: <c>pdf</c>, <c>png</c>, <c>xlsx</c>, <c>doc</c>, <c>zip</c>, <c>binary</c>, …</param>
/// <param name="Description">What it is, for messages: "a PNG image", "a Word 97–2003 document (.doc, .wps)".</param>
/// <param name="Route">The reader it goes to.</param>
internal sealed record InputType(string Name, string Description, InputRoute Route);
