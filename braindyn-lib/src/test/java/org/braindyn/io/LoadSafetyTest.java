package org.braindyn.io;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.braindyn.state.Module;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading never half-succeeds, writes are durable, and every read error names the file, the entry and the problem. */
class LoadSafetyTest {
    static final class TwoStates extends Module {
        final Variable a = new Variable(zeros(3)), b = new Variable(zeros(4));
        TwoStates() { super(null); }
    }

    @Test
    void aFailedLoadLeavesTheModelExactlyAsItWas(@TempDir Path dir) throws IOException {
        TwoStates m = new TwoStates();
        m.a.set(array(new float[] {1, 2, 3}));
        m.b.set(array(new float[] {4, 5, 6, 7}));
        Map<String, Tensor> bad = new LinkedHashMap<>();
        bad.put("a", array(new float[] {9, 9, 9}));          // fits, and is checked first
        bad.put("b", array(new float[] {9, 9}));             // wrong shape
        Path f = dir.resolve("bad.npz");
        Npz.write(f, bad);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> States.load(m, f, true, null));
        assertTrue(e.getMessage().contains("bad.npz") && e.getMessage().contains("b:") && e.getMessage().contains("nothing was loaded"), e.getMessage());
        assertArrayEquals(new float[] {1, 2, 3}, m.a.value().toFloatArray(), "a is untouched although its value fitted");
        assertArrayEquals(new float[] {4, 5, 6, 7}, m.b.value().toFloatArray());
        bad.put("b", array(new float[] {9, 9, 9, 9}));
        Npz.write(f, bad);
        States.load(m, f, true, null);
        assertArrayEquals(new float[] {9, 9, 9}, m.a.value().toFloatArray(), "a good file loads");
    }

    @Test
    void atomicWritesSyncTheFileAndItsDirectoryBeforeAndAfterTheRename(@TempDir Path dir) throws IOException {
        long before = AtomicFiles.SYNCS.get();
        Npy.write(dir.resolve("x.npy"), arange(5));
        long syncs = AtomicFiles.SYNCS.get() - before;
        assertTrue(syncs >= 1, "the temporary file is forced to the device before the rename");
        assertTrue(syncs <= 2, "the file, and the directory where the platform can open one");
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of("x.npy"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file is left");
        }
    }

    @Test
    void aTruncatedNpzNamesTheFileAndTheEntry(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("run.npz");
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("first", arange(10));
        m.put("second", arange(1000));
        Npz.write(f, m);
        byte[] all = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.npz");
        Files.write(cut, Arrays.copyOf(all, all.length / 2 + 200));
        IOException e = assertThrows(IOException.class, () -> Npz.read(cut));
        assertTrue(e.getMessage().contains("cut.npz") && e.getMessage().contains("second.npy") && e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("first"), "says what was read before: " + e.getMessage());
    }

    @Test
    void aBadNpyHeaderNamesTheFileAndWhatIsWrong(@TempDir Path dir) throws IOException {
        byte[] good = Npy.toBytes(arange(3));
        String text = new String(good, java.nio.charset.StandardCharsets.ISO_8859_1).replace("(3,)", "(1X,)");
        Path f = dir.resolve("bad.npy");
        Files.write(f, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().contains("bad.npy") && e.getMessage().contains("shape") && e.getMessage().contains("'1X'"), e.getMessage());
        Path shortFile = Files.write(dir.resolve("short.npy"), Arrays.copyOf(good, 7));
        var s = assertThrows(IllegalArgumentException.class, () -> Npy.read(shortFile));
        assertTrue(s.getMessage().contains("short.npy") && s.getMessage().contains("truncated"), s.getMessage());
        Path header = Files.write(dir.resolve("header.npy"), Arrays.copyOf(good, 20));
        var h = assertThrows(IllegalArgumentException.class, () -> Npy.read(header));
        assertTrue(h.getMessage().contains("header.npy") && h.getMessage().contains("truncated .npy header"), h.getMessage());
    }
}
