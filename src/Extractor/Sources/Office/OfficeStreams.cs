using System.Runtime.InteropServices;

namespace Extractor.Sources.Office;

/// <summary>Read-only streams over the input's bytes, for the container readers.</summary>
internal static class OfficeStreams
{
    /// <summary>A read-only stream over <paramref name="bytes"/>, without a copy when they are an array.</summary>
    public static MemoryStream ReadOnly(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
}
