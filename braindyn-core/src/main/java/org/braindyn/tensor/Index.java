package org.braindyn.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a NumPy-style index: an integer, a slice, a new axis, an ellipsis, an integer array or a boolean
 * mask. {@code x.get(Index.at(0), Index.slice(1, 3))} is NumPy's {@code x[0, 1:3]}; {@link #parse} reads that
 * text form directly: {@code x.get(Index.parse("0, 1:3, ::-1, None, ..."))}.
 */
public sealed interface Index {
    /** A single position; the axis is removed. Negative counts from the end. */
    record At(int index) implements Index {}

    /** Python slice {@code start:stop:step}; null bounds mean "from the start/to the end" in the step's direction. */
    record Range(Integer start, Integer stop, int step) implements Index {
        public Range {
            if (step == 0) throw new IllegalArgumentException("Index.slice: step must be non-zero");
        }
    }

    /** A new axis of extent 1 (NumPy {@code None}). */
    record NewAxis() implements Index {}

    /** As many full slices as needed (NumPy {@code ...}). */
    record Ellipsis() implements Index {}

    /** An int32 index array (NumPy advanced integer indexing). */
    record Take(Tensor indices) implements Index {}

    /** A boolean mask over one or more leading axes (NumPy boolean indexing). */
    record Mask(Tensor mask) implements Index {}

    /** {@code x[i]}. */
    static Index at(int i) { return new At(i); }
    /** {@code x[start:stop]}. */
    static Index slice(int start, int stop) { return new Range(start, stop, 1); }
    /** {@code x[start:stop:step]}. */
    static Index slice(Integer start, Integer stop, int step) { return new Range(start, stop, step); }
    /** {@code x[start:]}. */
    static Index from(int start) { return new Range(start, null, 1); }
    /** {@code x[:stop]}. */
    static Index to(int stop) { return new Range(null, stop, 1); }
    /** {@code x[:]}. */
    static Index all() { return new Range(null, null, 1); }
    /** {@code x[None]}. */
    static Index newAxis() { return new NewAxis(); }
    /** {@code x[...]}. */
    static Index ellipsis() { return new Ellipsis(); }
    /** {@code x[[i, j, …]]}. */
    static Index take(int... indices) { return new Take(Tensor.wrap(DType.I32, Shape.of(indices.length), indices.clone())); }
    /** {@code x[idx]} for an integer tensor. */
    static Index take(Tensor indices) {
        if (indices.dtype() == DType.BOOL) return new Mask(indices);
        if (indices.dtype() != DType.I32) throw new IllegalArgumentException("Index.take: indices must be int32 or bool; got " + indices.dtype().numpyName());
        return new Take(indices);
    }
    /** {@code x[mask]} for a boolean tensor. */
    static Index mask(Tensor mask) {
        if (mask.dtype() != DType.BOOL) throw new IllegalArgumentException("Index.mask: mask must be bool; got " + mask.dtype().numpyName());
        return new Mask(mask);
    }

    /** Parses NumPy's text form: integers, {@code a:b:c} slices, {@code None}, {@code ...}, separated by commas. */
    static Index[] parse(String text) {
        List<Index> out = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String p = raw.strip();
            if (p.equals("...")) out.add(ellipsis());
            else if (p.equals("None")) out.add(newAxis());
            else if (p.contains(":")) {
                String[] q = p.split(":", -1);
                if (q.length > 3) throw new IllegalArgumentException("Index.parse: bad slice '" + p + "' in '" + text + "'");
                Integer a = q[0].isBlank() ? null : Integer.valueOf(q[0].strip());
                Integer b = q[1].isBlank() ? null : Integer.valueOf(q[1].strip());
                int c = q.length == 3 && !q[2].isBlank() ? Integer.parseInt(q[2].strip()) : 1;
                out.add(new Range(a, b, c));
            } else {
                try {
                    out.add(at(Integer.parseInt(p)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Index.parse: cannot read '" + p + "' in '" + text
                            + "'; expected an integer, a slice like 1:3 or ::-1, None or ...", e);
                }
            }
        }
        return out.toArray(Index[]::new);
    }
}
