package org.braindyn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code bench/peer_matmul.py} with python3 and NumPy, one BLAS thread, the same sizes, in the same run.
 * The machine's {@code OPENBLAS_CORETYPE}/{@code OPENBLAS_L2_SIZE} overrides are removed for that process only, so
 * OpenBLAS picks its best kernel for this CPU.
 */
final class PeerNumpy {
    private static final Pattern LINE = Pattern.compile("\"m\": (\\d+), \"k\": (\\d+), \"n\": (\\d+), \"gflops\": ([0-9.]+)");

    private PeerNumpy() {}

    /**
     * A python3 peer process with one BLAS/OpenMP thread and OpenBLAS left to pick its kernel for this CPU (the
     * machine's {@code OPENBLAS_CORETYPE}/{@code OPENBLAS_L2_SIZE} overrides removed); stderr merged into stdout.
     */
    static ProcessBuilder oneThread(List<String> cmd) { return withThreads(cmd, 1); }

    /** As {@link #oneThread}, with {@code threads} BLAS/OpenMP threads. */
    static ProcessBuilder withThreads(List<String> cmd, int threads) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("OPENBLAS_CORETYPE");
        pb.environment().remove("OPENBLAS_L2_SIZE");
        for (String v : new String[] {"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"}) pb.environment().put(v, String.valueOf(threads));
        return pb;
    }

    /**
     * The first of {@code python3} (on the PATH) and {@code /usr/bin/python3} (Debian's, where {@code apt-get install
     * python3-numpy python3-scipy} puts the packages) that imports every module named; {@code python3} when none does
     * (its failure is then reported by the caller).
     */
    static String python(String... modules) {
        String probe = "import " + String.join(", ", modules);
        for (String py : new String[] {"python3", "/usr/bin/python3"}) {
            try {
                Process p = new ProcessBuilder(py, "-c", probe).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) return py;
                p.destroyForcibly();
            } catch (IOException e) {
                // not installed: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "python3";
    }

    /** GFLOP/s per "MxKxN", or an empty map (with a note on stderr) when python3/NumPy is unavailable. */
    static Map<String, Double> matmulGflops(List<String> sizes) {
        Path script = Path.of(System.getProperty("braindyn.home", "."), "bench", "peer_matmul.py");
        Map<String, Double> out = new HashMap<>();
        if (!Files.exists(script)) {
            System.err.println("bench: peer script " + script + " not found; run from the repository with ./braindyn");
            return out;
        }
        List<String> cmd = new ArrayList<>(List.of(python("numpy"), script.toString()));
        cmd.addAll(sizes);
        try {
            Process p = oneThread(cmd).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                System.err.println("bench: NumPy peer failed: " + text.strip());
                return out;
            }
            Matcher m = LINE.matcher(text);
            while (m.find()) out.put(m.group(1) + "x" + m.group(2) + "x" + m.group(3), Double.parseDouble(m.group(4)));
        } catch (IOException e) {
            System.err.println("bench: python3 not available for the NumPy peer (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }
}
