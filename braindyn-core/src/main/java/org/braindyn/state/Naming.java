package org.braindyn.state;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * The name registry of modules: automatic names are the class's simple name plus a per-class counter
 * ({@code Lif0}, {@code Lif1}, …), unique in the JVM and never equal to a live explicit name. Explicit names need only
 * be unique within one network (a tree of modules): building the same network class twice, as parameter sweeps and
 * repeated experiments do, gives two networks each with its own {@code "E"}; two different modules with one name in
 * the same tree raise {@link UniqueNameError} when the tree is collected ({@link Module#nodes()},
 * {@link Module#vars()}, a runner). {@link #clearNameCache()} forgets the counters (BrainPy
 * {@code bp.clear_name_cache()}).
 */
public final class Naming {
    private static final Map<String, WeakReference<Object>> USED = new HashMap<>();
    private static final Map<String, Integer> COUNTERS = new HashMap<>();

    private Naming() {}

    /** Registers {@code owner} under {@code requested}, or under a fresh automatic name when null. */
    public static synchronized String register(Object owner, String requested) {
        if (requested == null) {
            String base = owner.getClass().getSimpleName().isEmpty() ? "Module" : owner.getClass().getSimpleName();
            while (true) {
                int k = COUNTERS.merge(base, 1, Integer::sum) - 1;
                String name = base + k;
                if (isFree(name, owner)) {
                    USED.put(name, new WeakReference<>(owner));
                    return name;
                }
            }
        }
        if (requested.isBlank() || requested.contains("."))
            throw new IllegalArgumentException(owner.getClass().getSimpleName() + ": name '" + requested
                    + "' is not valid; expected a non-blank name without '.'");
        USED.put(requested, new WeakReference<>(owner));   // reserved against automatic names; uniqueness is per network
        return requested;
    }

    private static boolean isFree(String name, Object owner) {
        WeakReference<Object> ref = USED.get(name);
        Object o = ref == null ? null : ref.get();
        return o == null || o == owner;
    }

    /** Forgets all used names and counters. */
    public static synchronized void clearNameCache() {
        USED.clear();
        COUNTERS.clear();
    }
}
