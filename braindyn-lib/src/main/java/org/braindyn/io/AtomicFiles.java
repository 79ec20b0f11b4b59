package org.braindyn.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files so that a crash never leaves a half-written one: write a temporary sibling, then rename it. */
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
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
