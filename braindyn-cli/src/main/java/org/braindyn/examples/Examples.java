package org.braindyn.examples;

import java.util.List;
import java.util.Optional;

/** The registry of runnable examples. */
public final class Examples {
    private Examples() {}

    /** Every example, in the order {@code ./braindyn run --list} shows them. */
    public static List<Example> all() {
        return List.of(new CobaNetwork(), CobaNetwork.cuba(), new CobaHH(), new CobaTensorNetwork(), new SurrogateTraining(), new SnnTraining(), new IntegratorsTour(), new RandomTour(), new LinalgTour(), new JitTour(),
                new PhasePlaneFhn(), new BifurcationExpIf(), new BifurcationFhn(), new FastSlowHr(), new DecisionMakingAnalysis(), new SlowPointsCann(),
                new EsnLorenz(), new NgrcLorenz(), new ForceSine(), new ReservoirOnline(), new BpffReadout(),
                new FashionLstm(), new CustomLoop(), new FashionSnn(), new StateSnn(), new StdpExample(), new IzhikevichPatterns(), new WholeBrain(), new DecisionMaking(), new TrainingModels());
    }

    /**
     * The examples {@code ./braindyn demo} runs: all but the tensor-level COBA and CUBA (the component COBA shows the
     * same kind of network) and the longer analyses (bifurcation-fhn, fast-slow-hr, decision-making-analysis,
     * slow-points-cann: seconds to tens of seconds each); the FHN phase plane and the ExpIF bifurcation stand for them.
     * Of reservoir computing it runs the ESN and NG-RC examples (under 2 s each), not FORCE, Q3 and Q4 (20–50 s each);
     * of the catalogue examples the Izhikevich patterns (under 1 s), not STDP (about a minute), the whole brain (6 s) and the spiking decision network (8 s).
     */
    public static List<Example> demo() {
        java.util.Set<String> skip = java.util.Set.of("coba-tensor", "cuba", "coba-hh", "bifurcation-fhn", "fast-slow-hr", "decision-making-analysis", "slow-points-cann",
                "force-sine", "reservoir-online", "bpff-readout", "fashion-lstm", "custom-loop", "fashion-snn", "state-snn", "stdp", "whole-brain", "decision-making");
        return all().stream().filter(e -> !skip.contains(e.name())).toList();
    }

    /** The example with this name. */
    public static Optional<Example> find(String name) {
        return all().stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
    }
}
