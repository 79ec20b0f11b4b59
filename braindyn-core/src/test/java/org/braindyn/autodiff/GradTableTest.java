package org.braindyn.autodiff;

import static org.junit.jupiter.api.Assertions.*;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.braindyn.ops.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the gradient specification table ({@link GradTable}): every row at order 2 in reverse mode and order 1 in
 * forward mode against central differences; fails if some differentiable primitive appears in no row.
 */
class GradTableTest {
    static Stream<GradTable.Row> table() { return GradTable.rows().stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void reverseOrder2AndForwardOrder1(GradTable.Row r) {
        GradCheck.Report rev = GradCheck.check(r.f(), r.args(), 2, r.h(), GradCheck.Mode.REVERSE);
        assertTrue(rev.maxRelError() < r.tol(), r + ": reverse-mode relative error " + rev.maxRelError());
        GradCheck.Report fwd = GradCheck.check(r.f(), r.args(), 1, r.h(), GradCheck.Mode.FORWARD);
        assertTrue(fwd.maxRelError() < r.tol(), r + ": forward-mode relative error " + fwd.maxRelError());
    }

    @Test
    void everyDifferentiablePrimitiveIsCovered() {
        Set<Op> missing = EnumSet.allOf(Op.class);
        missing.removeAll(GradTable.coverage());
        missing.removeAll(GradTable.NON_DIFFERENTIABLE);
        assertTrue(missing.isEmpty(), "differentiable primitives with no row in the gradient table: " + missing);
    }
}
