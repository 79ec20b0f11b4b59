package org.braindyn.state;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Base of every object that holds states and child objects (BrainPy's {@code BrainPyObject}). Its
 * {@link Variable} and {@code Module} fields are discovered by reflection, in declaration order, superclass
 * fields first (static and {@code transient} fields are skipped: mark back-references {@code transient}), giving {@link #vars()}, {@link #trainVars()} and {@link #nodes()} with BrainPy's two naming
 * schemes: <em>relative</em> (attribute paths from this object: {@code pre.V}) and <em>absolute</em>
 * (the owner's unique name then the attribute: {@code E.V}). States kept in lists or maps are not searched
 * unless registered with {@link #registerImplicitVars} / {@link #registerImplicitNodes}.
 *
 * <p>Every module has a name: {@code ClassName + counter} by default (unique in the JVM), or an explicit one, which
 * must be unique within the network it belongs to: two different modules of one tree with the same name throw
 * {@link UniqueNameError} when the tree is collected (see {@link Naming}).
 * <pre>{@code
 * final class Fhn extends Module {
 *     final Variable v = new Variable(BM.zeros(1)), w = new Variable(BM.zeros(1));
 *     Fhn(String name) { super(name); }
 * }
 * Fhn x = new Fhn("X");
 * x.vars().keys();                    // [X.v, X.w]
 * x.vars(Naming.Scheme.RELATIVE)...   // [v, w]
 * }</pre>
 * In a named Java module, open the package of your model classes to {@code org.braindyn.core} so its fields
 * can be discovered.
 */
public abstract class Module {
    /** The two naming schemes of collected states and nodes. */
    public enum Scheme { RELATIVE, ABSOLUTE }

    private final String name;
    private final Map<String, Variable> implicitVars = new LinkedHashMap<>();
    private final Map<String, Module> implicitNodes = new LinkedHashMap<>();

    /** A module with an automatic unique name. */
    protected Module() { this(null); }

    /** A module with an explicit unique name (null for automatic). */
    protected Module(String name) { this.name = Naming.register(this, name); }

    /** The unique name. */
    public final String name() { return name; }

    /** Registers variables held outside fields (e.g. in a map) under the given attribute names. */
    protected final void registerImplicitVars(Map<String, ? extends Variable> vars) {
        vars.forEach((k, v) -> { checkAttr(k); implicitVars.put(k, v); });
    }

    /** Registers child modules held outside fields under the given attribute names. */
    protected final void registerImplicitNodes(Map<String, ? extends Module> nodes) {
        nodes.forEach((k, v) -> { checkAttr(k); implicitNodes.put(k, v); });
    }

    private void checkAttr(String k) {
        if (k == null || k.isBlank() || k.contains("."))
            throw new IllegalArgumentException(this + ": attribute name '" + k + "' is not valid; expected a non-blank name without '.'");
    }

    /** This module's own variables by attribute name (fields, then registered ones). */
    public final Map<String, Variable> ownVars() {
        Map<String, Variable> out = new LinkedHashMap<>();
        scan(out, null);
        out.putAll(implicitVars);
        out.forEach((k, v) -> v.nameIfUnnamed(name + "." + k));
        return out;
    }

    /** This module's direct children by attribute name (fields, then registered ones). */
    public final Map<String, Module> children() {
        Map<String, Module> out = new LinkedHashMap<>();
        scan(null, out);
        out.putAll(implicitNodes);
        return out;
    }

    private void scan(Map<String, Variable> vars, Map<String, Module> nodes) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = getClass(); c != null && c != Module.class; c = c.getSuperclass()) chain.add(0, c);
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers()) || f.isSynthetic()) continue;   // transient: a back-reference, not a child
                boolean isVar = Variable.class.isAssignableFrom(f.getType()), isNode = Module.class.isAssignableFrom(f.getType());
                if (!isVar && !isNode) continue;
                Object v = read(f);
                if (v == null || v == this) continue;
                if (isVar && vars != null) vars.put(f.getName(), (Variable) v);
                if (isNode && nodes != null) nodes.put(f.getName(), (Module) v);
            }
        }
    }

    private Object read(Field f) {
        try {
            f.setAccessible(true);
            return f.get(this);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(this + ": cannot read field '" + f.getName() + "' of " + f.getDeclaringClass().getName()
                    + " to collect its states (" + e.getMessage() + "). In a named module, open its package to org.braindyn.core.", e);
        }
    }

    /** All variables, absolute names. */
    public final Collector<Variable> vars() { return vars(Scheme.ABSOLUTE, -1); }

    /** All variables under a naming scheme. */
    public final Collector<Variable> vars(Scheme scheme) { return vars(scheme, -1); }

    /**
     * Variables of this module and of descendants down to {@code level} levels of children (-1: all).
     * Relative names are attribute paths; absolute names are {@code ownerName.attr}.
     */
    public final Collector<Variable> vars(Scheme scheme, int level) {
        Collector<Variable> out = new Collector<>();
        walk(this, "", level, scheme, out, null, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    /** All trainable variables (absolute names). */
    public final Collector<TrainVar> trainVars() { return vars().subset(TrainVar.class); }

    /** Trainable variables under a naming scheme. */
    public final Collector<TrainVar> trainVars(Scheme scheme) { return vars(scheme).subset(TrainVar.class); }

    /** This module and all descendants, absolute names. */
    public final Collector<Module> nodes() { return nodes(Scheme.ABSOLUTE, -1, true); }

    /** Nodes under a naming scheme. */
    public final Collector<Module> nodes(Scheme scheme) { return nodes(scheme, -1, true); }

    /** Nodes down to {@code level} levels (-1: all); relative names use {@code ""} for this module. */
    public final Collector<Module> nodes(Scheme scheme, int level, boolean includeSelf) {
        Collector<Module> out = new Collector<>();
        walk(this, "", level, scheme, null, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (!includeSelf) {
            Collector<Module> trimmed = new Collector<>();
            out.forEach((k, v) -> { if (v != this) trimmed.put(k, v); });
            return trimmed;
        }
        return out;
    }

    private void walk(Module m, String path, int level, Scheme scheme, Collector<Variable> vars, Collector<Module> nodes, Set<Module> onPath) {
        walk(m, path, level, scheme, vars, nodes, onPath, new java.util.HashMap<>());
    }

    /** Where a name was first met in a walk: the module and its path. */
    private record Seen(Module module, String path) {}

    private void walk(Module m, String path, int level, Scheme scheme, Collector<Variable> vars, Collector<Module> nodes, Set<Module> onPath,
                      Map<String, Seen> byName) {
        if (!onPath.add(m)) return;                       // a cycle: the parent chain already contains m
        String where = path.isEmpty() ? "(root)" : path;
        Seen first = byName.putIfAbsent(m.name, new Seen(m, where));
        if (first != null && first.module() != m)
            throw new UniqueNameError("In " + this + ", two different modules have the name \"" + m.name + "\" (at " + first.path() + " and at "
                    + where + "); names must be unique within a network. Rename one, or pass null for an automatic name.");
        if (nodes != null) nodes.put(scheme == Scheme.RELATIVE ? path : m.name, m);
        if (vars != null) m.ownVars().forEach((k, v) -> vars.put(scheme == Scheme.RELATIVE ? join(path, k) : m.name + "." + k, v));
        if (level != 0) m.children().forEach((k, c) -> walk(c, join(path, k), level - 1, scheme, vars, nodes, onPath, byName));
        onPath.remove(m);
    }

    private static String join(String path, String k) { return path.isEmpty() ? k : path + "." + k; }

    @Override public String toString() { return getClass().getSimpleName() + " '" + name + "'"; }
}
