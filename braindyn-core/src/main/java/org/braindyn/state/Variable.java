package org.braindyn.state;

import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * A named, typed, mutable reference to a {@link Tensor} value: the only kind of state that changes during a
 * simulation or training (BrainPy's {@code bm.Variable}). Its dtype and shape are fixed at construction; every
 * update checks them and fails with a {@link MathError} naming the variable. Updates replace the value with a
 * new tensor, so values read earlier (and views of them) never change.
 *
 * <p>An optional batch axis may change extent between values (a new batch size), all other axes may not.
 * <pre>{@code
 * Variable v = new Variable(BM.arange(4), "v");
 * v.setAt(new Index[] {Index.at(0)}, 10);      // v[0] = 10          -> [10, 1, 2, 3]
 * v.set("1:3", BM.full(new int[] {2}, 9));     // v[1:3] = 9 (cast)  -> [10, 9, 9, 3]
 * v.subAssign(3); v.shiftLeftAssign(1);        // v -= 3; v <<= 1    -> [14, 12, 12, 0]
 * v.update(BM.array(new float[] {1, 1, 1, 0})); // MathError: dtype int32 vs float32
 * }</pre>
 */
public class Variable {
    private String name;
    private final DType dtype;
    private final Shape shape;
    private final int batchAxis;
    private Tensor value;
    private java.util.List<Constraint> constraints = java.util.List.of();

    /**
     * A condition every value of a variable must meet (e.g. a time constant stays positive), checked by
     * {@link #set} on concrete values; symbolic values inside a trace are not checked.
     *
     * @param owner    who asks, for messages (e.g. {@code "Lif 'E'.tau"})
     * @param expected what is allowed, for messages (e.g. {@code "> 0 ms for every neuron"})
     * @param holds    true when a value is allowed
     */
    public record Constraint(String owner, String expected, java.util.function.Predicate<Tensor> holds) {}

    /** A variable holding {@code init}, unnamed until a module discovers it. */
    public Variable(Tensor init) { this(init, null, -1); }

    /** A variable with an explicit name for messages. */
    public Variable(Tensor init, String name) { this(init, name, -1); }

    /** A variable whose {@code batchAxis} (or -1 for none) may change extent between values. */
    public Variable(Tensor init, String name, int batchAxis) {
        if (init == null) throw new IllegalArgumentException("Variable" + (name == null ? "" : " '" + name + "'") + ": initial value must not be null");
        this.value = init;
        this.name = name;
        this.dtype = init.dtype();
        this.shape = init.shape();
        if (batchAxis < -1 || batchAxis >= Math.max(init.ndim(), 1) && batchAxis != -1)
            throw new IllegalArgumentException(describe() + ": batch axis " + batchAxis + " is out of range for shape " + init.shape());
        this.batchAxis = batchAxis;
    }

    /** Observes reads and writes of variables on this thread; the compiler installs one while it traces. */
    public interface Watcher {
        /** {@code v}, now holding {@code current}, is about to be read. */
        void beforeRead(Variable v, Tensor current);
        /** {@code v}, now holding {@code current}, is about to be given a new value. */
        void beforeWrite(Variable v, Tensor current);
    }

    private static final ScopedValue<Watcher> WATCHER = ScopedValue.newInstance();

    /** Runs {@code body} with {@code w} told of every variable read and write on this thread meanwhile. */
    public static <T> T watching(Watcher w, java.util.function.Supplier<T> body) {
        return ScopedValue.where(WATCHER, w).call(body::get);
    }

    /**
     * Replaces the value without checks or notification. For tracers, which swap a symbolic stand-in in and the
     * real value back out; the dtype must stay the same.
     */
    public void swapValue(Tensor t) {
        if (t.dtype() != dtype) throw new MathError(describe() + ": swapValue with dtype " + t.dtype().numpyName() + "; expected " + dtype.numpyName());
        value = t;
    }

    /** The current value. */
    public Tensor value() {
        if (WATCHER.isBound()) WATCHER.get().beforeRead(this, value);
        return value;
    }

    /** Name used in messages: the module path once discovered (e.g. {@code E.V}), else the given name. */
    public String name() { return name == null ? "<unnamed>" : name; }

    /** Names the variable if it has no name yet (done by {@link Module} discovery). */
    void nameIfUnnamed(String path) { if (name == null) name = path; }

    /** The fixed dtype. */
    public DType dtype() { return dtype; }

    /** The shape of the current value. */
    public Shape shape() { return value.shape(); }

    /** The batch axis, or -1. */
    public int batchAxis() { return batchAxis; }

    /** Kind of variable, for messages ({@code Variable}, {@code TrainVar}, …). */
    protected String kind() { return getClass().getSimpleName(); }

    /** {@code Kind 'name'}, or the kind, dtype and shape for a variable no module has named yet. */
    public final String describe() {
        return name == null ? kind() + " (unnamed, " + dtype.numpyName() + value.shape() + ")" : kind() + " '" + name + "'";
    }

    /**
     * Adds a condition that this value and every later one must meet; a component that reads a parameter from a
     * variable adds one so that the parameter cannot be made invalid after construction.
     *
     * @throws IllegalArgumentException if the current value already breaks it
     */
    public Variable constrain(Constraint c) {
        if (!value.isSymbolic() && !c.holds().test(value))
            throw new IllegalArgumentException(c.owner() + ": " + describe() + " holds a value that breaks the condition; expected " + c.expected() + ", got " + summary(value));
        var all = new java.util.ArrayList<>(constraints);
        all.add(c);
        constraints = java.util.List.copyOf(all);
        return this;
    }

    private static String summary(Tensor t) {
        return t.size() == 1 ? String.valueOf(t.reshape(-1).getDouble(0)) : "min " + BM.min(t).item() + ", max " + BM.max(t).item() + " over shape " + t.shape();
    }

    /** Replaces the value after checking dtype and shape (BrainPy {@code .value = x}) and any {@link Constraint}s. */
    public void set(Tensor newValue) {
        check(newValue);
        if (WATCHER.isBound()) WATCHER.get().beforeWrite(this, value);
        value = newValue;
    }

    /**
     * Checks, without assigning, that {@link #set} would accept {@code newValue}: dtype, shape and constraints.
     *
     * @throws MathError for a wrong dtype or shape
     * @throws IllegalArgumentException for a value that breaks a constraint
     */
    public void check(Tensor newValue) {
        if (newValue == null) throw new MathError(describe() + ": cannot set a null value; expected a " + dtype.numpyName() + " tensor of shape " + value.shape());
        if (newValue.dtype() != dtype)
            throw new MathError(describe() + ": The dtype of the original data is " + dtype.numpyName() + ", while we got "
                    + newValue.dtype().numpyName() + ". Convert it first, e.g. value.astype(DType." + dtype + ").");
        if (!compatible(newValue.shape()))
            throw new MathError(describe() + ": The shape of the original data is " + value.shape() + ", while we got "
                    + newValue.shape() + "." + (batchAxis >= 0 ? " Only axis " + batchAxis + " (the batch axis) may change." : ""));
        if (!constraints.isEmpty() && !newValue.isSymbolic())
            for (Constraint c : constraints)
                if (!c.holds().test(newValue))
                    throw new IllegalArgumentException(c.owner() + ": cannot set " + describe() + " to " + summary(newValue) + "; expected " + c.expected());
    }

    private boolean compatible(Shape s) {
        Shape cur = value.shape();
        if (s.equals(cur)) return true;
        if (batchAxis < 0 || s.rank() != cur.rank()) return false;
        for (int a = 0; a < s.rank(); a++) if (a != batchAxis && s.dim(a) != cur.dim(a)) return false;
        return true;
    }

    /** Alias of {@link #set(Tensor)} (BrainPy {@code .update(x)}). */
    public void update(Tensor newValue) { set(newValue); }

    /** {@code v[idx] = x}: x is broadcast and cast to this variable's dtype. */
    public void setAt(Index[] idx, Tensor x) { set(value().at(idx).set(x)); }

    /** {@code v[idx] = x} for a scalar. */
    public void setAt(Index[] idx, double x) { set(value().at(idx).set(x)); }

    /** {@code v[i] = x} at one position of the first axis. */
    public void setAt(int i, double x) { setAt(new Index[] {Index.at(i)}, x); }

    /** {@code v[text] = x}, e.g. {@code set("1:3", x)} or {@code set(":", x)}. */
    public void set(String index, Tensor x) { setAt(Index.parse(index), x); }

    /** {@code v[text] = x} for a scalar. */
    public void set(String index, double x) { setAt(Index.parse(index), x); }

    /** {@code v[idx] += x}; repeated positions accumulate. */
    public void addAt(Index[] idx, Tensor x) { set(value().at(idx).add(x)); }

    /** {@code v[idx] += x} for a scalar. */
    public void addAt(Index[] idx, double x) { set(value().at(idx).add(x)); }

    /** {@code v[:] = x} for a scalar. */
    public void fill(double x) { set(BM.full(value().shape(), x, dtype)); }

    /** {@code v += x}. */ public void addAssign(Tensor x) { set(checked("+=", value().add(x))); }
    /** {@code v += x}. */ public void addAssign(double x) { set(checked("+=", value().add(x))); }
    /** {@code v -= x}. */ public void subAssign(Tensor x) { set(checked("-=", value().sub(x))); }
    /** {@code v -= x}. */ public void subAssign(double x) { set(checked("-=", value().sub(x))); }
    /** {@code v *= x}. */ public void mulAssign(Tensor x) { set(checked("*=", value().mul(x))); }
    /** {@code v *= x}. */ public void mulAssign(double x) { set(checked("*=", value().mul(x))); }
    /** {@code v /= x} (true division; int variables refuse it). */ public void divAssign(Tensor x) { set(checked("/=", value().div(x))); }
    /** {@code v /= x}. */ public void divAssign(double x) { set(checked("/=", value().div(x))); }
    /** {@code v //= x}. */ public void floorDivAssign(Tensor x) { set(checked("//=", value().floorDiv(x))); }
    /** {@code v %= x}. */ public void remAssign(Tensor x) { set(checked("%=", value().rem(x))); }
    /** {@code v **= x}. */ public void powAssign(double x) { set(checked("**=", value().pow(x))); }
    /** {@code v &= x}. */ public void andAssign(Tensor x) { set(checked("&=", BM.bitwiseAnd(value(), x))); }
    /** {@code v |= x}. */ public void orAssign(Tensor x) { set(checked("|=", BM.bitwiseOr(value(), x))); }
    /** {@code v ^= x}. */ public void xorAssign(Tensor x) { set(checked("^=", BM.bitwiseXor(value(), x))); }
    /** {@code v <<= n}. */ public void shiftLeftAssign(int n) { set(checked("<<=", BM.leftShift(value(), n))); }
    /** {@code v >>= n}. */ public void shiftRightAssign(int n) { set(checked(">>=", BM.rightShift(value(), n))); }

    private Tensor checked(String op, Tensor r) {
        if (r.dtype() != dtype)
            throw new MathError(describe() + ": in-place '" + op + "' gives " + r.dtype().numpyName() + ", but the variable holds "
                    + dtype.numpyName() + "; cast the operand or compute a new value with an explicit astype.");
        return r;
    }

    @Override public String toString() {
        return kind() + "(" + (name == null ? "" : name + ", ") + "value=" + value + ")";
    }
}
