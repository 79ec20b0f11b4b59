package org.braindyn.io;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy/.npz against golden files written by NumPy (see golden/make_golden.py), byte for byte where NumPy is deterministic. */
class NpyTest {
    static final Tensor F32 = array(new float[][] {{1.5f, -2.25f, 0f}, {Float.POSITIVE_INFINITY, -0f, 3.0e-8f}});
    static final Tensor F64 = linspace64();
    static final Tensor I32 = arange(24).reshape(2, 3, 4).sub(5);
    static final Tensor B1 = array(new boolean[] {true, false, false, true, true, true}, 3, 2);

    static Tensor linspace64() {
        double[] v = new double[7];
        for (int i = 0; i < 7; i++) v[i] = -1.0 + i * (2.0 / 6);
        v[6] = 1.0;
        return array(v);
    }

    static byte[] golden(String name) throws IOException {
        try (InputStream in = NpyTest.class.getResourceAsStream("/golden/" + name)) {
            assertNotNull(in, "golden file " + name);
            return in.readAllBytes();
        }
    }

    @Test
    void readsNumpyFiles() throws IOException {
        assertEquals(F32, Npy.fromBytes(golden("f32.npy"), "f32"));
        assertEquals(DType.F32, Npy.fromBytes(golden("f32.npy"), "f32").dtype());
        assertTrue(allclose(F64, Npy.fromBytes(golden("f64.npy"), "f64"), 0, 1e-16));
        assertEquals(I32, Npy.fromBytes(golden("i32.npy"), "i32"));
        assertEquals(B1, Npy.fromBytes(golden("b1.npy"), "b1"));
        assertEquals(scalar(2.5, DType.F64), Npy.fromBytes(golden("scalar.npy"), "scalar"));
        assertEquals(Shape.of(0, 3), Npy.fromBytes(golden("empty.npy"), "empty").shape());
        assertEquals(arange(6).reshape(2, 3).astype(DType.F64), Npy.fromBytes(golden("fortran_f64.npy"), "fortran"));
        assertEquals(arange(5), Npy.fromBytes(golden("bigendian_i32.npy"), "be"));
        assertEquals(array(new int[][] {{1, -2}, {3, Integer.MAX_VALUE}}), Npy.fromBytes(golden("int64.npy"), "i64"));
        assertEquals(array(new int[] {0, 255, 7}), Npy.fromBytes(golden("uint8.npy"), "u8"));
    }

    @Test
    void writesTheBytesNumpyWrites() throws IOException {
        Map<String, Tensor> cases = new LinkedHashMap<>();
        cases.put("f32.npy", F32);
        cases.put("f64.npy", Npy.fromBytes(golden("f64.npy"), "f64"));
        cases.put("i32.npy", I32);
        cases.put("b1.npy", B1);
        cases.put("scalar.npy", scalar(2.5, DType.F64));
        cases.put("empty.npy", zeros(0, 3));
        for (var e : cases.entrySet()) assertArrayEquals(golden(e.getKey()), Npy.toBytes(e.getValue()), e.getKey());
        assertArrayEquals(golden("i32.npy"), Npy.toBytes(I32.T().T()), "views write in C order");
        assertArrayEquals(Npy.toBytes(arange(6).reshape(3, 2).T().contiguous()), Npy.toBytes(arange(6).reshape(3, 2).T()));
    }

    @Test
    void readsNumpyArchives() throws IOException {
        Map<String, Tensor> m = Npz.read(new java.io.ByteArrayInputStream(golden("arrays.npz")), "arrays.npz");
        assertEquals(List.of("f32", "i32", "b1"), List.copyOf(m.keySet()));
        assertEquals(F32, m.get("f32"));
        assertEquals(I32, m.get("i32"));
        Map<String, Tensor> c = Npz.read(new java.io.ByteArrayInputStream(golden("arrays_compressed.npz")), "c.npz");
        assertEquals(scalar(2.5, DType.F64), c.get("scalar"));
        assertEquals(7, c.get("f64").size());
    }

    @Test
    void roundTripsAtomically(@TempDir Path dir) throws IOException {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("spikes", B1);
        m.put("V", F32);
        m.put("idx", I32);
        for (boolean compressed : new boolean[] {false, true}) {
            Path p = dir.resolve(compressed ? "c.npz" : "s.npz");
            if (compressed) Npz.writeCompressed(p, m); else Npz.write(p, m);
            assertEquals(m, Npz.read(p));
        }
        Path single = dir.resolve("sub/x.npy");
        Npy.write(single, F32);
        assertEquals(F32, Npy.read(single));
        try (var files = Files.list(dir.resolve("sub"))) {
            assertEquals(List.of("x.npy"), files.map(f -> f.getFileName().toString()).toList(), "no temporary files left behind");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npy.fromBytes(new byte[] {1, 2, 3}, "junk.npy"));
        assertTrue(e.getMessage().contains("junk.npy"));
    }
    /** A write that fails half-way (the second array cannot be serialised) leaves the previous file as it was and no temporary file. */
    @Test
    void aFailedWriteLeavesTheOldFileIntact(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("states.npz");
        Map<String, Tensor> old = new LinkedHashMap<>();
        old.put("V", F32);
        Npz.write(p, old);
        byte[] before = Files.readAllBytes(p);
        Map<String, Tensor> broken = new LinkedHashMap<>();
        broken.put("V", I32);
        broken.put("spike", null);                        // fails after the first entry is already in the archive
        assertThrows(RuntimeException.class, () -> Npz.write(p, broken));
        assertArrayEquals(before, Files.readAllBytes(p), "the old file is untouched");
        assertEquals(old, Npz.read(p));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("states.npz"), files.map(f -> f.getFileName().toString()).toList(), "no temporary files left behind");
        }
    }
}
