namespace Extractor.Pdf.Content;

/// <summary>An affine transform [a b c d e f] as in PDF: x' = a·x + c·y + e, y' = b·x + d·y + f.</summary>
internal readonly record struct Matrix(double A, double B, double C, double D, double E, double F)
{
    public static readonly Matrix Identity = new(1, 0, 0, 1, 0, 0);

    /// <summary>This transform followed by <paramref name="other"/> (PDF's "this × other").</summary>
    public Matrix Multiply(in Matrix other) => new(
        (A * other.A) + (B * other.C),
        (A * other.B) + (B * other.D),
        (C * other.A) + (D * other.C),
        (C * other.B) + (D * other.D),
        (E * other.A) + (F * other.C) + other.E,
        (E * other.B) + (F * other.D) + other.F);

    public (double X, double Y) Transform(double x, double y) => ((A * x) + (C * y) + E, (B * x) + (D * y) + F);

    public (double X, double Y) TransformVector(double x, double y) => ((A * x) + (C * y), (B * x) + (D * y));

    public double Determinant => (A * D) - (B * C);

    public Matrix Inverse()
    {
        double det = Determinant;
        if (det == 0 || double.IsNaN(det))
        {
            return Identity;
        }

        return new Matrix(D / det, -B / det, -C / det, A / det, ((C * F) - (D * E)) / det, ((B * E) - (A * F)) / det);
    }

    public static Matrix Translation(double x, double y) => new(1, 0, 0, 1, x, y);
}
