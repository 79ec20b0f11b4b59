package org.braindyn.state;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An ordered name → element map that refuses to rebind a name to a different element (BrainPy's
 * {@code Collector}/{@code ArrayCollector}): {@code Name "a" conflicts: same name for … and …}.
 * Returned by {@link Module#vars()} and {@link Module#nodes()}.
 *
 * @param <T> element type ({@link Variable} or {@link Module})
 */
public final class Collector<T> {
    private final LinkedHashMap<String, T> map = new LinkedHashMap<>();

    /** An empty collector. */
    public Collector() {}

    /** A collector with the entries of {@code init} (conflicts checked). */
    public Collector(Map<String, ? extends T> init) { init.forEach(this::put); }

    /** Binds {@code name}; rebinding to a different element is an error. */
    public void put(String name, T element) {
        T old = map.get(name);
        if (old != null && old != element)
            throw new IllegalArgumentException("Name \"" + name + "\" conflicts: same name for [" + old + "] and [" + element
                    + "]. Use replace(name, element) to rebind it on purpose.");
        map.put(name, element);
    }

    /** Adds every entry of {@code other}, checking conflicts. */
    public void update(Map<String, ? extends T> other) { other.forEach(this::put); }

    /** Rebinds {@code name} without the conflict check. */
    public void replace(String name, T element) { map.put(name, element); }

    /** The element named {@code name}; an unknown name is an error listing the known ones. */
    public T get(String name) {
        T v = map.get(name);
        if (v == null)
            throw new IllegalArgumentException("Collector: no element named '" + name + "'; known: " + String.join(", ", map.keySet()));
        return v;
    }

    /** True if {@code name} is bound. */
    public boolean contains(String name) { return map.containsKey(name); }

    /** Entries whose element is an instance of {@code type}. */
    public <S extends T> Collector<S> subset(Class<S> type) {
        Collector<S> out = new Collector<>();
        map.forEach((k, v) -> { if (type.isInstance(v)) out.put(k, type.cast(v)); });
        return out;
    }

    /** Keeps the first name of each element reachable under several names. */
    public Collector<T> unique() {
        Collector<T> out = new Collector<>();
        Set<T> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        map.forEach((k, v) -> { if (seen.add(v)) out.put(k, v); });
        return out;
    }

    /** Union of both (conflicts checked). */
    public Collector<T> plus(Collector<? extends T> other) {
        Collector<T> out = new Collector<>(map);
        out.update(other.map);
        return out;
    }

    /** Entries of this one whose names are not in {@code other}. */
    public Collector<T> minus(Collector<?> other) {
        Collector<T> out = new Collector<>();
        map.forEach((k, v) -> { if (!other.map.containsKey(k)) out.put(k, v); });
        return out;
    }

    /** Names in order. */
    public Set<String> keys() { return Collections.unmodifiableSet(map.keySet()); }

    /** Elements in order. */
    public Collection<T> values() { return Collections.unmodifiableCollection(map.values()); }

    /** Read-only map view. */
    public Map<String, T> asMap() { return Collections.unmodifiableMap(map); }

    /** Number of entries. */
    public int size() { return map.size(); }

    /** Visits entries in order. */
    public void forEach(BiConsumer<String, T> f) { map.forEach(f); }

    @Override public String toString() { return map.keySet().toString(); }
}
