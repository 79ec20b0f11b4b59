package org.braindyn.state;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * The global name registry of modules: automatic names are the class's simple name plus a per-class counter
 * ({@code Lif0}, {@code Lif1}, …); explicit names must be unique among live objects. {@link #clearNameCache()}
 * forgets everything (BrainPy {@code bp.clear_name_cache()}), e.g. between independent experiments or tests.
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
        if (!isFree(requested, owner))
            throw new UniqueNameError("In " + owner.getClass().getSimpleName() + ", we found an object has a used name \""
                    + requested + "\" (used by a " + USED.get(requested).get().getClass().getSimpleName()
                    + "). Choose another name, or call Naming.clearNameCache() to start afresh.");
        USED.put(requested, new WeakReference<>(owner));
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
