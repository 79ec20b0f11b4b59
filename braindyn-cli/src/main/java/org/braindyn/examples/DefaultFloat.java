package org.braindyn.examples;

import java.util.concurrent.Callable;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;

/** Runs a body with float64 as the default float (BrainPy's {@code bm.enable_x64()}), restoring the previous default. */
final class DefaultFloat {
    private DefaultFloat() {}

    static <T> T x64(Callable<T> body) throws Exception {
        DType before = Config.defaultFloat();
        Config.enableX64();
        try {
            return body.call();
        } finally {
            Config.setDefaultFloat(before);
        }
    }
}
