package org.braindyn.state;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.tensor.DType;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Variables: BrainPy's worked examples A1, A4–A6 and every misuse with its message. */
class VariableTest {
    @Test
    void inPlaceIndexUpdateA1() {
        Variable b = new Variable(arange(5), "b");
        b.addAt(new Index[] {Index.at(0)}, 5);
        assertEquals(array(new int[] {5, 1, 2, 3, 4}), b.value());
        assertEquals(DType.I32, b.dtype());
    }

    @Test
    void workedExampleA4() {
        Variable v = new Variable(arange(4), "v");
        Tensor plus = v.value().add(2);
        assertEquals(array(new int[] {2, 3, 4, 5}), plus);
        v.setAt(0, 10);
        v.set("1:3", 9);
        assertEquals(array(new int[] {10, 9, 9, 3}), v.value());
        v.subAssign(3);
        v.shiftLeftAssign(1);
        assertEquals(array(new int[] {14, 12, 12, 0}), v.value());
        v.set(arange(4));
        assertEquals(array(new int[] {0, 1, 2, 3}), v.value());
        MathError e = assertThrows(MathError.class, () -> v.set(array(new float[] {1, 1, 1, 0})));
        assertTrue(e.getMessage().contains("Variable 'v'"), e.getMessage());
        assertTrue(e.getMessage().contains("The dtype of the original data is int32, while we got float32."), e.getMessage());
        v.update(array(new int[] {3, 4, 5, 6}));
        assertEquals(array(new int[] {3, 4, 5, 6}), v.value());
    }

    @Test
    void shapeMismatchA5() {
        Variable v = new Variable(arange(10), "E.V");
        MathError e = assertThrows(MathError.class, () -> v.set(scalar(1, DType.I32)));
        assertTrue(e.getMessage().contains("Variable 'E.V'"), e.getMessage());
        assertTrue(e.getMessage().contains("The shape of the original data is (10,), while we got ()."), e.getMessage());
    }

    @Test
    void identityIsKeptA6() {
        Variable a = new Variable(zeros(5), "a");
        Tensor before = a.value();
        Variable same = a;
        a.set(":", 1.0);
        assertSame(same, a);
        assertEquals(ones(5), a.value());
        assertEquals(zeros(5), before, "a value read earlier does not change");
    }

    @Test
    void augmentedAndFillForms() {
        Variable f = new Variable(ones(3), "f");
        f.addAssign(1);
        f.mulAssign(array(new float[] {1, 2, 3}));
        f.divAssign(2);
        f.powAssign(2);
        assertEquals(array(new float[] {1, 4, 9}), f.value());
        f.fill(7);
        assertEquals(full(new int[] {3}, 7), f.value());
        Variable i = new Variable(arange(4), "i");
        MathError e = assertThrows(MathError.class, () -> i.divAssign(2));
        assertTrue(e.getMessage().contains("in-place '/='") && e.getMessage().contains("float32") && e.getMessage().contains("int32"), e.getMessage());
        i.floorDivAssign(array(new int[] {2}));
        assertEquals(array(new int[] {0, 0, 1, 1}), i.value());
        i.shiftRightAssign(1);
        assertEquals(array(new int[] {0, 0, 0, 0}), i.value());
        i.orAssign(array(new int[] {1, 2, 3, 4}));
        i.xorAssign(array(new int[] {1, 0, 0, 0}));
        i.andAssign(array(new int[] {7, 7, 1, 7}));
        i.remAssign(array(new int[] {3}));
        assertEquals(array(new int[] {0, 2, 1, 1}), i.value());
    }

    @Test
    void batchAxisMayChangeExtent() {
        Variable s = new Variable(zeros(4, 3), "state", 0);
        s.set(zeros(8, 3));
        assertEquals(Shape.of(8, 3), s.shape());
        MathError e = assertThrows(MathError.class, () -> s.set(zeros(8, 2)));
        assertTrue(e.getMessage().contains("batch axis"), e.getMessage());
    }

    @Test
    void subtypesAndNulls() {
        assertEquals("TrainVar", new TrainVar(zeros(2)).kind());
        assertEquals("Parameter", new Parameter(zeros(2)).kind());
        assertThrows(IllegalArgumentException.class, () -> new Variable(null, "x"));
        Variable v = new Variable(zeros(1), "x");
        MathError e = assertThrows(MathError.class, () -> v.set(null));
        assertTrue(e.getMessage().contains("'x'"));
    }
}
