package org.braindyn.datasets;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files written here (plain and gzip), the Fashion-MNIST loader on them, its errors, encoders and batches. */
class IdxAndEncodersTest {
    static void writeIdx(Path p, int type, int[] dims, byte[] payload) throws IOException {
        try (OutputStream raw = Files.newOutputStream(p); OutputStream o = p.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
             DataOutputStream d = new DataOutputStream(o)) {
            d.writeByte(0); d.writeByte(0); d.writeByte(type); d.writeByte(dims.length);
            for (int x : dims) d.writeInt(x);
            d.write(payload);
        }
    }

    static void tinyDataset(Path dir, int n) throws IOException {
        for (String s : new String[] {"train", "t10k"}) {
            byte[] img = new byte[n * 4], lab = new byte[n];
            for (int i = 0; i < img.length; i++) img[i] = (byte) (i * 37);
            for (int i = 0; i < n; i++) lab[i] = (byte) (i % 10);
            writeIdx(dir.resolve(s + "-images-idx3-ubyte.gz"), 0x08, new int[] {n, 2, 2}, img);
            writeIdx(dir.resolve(s + "-labels-idx1-ubyte"), 0x08, new int[] {n}, lab);
        }
    }

    @Test
    void readsUnsignedBytesPlainAndGzipped(@TempDir Path dir) throws IOException {
        tinyDataset(dir, 5);
        Tensor img = Idx.read(dir.resolve("train-images-idx3-ubyte.gz"));
        assertEquals(java.util.List.of(5, 2, 2), java.util.Arrays.stream(img.shape().toArray()).boxed().toList());
        assertEquals((3 * 37) & 0xFF, img.reshape(-1).getInt(3));
        assertEquals(148, img.reshape(-1).getInt(4), "bytes are unsigned: 4·37 = 148, not −108");
    }

    @Test
    void loaderScalesImagesAndKeepsLabels(@TempDir Path dir) throws IOException {
        tinyDataset(dir, 12);
        FashionMnist.Data d = FashionMnist.load(dir);
        assertEquals(12, d.train().size());
        assertEquals(((5 * 37) & 0xFF) / 255.0, d.test().images().reshape(-1).getDouble(5), 1e-6);
        assertEquals(7, d.train().labels().getInt(7));
        assertEquals(3, d.train().head(3).size());
    }

    @Test
    void missingAndBrokenFilesAreClearErrors(@TempDir Path dir) throws IOException {
        String e = assertThrows(IOException.class, () -> FashionMnist.load(dir)).getMessage();
        assertTrue(e.contains("no train-images-idx3-ubyte[.gz] in " + dir), e);
        assertTrue(assertThrows(IOException.class, () -> FashionMnist.load(Path.of(FashionMnist.DEBIAN_DIR + "-absent"))).getMessage().contains("expected the four IDX files"));
        Path bad = dir.resolve("bad-idx1-ubyte");
        writeIdx(bad, 0x08, new int[] {10}, new byte[4]);
        assertTrue(assertThrows(IOException.class, () -> Idx.read(bad)).getMessage().contains("truncated"));
        Files.write(dir.resolve("junk"), new byte[] {1, 2, 3, 4});
        assertTrue(assertThrows(IOException.class, () -> Idx.read(dir.resolve("junk"))).getMessage().contains("not an IDX file"));
    }

    @Test
    void latencySpikesOncePerBrightEnoughPixelAtTheLeakyIntegratorTime() {
        Tensor x = array(new double[][] {{1.0, 0.5, 0.1, 0.21}});
        Tensor s = Encoders.latency(x, 100, 0.1);                       // τ = 20 steps, θ = 0.2
        int[] want = {(int) (20 * Math.log(1 / 0.8)), (int) (20 * Math.log(0.5 / 0.3)), -1, (int) (20 * Math.log(0.21 / 0.01))};
        for (int j = 0; j < 4; j++) {
            Tensor col = s.get("0, :, " + j);
            assertEquals(want[j] < 0 || want[j] >= 100 ? 0 : 1, sum(col).item(), "feature " + j);
            if (want[j] >= 0 && want[j] < 100) assertEquals(1.0, col.getDouble(want[j]), "feature " + j + " at step " + want[j]);
        }
    }

    @Test
    void latencySpikesAreTheLatencyCodeAsTimeFirstBooleans() {
        Tensor x = new RandomState(4).random(3, 50);
        Tensor code = Encoders.latency(x, 100, 0.1), spikes = Encoders.latencySpikes(x, 100, 0.1);
        assertEquals(org.braindyn.tensor.DType.BOOL, spikes.dtype());
        assertEquals(org.braindyn.tensor.Shape.of(100, 3, 50), spikes.shape());
        assertArrayEquals(code.transpose(1, 0, 2).contiguous().toDoubleArray(), spikes.astype(org.braindyn.tensor.DType.F32).toDoubleArray());
        assertTrue(sum(code).item() > 50, "most of the 150 uniform intensities are above θ");
    }

    @Test
    void poissonRatesAndBatches() {
        Tensor s = Encoders.poisson(full(org.braindyn.tensor.Shape.of(4, 500), 0.5, org.braindyn.tensor.DType.F64), 100, 200, 1, new RandomState(3));
        assertEquals(0.1, mean(s).item(), 0.005, "0.5 × 200 Hz × 1 ms");
        var b = Batches.of(10, 4, new RandomState(1), false);
        assertEquals(3, b.size());
        assertEquals(2, b.get(2).size());
        assertEquals(2, Batches.of(10, 4, null, true).size());
        double total = 0;
        for (Tensor t : b) total += sum(t).item();
        assertEquals(45, total, "a permutation of 0…9");
    }
}
