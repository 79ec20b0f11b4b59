package org.braindyn.jit;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The allocation counter the zero-allocation tests rely on counts, and refuses to answer where it cannot count. */
class AllocationsTest {
    static volatile Object sink;

    @Test
    void countsTheBytesARunnableAllocates() {
        assertTrue(Allocations.supported(), "HotSpot counts per-thread allocations; the allocation tests need it");
        long bytes = Allocations.measure(() -> sink = new byte[1 << 20]);
        assertTrue(bytes >= 1 << 20 && bytes < (1 << 20) + 64 * 1024, "a 1 MiB array: " + bytes + " bytes");
    }

    @Test
    void failsInsteadOfPassingVacuouslyWhenTheJvmCannotCount() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        mx.setThreadAllocatedMemoryEnabled(false);
        try {
            assertFalse(Allocations.supported());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Allocations.measure(() -> sink = new byte[16]));
            assertTrue(e.getMessage().contains("does not count"), e.getMessage());
        } finally {
            mx.setThreadAllocatedMemoryEnabled(true);
        }
    }
}
