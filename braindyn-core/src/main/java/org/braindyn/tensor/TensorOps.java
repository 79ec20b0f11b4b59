package org.braindyn.tensor;

/**
 * Chaining instance methods of {@link Tensor}, each a shortcut for the {@link BM} function of the same name:
 * {@code x.mul(2).add(y).exp().sum(0)}.
 */
public abstract sealed class TensorOps permits Tensor {
    TensorOps() {}

    abstract Tensor self();

    /** {@code this + y}. */ public Tensor add(Tensor y) { return BM.add(self(), y); }
    /** {@code this + y}. */ public Tensor add(double y) { return BM.add(self(), y); }
    /** {@code this - y}. */ public Tensor sub(Tensor y) { return BM.subtract(self(), y); }
    /** {@code this - y}. */ public Tensor sub(double y) { return BM.subtract(self(), y); }
    /** {@code this * y}. */ public Tensor mul(Tensor y) { return BM.multiply(self(), y); }
    /** {@code this * y}. */ public Tensor mul(double y) { return BM.multiply(self(), y); }
    /** {@code this / y} (true division). */ public Tensor div(Tensor y) { return BM.divide(self(), y); }
    /** {@code this / y} (true division). */ public Tensor div(double y) { return BM.divide(self(), y); }
    /** {@code this // y}. */ public Tensor floorDiv(Tensor y) { return BM.floorDivide(self(), y); }
    /** {@code this % y}. */ public Tensor rem(Tensor y) { return BM.remainder(self(), y); }
    /** {@code this % y}. */ public Tensor rem(double y) { return BM.remainder(self(), y); }
    /** {@code this ** y}. */ public Tensor pow(Tensor y) { return BM.power(self(), y); }
    /** {@code this ** y}. */ public Tensor pow(double y) { return BM.power(self(), y); }
    /** {@code -this}. */ public Tensor neg() { return BM.negative(self()); }
    /** {@code |this|}. */ public Tensor abs() { return BM.abs(self()); }
    /** {@code e^this}. */ public Tensor exp() { return BM.exp(self()); }
    /** Natural log. */ public Tensor log() { return BM.log(self()); }
    /** Square root. */ public Tensor sqrt() { return BM.sqrt(self()); }
    /** {@code this²}. */ public Tensor square() { return BM.square(self()); }
    /** Hyperbolic tangent. */ public Tensor tanh() { return BM.tanh(self()); }
    /** Logistic sigmoid. */ public Tensor sigmoid() { return BM.sigmoid(self()); }
    /** {@code max(this, 0)}. */ public Tensor relu() { return BM.relu(self()); }
    /** Clip to {@code [lo, hi]}. */ public Tensor clip(double lo, double hi) { return BM.clip(self(), lo, hi); }
    /** Elementwise maximum. */ public Tensor maximum(Tensor y) { return BM.maximum(self(), y); }
    /** Elementwise minimum. */ public Tensor minimum(Tensor y) { return BM.minimum(self(), y); }

    /** {@code this < y}. */ public Tensor lt(Tensor y) { return BM.less(self(), y); }
    /** {@code this < y}. */ public Tensor lt(double y) { return BM.less(self(), y); }
    /** {@code this <= y}. */ public Tensor le(Tensor y) { return BM.lessEqual(self(), y); }
    /** {@code this <= y}. */ public Tensor le(double y) { return BM.lessEqual(self(), y); }
    /** {@code this > y}. */ public Tensor gt(Tensor y) { return BM.greater(self(), y); }
    /** {@code this > y}. */ public Tensor gt(double y) { return BM.greater(self(), y); }
    /** {@code this >= y}. */ public Tensor ge(Tensor y) { return BM.greaterEqual(self(), y); }
    /** {@code this >= y}. */ public Tensor ge(double y) { return BM.greaterEqual(self(), y); }
    /** {@code this == y} elementwise. */ public Tensor eq(Tensor y) { return BM.equal(self(), y); }
    /** {@code this == y} elementwise. */ public Tensor eq(double y) { return BM.equal(self(), y); }
    /** {@code this != y} elementwise. */ public Tensor ne(Tensor y) { return BM.notEqual(self(), y); }
    /** {@code this != y} elementwise. */ public Tensor ne(double y) { return BM.notEqual(self(), y); }
    /** Logical and. */ public Tensor and(Tensor y) { return BM.logicalAnd(self(), y); }
    /** Logical or. */ public Tensor or(Tensor y) { return BM.logicalOr(self(), y); }
    /** Logical not. */ public Tensor not() { return BM.logicalNot(self()); }

    /** Sum over axes (all when none). */ public Tensor sum(int... axes) { return BM.sum(self(), axes); }
    /** Mean over axes. */ public Tensor mean(int... axes) { return BM.mean(self(), axes); }
    /** Max over axes. */ public Tensor max(int... axes) { return BM.max(self(), axes); }
    /** Min over axes. */ public Tensor min(int... axes) { return BM.min(self(), axes); }
    /** Product over axes. */ public Tensor prod(int... axes) { return BM.prod(self(), axes); }
    /** Population std over axes. */ public Tensor std(int... axes) { return BM.std(self(), axes); }
    /** Population variance over axes. */ public Tensor var(int... axes) { return BM.var(self(), axes); }
    /** Any non-zero. */ public Tensor any(int... axes) { return BM.any(self(), axes); }
    /** All non-zero. */ public Tensor all(int... axes) { return BM.all(self(), axes); }
    /** Argmax along an axis. */ public Tensor argmax(int axis) { return BM.argmax(self(), axis); }
    /** Argmax of the flattened tensor. */ public Tensor argmax() { return BM.argmax(self()); }
    /** Argmin along an axis. */ public Tensor argmin(int axis) { return BM.argmin(self(), axis); }
    /** Argmin of the flattened tensor. */ public Tensor argmin() { return BM.argmin(self()); }
    /** Cumulative sum along an axis. */ public Tensor cumsum(int axis) { return BM.cumsum(self(), axis); }

    /** Reshape (one extent may be -1). */ public Tensor reshape(int... shape) { return BM.reshape(self(), shape); }
    /** Flatten to 1-D. */ public Tensor flatten() { return BM.flatten(self()); }
    /** Permute axes (reverse when none). */ public Tensor transpose(int... axes) { return BM.transpose(self(), axes); }
    /** Reversed axes (NumPy {@code .T}). */ public Tensor T() { return BM.transpose(self()); }
    /** Insert an axis. */ public Tensor expandDims(int axis) { return BM.expandDims(self(), axis); }
    /** Remove extent-1 axes. */ public Tensor squeeze(int... axes) { return BM.squeeze(self(), axes); }
    /** Broadcast view. */ public Tensor broadcastTo(int... shape) { return BM.broadcastTo(self(), shape); }
    /** Reverse along axes. */ public Tensor flip(int... axes) { return BM.flip(self(), axes); }
    /** Convert dtype. */ public Tensor astype(DType dtype) { return BM.astype(self(), dtype); }

    /** NumPy indexing {@code this[idx…]}. */ public Tensor get(Index... idx) { return BM.get(self(), idx); }
    /** NumPy indexing from text, e.g. {@code get("0, 1:3")}. */ public Tensor get(String idx) { return BM.get(self(), Index.parse(idx)); }
    /** Functional updates at an index. */ public Indexing.At at(Index... idx) { return BM.at(self(), idx); }
    /** Functional updates at a text index. */ public Indexing.At at(String idx) { return BM.at(self(), Index.parse(idx)); }

    /** Matrix product. */ public Tensor matmul(Tensor y) { return BM.matmul(self(), y); }
    /** NumPy {@code dot}. */ public Tensor dot(Tensor y) { return BM.dot(self(), y); }
}
