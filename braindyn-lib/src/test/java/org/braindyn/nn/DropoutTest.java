package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.dyn.Shared;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Dropout zeroes and rescales only while fitting, keeping the mean; errors. */
class DropoutTest {
    @Test
    void activeOnlyWhileFitting() {
        Dropout d = new Dropout(1000, 0.8, 3);
        Tensor x = ones(4, 1000);
        assertEquals(x, d.forward(x, null), "outside fit: unchanged");
        Tensor y = Shared.with(new Shared(0, 0, 0.1, true), () -> d.forward(x, null));
        double kept = mean(y.ne(0).astype(org.braindyn.tensor.DType.F64)).item();
        assertEquals(0.8, kept, 0.02);
        assertEquals(1.0, mean(y).item(), 0.03, "1/p scaling keeps the mean");
        assertEquals(1.25, max(y).item(), 1e-6);
        Tensor z = Shared.with(new Shared(0, 0, 0.1, true), () -> d.forward(x, null));
        assertNotEquals(y, z, "a fresh mask each call");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Dropout(3, 0, 1)).getMessage().contains("keep probability"));
    }
}
