/**
 * The tracing compiler: BrainPy's {@code bm.jit} and {@code bm.for_loop} for the JVM.
 *
 * <ol>
 * <li><b>Tracing</b> ({@link org.braindyn.jit.Jit#jit}): the Java function runs once on symbolic tensors; every
 *     primitive it applies (through {@link org.braindyn.ops.Prims#bind}) becomes a node of an SSA
 *     {@link org.braindyn.jit.Graph}, and every {@link org.braindyn.state.Variable} it reads or writes becomes an
 *     input or output, so a jitted model {@code update} changes the model's state as the plain call does. Reading
 *     a traced value as a Java number throws a {@link org.braindyn.jit.TracerError} naming the value, where it was
 *     made and where it was read.</li>
 * <li><b>Passes</b> ({@link org.braindyn.jit.Passes}): dead-code elimination, common sub-expressions, constant
 *     folding; {@code Graph.verify()} checks the invariants.</li>
 * <li><b>Fusion</b>: chains of elementwise primitives of one shape, their broadcast inputs and trailing full
 *     reductions become one loop; other primitives (matmul, event sums, gathers) run their kernels.</li>
 * <li><b>Code generation</b>: each fused loop is a hidden class emitted with {@code java.lang.classfile}, calling
 *     one small static method per primitive that HotSpot inlines; a buffer plan reuses dead buffers, updates loop
 *     carries in place where only their own kernel reads them, and writes event sums into planned buffers, so a
 *     compiled step allocates nothing.</li>
 * <li><b>Control flow</b> ({@link org.braindyn.jit.Loops}): {@code forLoop}, {@code scan}, {@code whileLoop},
 *     {@code cond}, {@code ifElse}; a loop runs entirely in compiled code.</li>
 * <li><b>Gradients</b>: under {@link org.braindyn.autodiff.Autodiff#grad}, a jitted function or a loop records
 *     one node whose backward is itself traced (the step's vector-Jacobian product) and compiled; loops run it in
 *     reverse (BPTT), {@code checkpointedForLoop} recomputes segments from every k-th stored carry.</li>
 * </ol>
 * <pre>{@code
 * JitFunction step = Jit.jit(() -> net.update());        // traced on the first call
 * step.call();
 * Tensor[] spikes = Loops.forLoop(x -> { lif.update(x[0]); return new Tensor[] {lif.spike.value()}; }, currents);
 * System.out.println(Jit.jit(f).explain(x));             // the graph and the kernels chosen
 * System.out.println(Loops.profile(() -> Loops.forLoop(body, currents)));   // µs per step of each kernel
 * }</pre>
 * {@code -Dbraindyn.jit.debug=1} prints every compiled graph and its schedule.
 */
package org.braindyn.jit;
