package org.braindyn.io;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live check with NumPy itself, where python3 and numpy are installed: NumPy opens what BrainDyn writes. */
class NumpyInteropTest {
    static String python(String code) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", "-c", code).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) { p.destroyForcibly(); return null; }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.exitValue() == 0 ? out : "ERROR " + out;
    }

    static boolean numpyAvailable() {
        try {
            String v = python("import numpy; print('ok')");
            return "ok".equals(v);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void numpyOpensOurArchives(@TempDir Path dir) throws Exception {
        assumeTrue(numpyAvailable(), "python3 with numpy is not installed; the golden-file tests cover the format");
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("f", array(new float[][] {{1.5f, -2f}, {3f, 4.25f}}));
        m.put("d", linspace(0, 1, 3).astype(org.braindyn.tensor.DType.F64));
        m.put("i", arange(6).reshape(3, 2));
        m.put("b", array(new boolean[] {true, false, true}));
        Path p = dir.resolve("java.npz");
        Npz.writeCompressed(p, m);
        String out = python("import numpy as np; z = np.load(r'" + p + "'); "
                + "print(';'.join(f'{k}:{z[k].dtype}:{z[k].shape}:{z[k].sum()}' for k in z.files))");
        assertEquals("f:float32:(2, 2):6.75;d:float64:(3,):1.5;i:int32:(3, 2):15;b:bool:(3,):2", out);
    }
}
