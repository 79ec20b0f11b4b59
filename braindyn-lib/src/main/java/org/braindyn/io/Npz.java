package org.braindyn.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.braindyn.tensor.Tensor;

/**
 * NumPy's {@code .npz} archives: a zip of {@code name.npy} entries, stored ({@code numpy.savez}) or deflated
 * ({@code numpy.savez_compressed}). Written atomically; reads either kind, keeping entry order.
 * <pre>{@code
 * Npz.write(Path.of("run.npz"), Map.of("ts", ts, "spikes", spikes));   // np.load("run.npz")["spikes"]
 * Map<String, Tensor> m = Npz.read(Path.of("run.npz"));
 * }</pre>
 */
public final class Npz {
    private Npz() {}

    /** Writes an uncompressed archive (as {@code numpy.savez}). */
    public static void write(Path path, Map<String, Tensor> arrays) throws IOException { write(path, arrays, false); }

    /** Writes a deflated archive (as {@code numpy.savez_compressed}). */
    public static void writeCompressed(Path path, Map<String, Tensor> arrays) throws IOException { write(path, arrays, true); }

    private static void write(Path path, Map<String, Tensor> arrays, boolean compressed) throws IOException {
        for (String k : arrays.keySet())
            if (k == null || k.isEmpty() || k.startsWith("/"))
                throw new IllegalArgumentException("Npz: invalid array name '" + k + "'; expected a non-empty relative name");
        AtomicFiles.write(path, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
                for (Map.Entry<String, Tensor> e : arrays.entrySet()) {
                    byte[] data = Npy.toBytes(e.getValue());
                    ZipEntry z = new ZipEntry(e.getKey() + ".npy");
                    if (compressed) z.setMethod(ZipEntry.DEFLATED);
                    else {
                        z.setMethod(ZipEntry.STORED);
                        CRC32 crc = new CRC32();
                        crc.update(data);
                        z.setCrc(crc.getValue());
                        z.setSize(data.length);
                        z.setCompressedSize(data.length);
                    }
                    zip.putNextEntry(z);
                    zip.write(data);
                    zip.closeEntry();
                }
            }
        });
    }

    /** Reads every array of an archive, in entry order, named without the {@code .npy} suffix. */
    public static Map<String, Tensor> read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    /** Reads an archive from a stream. */
    public static Map<String, Tensor> read(InputStream in, String source) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        String entry = null;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.isDirectory()) continue;
                entry = e.getName();
                String name = entry.endsWith(".npy") ? entry.substring(0, entry.length() - 4) : entry;
                out.put(name, Npy.read(zip, source + "!" + entry));
                entry = null;
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException(source + (entry == null ? "" : "!" + entry) + ": corrupt or truncated .npz archive (" + e.getMessage()
                    + ")" + (entry == null ? "" : "; entries read before it: " + (out.isEmpty() ? "none" : String.join(", ", out.keySet()))), e);
        }
        if (out.isEmpty()) throw new IOException(source + ": no arrays found; is it an .npz archive?");
        return out;
    }

    /** BrainPy's {@code bm.load}: alias of {@link #read(Path)}. */
    public static Map<String, Tensor> load(Path path) throws IOException { return read(path); }
}
