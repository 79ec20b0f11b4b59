package org.braindyn.state;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Naming, collection and collectors: BrainPy's worked examples M1, M2, M4, M5, M6. */
class ModuleTest {
    static final class FitzHughNagumoModel extends Module {
        final Variable v = new Variable(zeros(1)), w = new Variable(zeros(1));
        final Variable I = new Variable(zeros(1));
        FitzHughNagumoModel() { super(); }
        FitzHughNagumoModel(String name) { super(name); }
    }

    static final class Net extends Module {
        final Module f1, f2;
        Net(Module f1, Module f2) { this.f1 = f1; this.f2 = f2; }
    }

    static final class Holder extends Module {
        final List<Variable> hidden = List.of(new Variable(zeros(1)));
        final TrainVar weight = new TrainVar(ones(2));
        final Parameter gain = new Parameter(ones(1));
        Holder(boolean register) {
            if (register) {
                registerImplicitVars(Map.of("v0", hidden.get(0)));
                registerImplicitNodes(Map.of("T1", new FitzHughNagumoModel("T1")));
            }
        }
    }

    static final class A extends Module {
        final Variable a = new Variable(zeros(1));
        A(String n) { super(n); }
    }

    static final class Shared extends Module {
        final A source;
        final Variable a;
        Shared(A source) { super("A_shared"); this.source = source; this.a = source.a; }
    }

    static final class Group extends Module {
        final A first;
        final Shared second;
        Group(A first, Shared second) { super("Group0"); this.first = first; this.second = second; }
    }

    @BeforeEach void fresh() { Naming.clearNameCache(); }

    @Test
    void automaticAndExplicitNamesM1() {
        FitzHughNagumoModel a = new FitzHughNagumoModel(), b = new FitzHughNagumoModel();
        assertEquals("FitzHughNagumoModel0", a.name());
        assertEquals("FitzHughNagumoModel1", b.name());
        FitzHughNagumoModel x = new FitzHughNagumoModel("X");
        assertEquals("X", x.name());
        // BrainPy refuses a second live "X" anywhere; BrainDyn only within one network, so that a network class can be
        // built twice (parameter sweeps). Within one tree the clash is a UniqueNameError when the tree is collected.
        FitzHughNagumoModel x2 = new FitzHughNagumoModel("X");
        assertEquals("X", x2.name());
        final class Pair extends Module {
            final FitzHughNagumoModel first = x, second = x2;
            Pair() { super(null); }
        }
        UniqueNameError e = assertThrows(UniqueNameError.class, () -> new Pair().vars());
        assertTrue(e.getMessage().contains("\"X\"") && e.getMessage().contains("first") && e.getMessage().contains("second"), e.getMessage());
        assertNotEquals("X", new FitzHughNagumoModel().name(), "automatic names never take a live explicit name");
        Naming.clearNameCache();
        assertEquals("X", new FitzHughNagumoModel("X").name(), "names are free again after clearing the cache");
        assertThrows(IllegalArgumentException.class, () -> new FitzHughNagumoModel("a.b"));
    }

    @Test
    void relativeAndAbsoluteCollectionM2() {
        FitzHughNagumoModel f1 = new FitzHughNagumoModel(), f2 = new FitzHughNagumoModel("X");
        assertEquals(Set.of("X.v", "X.w", "X.I"), f2.vars().keys());
        assertEquals(List.of("v", "w", "I"), List.copyOf(f2.vars(Module.Scheme.RELATIVE).keys()));
        Net net = new Net(f1, f2);
        assertEquals(List.of("f1.v", "f1.w", "f1.I", "f2.v", "f2.w", "f2.I"), List.copyOf(net.vars(Module.Scheme.RELATIVE).keys()));
        assertEquals(Set.of("FitzHughNagumoModel0", "X", "Net0"), net.nodes().keys());
        assertEquals(Set.of("", "f1", "f2"), net.nodes(Module.Scheme.RELATIVE).keys());
        assertSame(f2.I, net.vars(Module.Scheme.RELATIVE).get("f2.I"));
        assertSame(f2.I, net.vars().get("X.I"));
        assertEquals("X.I", f2.I.name(), "discovery names the variable for messages");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.vars().get("Z.V"));
        assertTrue(e.getMessage().contains("'Z.V'") && e.getMessage().contains("X.v"), e.getMessage());
        assertEquals(Set.of("f1", "f2"), net.nodes(Module.Scheme.RELATIVE, 1, false).keys());
        assertEquals(0, net.vars(Module.Scheme.RELATIVE, 0).size(), "level 0: own variables only");
    }

    @Test
    void containersAreSearchedOnlyWhenRegisteredM4() {
        Holder plain = new Holder(false);
        assertEquals(Set.of("weight", "gain"), plain.vars(Module.Scheme.RELATIVE).keys());
        assertEquals(1, plain.nodes().size());
        Naming.clearNameCache();
        Holder reg = new Holder(true);
        assertEquals(Set.of("weight", "gain", "v0", "T1.v", "T1.w", "T1.I"), reg.vars(Module.Scheme.RELATIVE).keys());
        assertEquals(Set.of("Holder0", "T1"), reg.nodes().keys());
        assertEquals(Set.of("Holder0.weight"), reg.trainVars().keys());
        assertEquals(Set.of("Holder0.gain"), reg.vars().subset(Parameter.class).keys());
    }

    @Test
    void sharedVariablesAndUniqueM5() {
        A a = new A("A");
        Group g = new Group(a, new Shared(a));
        Collector<Variable> rel = g.vars(Module.Scheme.RELATIVE);
        assertEquals(List.of("first.a", "second.a", "second.source.a"), List.copyOf(rel.keys()));
        assertEquals(1, rel.unique().size());
        assertEquals(4, g.nodes(Module.Scheme.RELATIVE).size());
        assertEquals(3, g.nodes(Module.Scheme.RELATIVE).unique().size());
    }

    @Test
    void collectorConflictsM6() {
        Collector<Object> tc = new Collector<>(Map.of("a", zeros(10)));
        IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class, () -> tc.put("a", zeros(1)));
        assertTrue(e1.getMessage().startsWith("Name \"a\" conflicts"), e1.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tc.update(Map.of("a", ones(1))));
        Object three = ones(3);
        tc.replace("a", three);
        assertSame(three, tc.get("a"));
        Collector<Object> merged = new Collector<Object>(Map.of("a", three)).plus(new Collector<>(Map.of("b", zeros(2))));
        assertEquals(Set.of("a", "b"), merged.keys());
        assertEquals(Set.of("b"), merged.minus(tc).keys());
    }
}
