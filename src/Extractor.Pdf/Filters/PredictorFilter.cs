namespace Extractor.Pdf.Filters;

/// <summary>PNG (10–15) and TIFF (2) predictors applied after Flate or LZW (§7.4.4.4).</summary>
internal static class PredictorFilter
{
    public static byte[] Apply(byte[] data, int predictor, int colors, int bitsPerComponent, int columns)
    {
        if (predictor <= 1)
        {
            return data;
        }

        colors = Math.Clamp(colors, 1, 32);
        if (bitsPerComponent is not (1 or 2 or 4 or 8 or 16))
        {
            bitsPerComponent = 8;
        }

        columns = Math.Max(1, columns);
        long rowBitsL = (long)colors * bitsPerComponent * columns;
        if (rowBitsL > int.MaxValue / 2)
        {
            return data;
        }

        // A row longer than the data is all there is of it: sizing buffers by /Columns alone would let a
        // few bytes of a file claim gigabytes.
        int rowBytes = (int)Math.Min((rowBitsL + 7) / 8, Math.Max(1, data.Length));
        int bpp = Math.Max(1, colors * bitsPerComponent / 8);
        return predictor == 2 ? Tiff(data, rowBytes, colors, bitsPerComponent, columns) : Png(data, rowBytes, bpp);
    }

    private static byte[] Png(byte[] data, int rowBytes, int bpp)
    {
        int rows = (data.Length + rowBytes) / (rowBytes + 1);
        var output = new byte[rows * rowBytes];
        var prev = new byte[rowBytes];
        int outPos = 0;
        int pos = 0;
        for (int r = 0; r < rows && pos < data.Length; r++)
        {
            int type = data[pos++];
            int available = Math.Min(rowBytes, data.Length - pos);
            var cur = output.AsSpan(outPos, rowBytes);
            data.AsSpan(pos, available).CopyTo(cur);
            pos += available;
            switch (type)
            {
                case 0:
                    break;
                case 1:
                    for (int i = bpp; i < rowBytes; i++)
                    {
                        cur[i] = (byte)(cur[i] + cur[i - bpp]);
                    }

                    break;
                case 2:
                    for (int i = 0; i < rowBytes; i++)
                    {
                        cur[i] = (byte)(cur[i] + prev[i]);
                    }

                    break;
                case 3:
                    for (int i = 0; i < rowBytes; i++)
                    {
                        int left = i >= bpp ? cur[i - bpp] : 0;
                        cur[i] = (byte)(cur[i] + ((left + prev[i]) >> 1));
                    }

                    break;
                case 4:
                    for (int i = 0; i < rowBytes; i++)
                    {
                        int a = i >= bpp ? cur[i - bpp] : 0;
                        int b = prev[i];
                        int c = i >= bpp ? prev[i - bpp] : 0;
                        cur[i] = (byte)(cur[i] + Paeth(a, b, c));
                    }

                    break;
                default:
                    // Unknown row filter: keep the bytes as they are.
                    break;
            }

            cur.CopyTo(prev);
            if (available < rowBytes)
            {
                // A short last row: only the bytes that are there.
                outPos += available;
                break;
            }

            outPos += rowBytes;
        }

        return outPos == output.Length ? output : output.AsSpan(0, outPos).ToArray();
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a);
        int pb = Math.Abs(p - b);
        int pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc)
        {
            return a;
        }

        return pb <= pc ? b : c;
    }

    private static byte[] Tiff(byte[] data, int rowBytes, int colors, int bpc, int columns)
    {
        var output = (byte[])data.Clone();
        int rows = output.Length / rowBytes;
        for (int r = 0; r < rows; r++)
        {
            var row = output.AsSpan(r * rowBytes, rowBytes);
            if (bpc == 8)
            {
                for (int i = colors; i < rowBytes; i++)
                {
                    row[i] = (byte)(row[i] + row[i - colors]);
                }
            }
            else if (bpc == 16)
            {
                for (int i = colors * 2; i + 1 < rowBytes; i += 2)
                {
                    int v = (row[i] << 8 | row[i + 1]) + (row[i - (colors * 2)] << 8 | row[i - (colors * 2) + 1]);
                    row[i] = (byte)(v >> 8);
                    row[i + 1] = (byte)v;
                }
            }
            else
            {
                // Sub-byte samples: walk bit by bit.
                int mask = (1 << bpc) - 1;
                var prev = new int[colors];
                int bitPos = 0;
                for (int col = 0; col < columns; col++)
                {
                    for (int k = 0; k < colors; k++)
                    {
                        int byteIndex = bitPos >> 3;
                        int shift = 8 - bpc - (bitPos & 7);
                        int v = (row[byteIndex] >> shift) & mask;
                        v = (v + prev[k]) & mask;
                        prev[k] = v;
                        row[byteIndex] = (byte)((row[byteIndex] & ~(mask << shift)) | (v << shift));
                        bitPos += bpc;
                    }
                }
            }
        }

        return output;
    }
}
