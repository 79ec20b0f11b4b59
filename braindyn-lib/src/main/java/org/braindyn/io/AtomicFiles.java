package org.braindyn.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a crash never leaves a half-written one: write a temporary sibling, force its bytes to the
 * device ({@code fsync}), rename it over the target, then force the directory so the rename itself is durable (where
 * the platform can open a directory; elsewhere that last step is skipped).
 */
final class AtomicFiles {
    private AtomicFiles() {}

    /** Content producer that writes into a temporary file. */
    @FunctionalInterface
    interface Writer { void writeTo(Path tmp) throws IOException; }

    static void write(Path path, byte[] bytes) throws IOException { write(path, tmp -> Files.write(tmp, bytes)); }

    static void write(Path path, Writer w) throws IOException {
        Path abs = path.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            w.writeTo(tmp);
            sync(tmp, false);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            if (dir != null) sync(dir, true);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Counts the files and directories forced to the device, for tests. */
    static final java.util.concurrent.atomic.AtomicLong SYNCS = new java.util.concurrent.atomic.AtomicLong();

    /** {@code fsync}: forces a file's (or a directory's) content and metadata to the storage device. */
    static void sync(Path p, boolean directory) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p, directory
                ? java.util.Set.of(java.nio.file.StandardOpenOption.READ) : java.util.Set.of(java.nio.file.StandardOpenOption.WRITE))) {
            ch.force(true);
            SYNCS.incrementAndGet();
        } catch (IOException e) {
            if (!directory) throw e;   // some platforms (Windows) cannot open a directory; the file itself was synced
        }
    }
}
