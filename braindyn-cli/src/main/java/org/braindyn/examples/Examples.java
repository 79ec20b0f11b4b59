package org.braindyn.examples;

import java.util.List;
import java.util.Optional;

/** The registry of runnable examples. */
public final class Examples {
    private Examples() {}

    /** Every example, in the order {@code ./braindyn run --list} shows them. */
    public static List<Example> all() {
        return List.of(new CobaNetwork(), CobaNetwork.cuba(), new CobaTensorNetwork(), new SurrogateTraining(), new SnnTraining(), new IntegratorsTour(), new RandomTour(), new LinalgTour(), new JitTour(),
                new PhasePlaneFhn(), new BifurcationExpIf(), new BifurcationFhn(), new FastSlowHr(), new DecisionMakingAnalysis(), new SlowPointsCann());
    }

    /** The examples {@code ./braindyn demo} runs (the tensor-level COBA and CUBA are left out: the component COBA shows the same kind of network). */
    public static List<Example> demo() {
        return all().stream().filter(e -> !(e instanceof CobaTensorNetwork) && !e.name().equals("cuba")).toList();
    }

    /** The example with this name. */
    public static Optional<Example> find(String name) {
        return all().stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
    }
}
