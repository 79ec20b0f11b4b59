package org.braindyn.tensor;

/**
 * NumPy-style printing: {@code Tensor([[1.5, 2.5]], dtype=float32)}. Whole floats print as {@code 1.}; large
 * tensors (over 1000 elements) are summarised with {@code ...}, three items from each end of an axis; at most
 * 8 decimals are shown, as NumPy does.
 */
final class TensorFormat {
    private static final int THRESHOLD = 1000, EDGE = 3, PRECISION = 8;

    private TensorFormat() {}

    static String repr(Tensor t) {
        Tensor c = t.contiguous();
        boolean summarise = t.size() > THRESHOLD;
        boolean allWhole = true;
        if (t.dtype().isFloating()) {
            for (int i = 0; i < c.size(); i++) {
                double v = c.readDouble(c.offset() + i);
                if (Double.isFinite(v) && v != Math.rint(v)) { allWhole = false; break; }
            }
        }
        StringBuilder sb = new StringBuilder("Tensor(");
        int indent = sb.length();
        append(sb, c, 0, c.offset(), indent, summarise, allWhole);
        return sb.append(", dtype=").append(t.dtype().numpyName()).append(')').toString();
    }

    private static void append(StringBuilder sb, Tensor c, int axis, int off, int indent, boolean summ, boolean whole) {
        if (axis == c.ndim()) { sb.append(element(c, off, whole)); return; }
        int n = c.dim(axis), stride = c.stride(axis);
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(axis == c.ndim() - 1 ? ", " : "," + "\n".repeat(c.ndim() - axis - 1) + " ".repeat(indent + axis + 1));
            if (summ && n > 2 * EDGE && i == EDGE) {
                sb.append("...");
                i = n - EDGE - 1;
                continue;
            }
            append(sb, c, axis + 1, off + i * stride, indent, summ, whole);
        }
        sb.append(']');
    }

    private static String element(Tensor c, int off, boolean whole) {
        return switch (c.dtype()) {
            case BOOL -> c.readDouble(off) != 0 ? "True" : "False";
            case I32 -> Integer.toString((int) c.readDouble(off));
            case F32, F64 -> floatText(c.readDouble(off), c.dtype() == DType.F32, whole);
        };
    }

    static String floatText(double v, boolean f32, boolean whole) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (whole && Math.abs(v) < 1e16) return (v == 0 && 1 / v < 0 ? "-" : "") + (long) Math.abs(v) * (v < 0 ? -1 : 1) + ".";
        String s = f32 ? Float.toString((float) v) : Double.toString(v);
        if (s.contains("E")) {                    // 1.0E-5 -> 1.e-05
            String mant = s.substring(0, s.indexOf('E')), exp = s.substring(s.indexOf('E') + 1);
            if (mant.endsWith(".0")) mant = mant.substring(0, mant.length() - 1);
            int e = Integer.parseInt(exp);
            return mant + "e" + (e < 0 ? "-" : "+") + (Math.abs(e) < 10 ? "0" : "") + Math.abs(e);
        }
        int dot = s.indexOf('.');
        if (dot >= 0 && s.length() - dot - 1 > PRECISION) {   // NumPy prints at most 8 decimals
            String r = new java.math.BigDecimal(s).setScale(PRECISION, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
            return r.contains(".") ? r : r + ".";
        }
        return s;
    }
}
