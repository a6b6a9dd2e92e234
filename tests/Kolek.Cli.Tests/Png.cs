using System.Buffers.Binary;
using System.IO.Compression;

namespace Kolek.Cli.Tests;

/// <summary>A minimal PNG decoder (8-bit RGB/RGBA, non-interlaced: what Chromium writes), enough to count a screenshot's colours.</summary>
internal sealed record Png(int Width, int Height, int BytesPerPixel, byte[] Pixels)
{
    private static readonly byte[] s_signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static Png Decode(byte[] file)
    {
        if (file.Length < 8 || !file.AsSpan(0, 8).SequenceEqual(s_signature))
        {
            throw new InvalidDataException("Not a PNG file.");
        }

        int width = 0, height = 0, bpp = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at + 8 <= file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                var (depth, colour, interlace) = (data[8], data[9], data[12]);
                if (depth != 8 || interlace != 0 || colour is not (2 or 6))
                {
                    throw new InvalidDataException($"Unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}.");
                }

                bpp = colour == 6 ? 4 : 3;
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        return new Png(width, height, bpp, Unfilter(inflated.ToArray(), width, height, bpp));
    }

    /// <summary>The number of distinct colours (RGB, alpha ignored).</summary>
    public int DistinctColours()
    {
        var colours = new HashSet<int>();
        for (var i = 0; i < Pixels.Length; i += BytesPerPixel)
        {
            colours.Add(Pixels[i] << 16 | Pixels[i + 1] << 8 | Pixels[i + 2]);
        }

        return colours.Count;
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int bpp)
    {
        var stride = width * bpp;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var src = raw.AsSpan(y * (stride + 1) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var prior = y == 0 ? new byte[stride] : pixels.AsSpan((y - 1) * stride, stride);
            for (var x = 0; x < stride; x++)
            {
                int a = x >= bpp ? row[x - bpp] : 0, b = prior[x], c = x >= bpp ? prior[x - bpp] : 0;
                row[x] = (byte)(src[x] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
                });
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
