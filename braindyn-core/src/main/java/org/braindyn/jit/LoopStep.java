package org.braindyn.jit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.braindyn.ops.TensorType;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Storage;
import org.braindyn.tensor.Tensor;

/**
 * One compiled loop body and the roles of its graph's inputs and outputs: per-step slices {@code x}, carries
 * (explicit ones, then {@link Variable}s the body reads and writes), invariants (variables only read), per-step
 * results {@code y}, and write-only variables. {@link #run} executes the whole loop in compiled code with
 * ping-pong carry buffers and results written straight into their stacked {@code [T, …]} arrays.
 */
final class LoopStep {
    final Jit.Compiled compiled;
    final Program program;
    final int nx, nc, ny;
    /** Graph input / output index of each carry (explicit first, then variable carries). */
    final int[] carryIn, carryOut;
    final List<Variable> carryVars = new ArrayList<>();
    /** Graph input index and variable of each invariant. */
    final int[] invIn;
    final List<Variable> invVars = new ArrayList<>();
    /** Graph output index and variable of each write-only variable. */
    final int[] woOut;
    final List<Variable> woVars = new ArrayList<>();

    LoopStep(Function<Tensor[], Tensor[]> body, List<TensorType> argTypes, int nx, int nc, int ni) {
        this.compiled = Jit.compile(body, argTypes, true);
        this.nx = nx;
        this.nc = nc;
        Tracer.Result tr = compiled.trace();
        this.ny = tr.resultCount() - nc;
        if (ny < 0) throw new IllegalArgumentException("Loops: the body returned " + tr.resultCount() + " values; expected at least the " + nc + " carries");
        int nArgs = tr.argCount(), nRes = tr.resultCount();
        List<Integer> ci = new ArrayList<>(), co = new ArrayList<>(), inv = new ArrayList<>(), wo = new ArrayList<>();
        for (int c = 0; c < nc; c++) { ci.add(nx + c); co.add(ny + c); }
        for (int k = 0; k < ni; k++) inv.add(nx + nc + k);
        for (int k = 0; k < tr.readVars().size(); k++) {
            Variable v = tr.readVars().get(k);
            int w = tr.writtenVars().indexOf(v);
            if (w >= 0) { ci.add(nArgs + k); co.add(nRes + w); carryVars.add(v); }
            else { inv.add(nArgs + k); invVars.add(v); }
        }
        for (int k = 0; k < tr.captured().size(); k++) inv.add(nArgs + tr.readVars().size() + k);
        for (int w = 0; w < tr.writtenVars().size(); w++) {
            Variable v = tr.writtenVars().get(w);
            if (!tr.readVars().contains(v)) { wo.add(nRes + w); woVars.add(v); }
        }
        carryIn = ci.stream().mapToInt(Integer::intValue).toArray();
        carryOut = co.stream().mapToInt(Integer::intValue).toArray();
        invIn = inv.stream().mapToInt(Integer::intValue).toArray();
        woOut = wo.stream().mapToInt(Integer::intValue).toArray();
        int[][] pairs = new int[carryIn.length][];
        for (int c = 0; c < pairs.length; c++) pairs[c] = new int[] {carryIn[c], carryOut[c]};
        int[][] ip = Program.inPlaceCandidates(compiled.graph(), Fusion.schedule(compiled.graph(), true), pairs);
        inPlace = new boolean[carryIn.length];
        for (int[] pr : ip) for (int c = 0; c < pairs.length; c++) if (pairs[c][0] == pr[0]) inPlace[c] = true;
        program = compiled.program(ip);
        program.sliceInputs(nx);
        program.carries(pairs);
    }

    /** Carries updated in place (one buffer, no ping-pong): their input is read only by the kernel writing them. */
    final boolean[] inPlace;

    Graph graph() { return compiled.graph(); }

    TensorType inType(int k) { return graph().type(graph().inputs[k]); }

    TensorType outType(int k) { return graph().type(graph().outputs[k]); }

    int carries() { return carryIn.length; }

    /** The initial values of the carries: the explicit ones given, then the carried variables' values now. */
    Tensor[] carryInit(Tensor[] explicit) {
        Tensor[] c = new Tensor[carries()];
        for (int k = 0; k < nc; k++) c[k] = explicit[k];
        for (int k = nc; k < c.length; k++) c[k] = carryVars.get(k - nc).value();
        return c;
    }

    /** The explicit invariants given, then the values of the variables the body only reads. */
    Tensor[] invariants(Tensor... explicit) {
        Tensor[] v = new Tensor[invIn.length];
        for (int k = 0; k < explicit.length; k++) v[k] = explicit[k];
        int nv = invVars.size();
        for (int k = 0; k < nv; k++) v[explicit.length + k] = invVars.get(k).value();
        List<Tensor> cap = compiled.trace().captured();
        for (int k = 0; k < cap.size(); k++) v[explicit.length + nv + k] = cap.get(k);
        return v;
    }

    /**
     * The compiled backward bodies (BPTT), traced on the first gradient, one per set of differentiated inputs
     * (key: which slices and invariants the tape tracks).
     */
    final java.util.Map<String, LoopStep> backward = new java.util.HashMap<>();

    /** The two carry buffers per carry, reused by every run (the final carries must be copied out before the next). */
    private Object[][] pingPong;

    /** Result of a run: final carries, final write-only values, stored carries (stacked, one array per carry). */
    record Run(Object[] finalCarries, Tensor[] writeOnly, Object[] stored) {}

    /** Set around a run: where event lists of slice inputs are recorded or read ({@link EventRowsStore}); null: none. */
    void rows(EventRowsStore store, int base) {
        program.rowsStore = store;
        rowsBase = base;
    }

    private int rowsBase;
    private EventRowsStore freeRows;

    /**
     * A store for the event lists of a {@code T}-step gradient run: the one the last reverse sweep gave back (its lists'
     * arrays already grown to size), or a new one.
     */
    synchronized EventRowsStore rowsStore(int T) {
        EventRowsStore s = freeRows;
        freeRows = null;
        if (s == null || s.steps() != T) s = new EventRowsStore(T, nx);
        s.replay = false;
        return s;
    }

    /** Hands a store back after its reverse sweep. */
    synchronized void releaseRows(EventRowsStore s) { freeRows = s; }

    /**
     * Stored-carry arrays a finished reverse sweep gave back ({@link #release}), reused by the next storing run of the
     * same length: a training loop then does not allocate (and zero) the whole history of states on every step.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<Object[]> storedPool = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Hands a run's stored carries back for reuse; the caller must not read them afterwards. */
    void release(Run r) {
        if (r != null && storedPool.size() < 2) storedPool.add(r.stored());
    }

    /**
     * Runs {@code T} steps. Step {@code s} (or {@code T-1-s} when {@code reverse}) reads slice {@code t} of each x
     * ({@code xa[j]} from {@code xo[j] + t·size}) and writes y into {@code ya[j]} at {@code yo[j] + t·size} (null:
     * not kept). {@code init} are the carries' flat arrays; {@code inv} the invariants (explicit ones, then
     * variables). With {@code storeEvery > 0} the carry entering every {@code storeEvery}-th step is copied into
     * a stacked array per carry.
     */
    Run run(Object[] xa, int[] xo, Object[] init, Tensor[] inv, int T, boolean reverse, int storeEvery, Object[] ya, int[] yo) {
        int nCar = carries();
        for (int k = 0; k < inv.length; k++) program.input(invIn[k], inv[k]);
        program.handOffs(!reverse);   // forward: each step's carries are the next step's inputs
        int[] xsz = new int[nx];
        for (int j = 0; j < nx; j++) xsz[j] = inType(j).shape().size();
        if (pingPong == null) {
            pingPong = new Object[nCar][2];
            for (int c = 0; c < nCar; c++) {
                TensorType t = inType(carryIn[c]);
                pingPong[c][0] = Storage.allocate(t.dtype(), t.shape().size());
                pingPong[c][1] = Storage.allocate(t.dtype(), t.shape().size());
            }
        }
        Object[][] pp = pingPong;
        int[] csz = new int[nCar];
        for (int c = 0; c < nCar; c++) {
            csz[c] = inType(carryIn[c]).shape().size();
            System.arraycopy(init[c], 0, pp[c][0], 0, csz[c]);
        }
        Object[] stored = new Object[nCar];
        if (storeEvery > 0) {
            int slots = (T + storeEvery - 1) / storeEvery;
            Object[] reuse = storedPool.poll();
            for (int c = 0; c < nCar; c++) {
                int len = slots * csz[c];
                Object r = reuse == null ? null : reuse[c];
                stored[c] = r != null && Storage.length(inType(carryIn[c]).dtype(), r) == len ? r : Storage.allocate(inType(carryIn[c]).dtype(), len);
            }
        }
        int[] ysz = new int[ny];
        for (int j = 0; j < ny; j++) ysz[j] = outType(j).shape().size();
        // a carry whose new value is a constant (e.g. an input buffer cleared every step) reads that constant
        // directly from the second step on, and is never copied
        Tensor[] constOut = new Tensor[nCar];
        for (int c = 0; c < nCar; c++) constOut[c] = program.constantOutput(carryOut[c]);
        LoopProfile.Collector profile = LoopProfile.active();
        if (profile != null) program.timing(profile.slots(program));
        long loopStart = profile == null ? 0 : System.nanoTime();
        for (int s = 0; s < T; s++) {
            int t = reverse ? T - 1 - s : s, cur = s & 1, nxt = cur ^ 1;
            for (int j = 0; j < nx; j++) program.input(j, xa[j], xo[j] + t * xsz[j]);
            for (int c = 0; c < nCar; c++) {
                if (constOut[c] != null && s > 0) {
                    if (s == 1) { program.input(carryIn[c], constOut[c]); program.target(carryOut[c], null, 0); }
                    if (storeEvery > 0 && s % storeEvery == 0) System.arraycopy(constOut[c].contiguous().storage(), constOut[c].contiguous().offset(), stored[c], (s / storeEvery) * csz[c], csz[c]);
                    continue;
                }
                int from = inPlace[c] ? 0 : cur, to = inPlace[c] ? 0 : nxt;
                program.input(carryIn[c], pp[c][from], 0);
                program.target(carryOut[c], pp[c][to], 0);
                if (storeEvery > 0 && s % storeEvery == 0) System.arraycopy(pp[c][from], 0, stored[c], (s / storeEvery) * csz[c], csz[c]);
            }
            for (int j = 0; j < ny; j++) program.target(j, ya == null ? null : ya[j], ya == null || ya[j] == null ? 0 : yo[j] + t * ysz[j]);
            program.rowsStep = rowsBase + t;
            program.run();
        }
        if (profile != null) {
            profile.ran(program, T, System.nanoTime() - loopStart);
            program.timing(null);
        }
        program.handOffs(false);
        for (int c = 0; c < nCar; c++) program.target(carryOut[c], null, 0);
        for (int j = 0; j < ny; j++) program.target(j, null, 0);
        Object[] fin = new Object[nCar];
        for (int c = 0; c < nCar; c++) fin[c] = constOut[c] != null && T > 0 ? org.braindyn.tensor.Storage.copyToFlat(constOut[c]) : pp[c][inPlace[c] ? 0 : T & 1];
        Tensor[] wo = new Tensor[woOut.length];
        if (T > 0) for (int k = 0; k < wo.length; k++) wo[k] = program.output(woOut[k]);
        return new Run(fin, wo, stored);
    }

    /** Contiguous flat copy source of a tensor (its storage when it already is one). */
    static Object flat(Tensor t) {
        Tensor c = t.contiguous();
        if (c.offset() == 0 && Storage.length(c.dtype(), c.storage()) == c.size()) return c.storage();
        return Storage.copyToFlat(c);
    }
}
