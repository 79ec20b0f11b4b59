package org.braindyn.datasets;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST (plain or {@code .gz}): a big-endian header — two zero
 * bytes, a type byte ({@code 0x08} unsigned byte, {@code 0x09} signed byte, {@code 0x0B} short, {@code 0x0C} int,
 * {@code 0x0D} float, {@code 0x0E} double), the number of dimensions and each dimension as a 32-bit int — then the
 * values in row-major order. Bytes become int32 tensors (0…255 for unsigned), the others their own type.
 * <pre>{@code Tensor images = Idx.read(Path.of("train-images-idx3-ubyte.gz"));   // (60000, 28, 28) int32}</pre>
 */
public final class Idx {
    private Idx() {}

    /** The array stored in {@code file}; errors name the file and what is wrong. */
    public static Tensor read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("Idx: no such file " + file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream in = new DataInputStream(file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw)) {
            int z0 = in.readUnsignedByte(), z1 = in.readUnsignedByte(), type = in.readUnsignedByte(), rank = in.readUnsignedByte();
            if (z0 != 0 || z1 != 0) throw new IOException("Idx: " + file + " is not an IDX file (it must start with two zero bytes; got " + z0 + ", " + z1 + ")");
            if (rank < 1 || rank > 8) throw new IOException("Idx: " + file + " declares " + rank + " dimensions; expected 1 to 8");
            int[] dims = new int[rank];
            long n = 1;
            for (int d = 0; d < rank; d++) {
                dims[d] = in.readInt();
                if (dims[d] < 0) throw new IOException("Idx: " + file + " has a negative dimension " + dims[d]);
                n *= dims[d];
            }
            if (n > Integer.MAX_VALUE) throw new IOException("Idx: " + file + " holds " + n + " values; more than one tensor can");
            int count = (int) n;
            try {
                return switch (type) {
                    case 0x08, 0x09 -> {
                        byte[] b = new byte[count];
                        in.readFully(b);
                        int[] v = new int[count];
                        for (int i = 0; i < count; i++) v[i] = type == 0x08 ? b[i] & 0xFF : b[i];
                        yield Tensor.wrap(DType.I32, Shape.of(dims), v);
                    }
                    case 0x0B, 0x0C -> {
                        int[] v = new int[count];
                        for (int i = 0; i < count; i++) v[i] = type == 0x0B ? in.readShort() : in.readInt();
                        yield Tensor.wrap(DType.I32, Shape.of(dims), v);
                    }
                    case 0x0D -> {
                        float[] v = new float[count];
                        for (int i = 0; i < count; i++) v[i] = in.readFloat();
                        yield Tensor.wrap(DType.F32, Shape.of(dims), v);
                    }
                    case 0x0E -> {
                        double[] v = new double[count];
                        for (int i = 0; i < count; i++) v[i] = in.readDouble();
                        yield Tensor.wrap(DType.F64, Shape.of(dims), v);
                    }
                    default -> throw new IOException("Idx: " + file + " has value type 0x" + Integer.toHexString(type) + "; expected 0x08, 0x09, 0x0b, 0x0c, 0x0d or 0x0e");
                };
            } catch (EOFException e) {
                throw new IOException("Idx: " + file + " is truncated: its header declares " + count + " values of shape " + Shape.of(dims));
            }
        }
    }
}
