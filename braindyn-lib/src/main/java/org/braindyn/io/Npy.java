package org.braindyn.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Storage;
import org.braindyn.tensor.Tensor;

/**
 * NumPy's {@code .npy} format, version 1.0: the magic {@code \x93NUMPY}, a little-endian header length, a
 * Python-dict header ({@code descr}, {@code fortran_order}, {@code shape}) padded to a multiple of 64 bytes, then
 * the raw elements. Writes exactly the bytes {@code numpy.save} writes (C order, little-endian). Reads what NumPy
 * writes: either byte order, C or Fortran order, versions 1–3, and the element types bool, int8/16/32/64,
 * uint8/16/32 (widened or range-checked into int32), float32 and float64.
 * <pre>{@code
 * Npy.write(Path.of("v.npy"), BM.linspace(0, 1, 5));   // np.load("v.npy") -> array([0., .25, .5, .75, 1.], dtype=float32)
 * Tensor t = Npy.read(Path.of("v.npy"));
 * }</pre>
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|=])([a-zA-Z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** The {@code .npy} encoding of {@code t}. */
    public static byte[] toBytes(Tensor t) {
        StringBuilder h = new StringBuilder("{'descr': '").append(t.dtype().descr()).append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < t.ndim(); i++) h.append(i == 0 ? "" : ", ").append(t.dim(i));
        if (t.ndim() == 1) h.append(',');
        h.append("), }");
        int total = MAGIC.length + 4 + h.length() + 1;
        h.append(" ".repeat((64 - total % 64) % 64)).append('\n');
        byte[] header = h.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + header.length + t.size() * t.dtype().byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length).put(header);
        Object flat = Storage.copyToFlat(t);
        switch (t.dtype()) {
            case F32 -> b.asFloatBuffer().put((float[]) flat);
            case F64 -> b.asDoubleBuffer().put((double[]) flat);
            case I32 -> b.asIntBuffer().put((int[]) flat);
            case BOOL -> { int p = b.position(); for (boolean v : (boolean[]) flat) b.put(p++, (byte) (v ? 1 : 0)); }
        }
        return b.array();
    }

    /** Decodes a {@code .npy} byte array. */
    public static Tensor fromBytes(byte[] bytes, String source) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < MAGIC.length; i++)
            if (bytes.length <= i || bytes[i] != MAGIC[i]) throw new IllegalArgumentException(source + ": not a .npy file (bad magic)");
        if (bytes.length < 10) throw new IllegalArgumentException(source + ": truncated .npy file; " + bytes.length + " bytes is shorter than the 10-byte preamble");
        int major = bytes[6];
        if (major < 1 || major > 3) throw new IllegalArgumentException(source + ": unsupported .npy version " + major + "." + bytes[7] + "; expected 1.0, 2.0 or 3.0");
        if (major > 1 && bytes.length < 12) throw new IllegalArgumentException(source + ": truncated .npy file; " + bytes.length + " bytes is shorter than the 12-byte preamble of version " + major);
        b.position(8);
        long hlen = major == 1 ? Short.toUnsignedInt(b.getShort()) : Integer.toUnsignedLong(b.getInt());
        if (b.position() + hlen > bytes.length)
            throw new IllegalArgumentException(source + ": truncated .npy header; it declares " + hlen + " bytes, the file has " + (bytes.length - b.position()) + " after the preamble");
        String header = new String(bytes, b.position(), (int) hlen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        b.position(b.position() + (int) hlen);
        Matcher d = DESCR.matcher(header), f = FORTRAN.matcher(header), s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) throw new IllegalArgumentException(source + ": cannot parse .npy header " + header.strip());
        int[] shape = parseShape(s.group(1), source);
        boolean fortran = f.group(1).equals("True");
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        char kind = d.group(2).charAt(0);
        int width = Integer.parseInt(d.group(3));
        int[] stored = fortran ? reverse(shape) : shape;
        Tensor t = decode(b.slice().order(order), kind, width, Shape.of(stored), source, d.group());
        return fortran ? t.transpose().contiguous() : t;
    }

    private static Tensor decode(ByteBuffer b, char kind, int width, Shape s, String source, String descr) {
        int n = s.size();
        if (b.remaining() < (long) n * width) throw new IllegalArgumentException(source + ": truncated data; expected " + (long) n * width + " bytes, found " + b.remaining());
        return switch (kind + "" + width) {
            case "f4" -> { float[] a = new float[n]; b.asFloatBuffer().get(a); yield Tensor.wrap(DType.F32, s, a); }
            case "f8" -> { double[] a = new double[n]; b.asDoubleBuffer().get(a); yield Tensor.wrap(DType.F64, s, a); }
            case "i4" -> { int[] a = new int[n]; b.asIntBuffer().get(a); yield Tensor.wrap(DType.I32, s, a); }
            case "b1" -> { boolean[] a = new boolean[n]; for (int i = 0; i < n; i++) a[i] = b.get(i) != 0; yield Tensor.wrap(DType.BOOL, s, a); }
            case "i1", "u1", "i2", "u2", "u4", "i8" -> {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    long v = switch (kind + "" + width) {
                        case "i1" -> b.get(i);
                        case "u1" -> Byte.toUnsignedInt(b.get(i));
                        case "i2" -> b.getShort(2 * i);
                        case "u2" -> Short.toUnsignedInt(b.getShort(2 * i));
                        case "u4" -> Integer.toUnsignedLong(b.getInt(4 * i));
                        default -> b.getLong(8 * i);
                    };
                    if (v != (int) v) throw new IllegalArgumentException(source + ": value " + v + " at element " + i + " of a " + descr + " array does not fit int32");
                    a[i] = (int) v;
                }
                yield Tensor.wrap(DType.I32, s, a);
            }
            default -> throw new IllegalArgumentException(source + ": unsupported element type " + descr
                    + "; expected bool, int8..int64, uint8..uint32, float32 or float64");
        };
    }

    private static int[] parseShape(String text, String source) {
        String t = text.strip();
        if (t.isEmpty()) return new int[0];
        String[] parts = t.split(",");
        int n = 0;
        int[] out = new int[parts.length];
        for (String p : parts) {
            if (p.isBlank()) continue;
            String digits = p.strip().replace("L", "");
            int d;
            try {
                d = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": bad .npy header: shape (" + t + ") has '" + p.strip() + "'; expected non-negative integers", e);
            }
            if (d < 0) throw new IllegalArgumentException(source + ": bad .npy header: shape (" + t + ") has the negative extent " + d);
            out[n++] = d;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int[] reverse(int[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[a.length - 1 - i];
        return r;
    }

    /** Writes {@code t} to {@code path} atomically (temporary file, then rename). */
    public static void write(Path path, Tensor t) throws IOException { AtomicFiles.write(path, toBytes(t)); }

    /** Reads a {@code .npy} file. */
    public static Tensor read(Path path) throws IOException {
        if (!Files.exists(path)) throw new java.nio.file.NoSuchFileException(path.toString(), null, "no such .npy file");
        return fromBytes(Files.readAllBytes(path), path.toString());
    }

    /** Reads a {@code .npy} stream to its end. */
    public static Tensor read(InputStream in, String source) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return fromBytes(buf.toByteArray(), source);
    }
}
