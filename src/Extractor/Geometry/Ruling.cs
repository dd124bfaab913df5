namespace Extractor.Geometry;

/// <summary>A ruling line of a table in display space (points, origin bottom-left).</summary>
/// <param name="X0">Start x.</param>
/// <param name="Y0">Start y.</param>
/// <param name="X1">End x.</param>
/// <param name="Y1">End y.</param>
internal readonly record struct Ruling(double X0, double Y0, double X1, double Y1)
{
    /// <summary>Largest slope error, in points, for a line to count as horizontal or vertical.</summary>
    public const double AxisTolerance = 1.0;

    /// <summary>True when the line runs left to right.</summary>
    public bool IsHorizontal => Math.Abs(Y1 - Y0) <= AxisTolerance && Math.Abs(X1 - X0) > AxisTolerance;

    /// <summary>True when the line runs top to bottom.</summary>
    public bool IsVertical => Math.Abs(X1 - X0) <= AxisTolerance && Math.Abs(Y1 - Y0) > AxisTolerance;
}
