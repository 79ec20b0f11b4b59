/**
 * The BrainDyn library users program against: array files ({@code .npy}/{@code .npz}) and linear algebra today;
 * integrators, models, connectivity, runners, dynamics analysis and measures; training as it arrives.
 */
module org.braindyn {
    requires transitive org.braindyn.core;
    requires ejml.core;
    requires ejml.ddense;

    exports org.braindyn.io;
    exports org.braindyn.linalg;
    exports org.braindyn.integrators;
    exports org.braindyn.datasets;
    exports org.braindyn.init;
    exports org.braindyn.connect;
    exports org.braindyn.inputs;
    exports org.braindyn.dyn;
    exports org.braindyn.analysis;
    exports org.braindyn.measure;
    exports org.braindyn.nn;
    exports org.braindyn.train;
    exports org.braindyn.optim;
    exports org.braindyn.losses;
    exports org.braindyn.dyn.neurons;
    exports org.braindyn.dyn.synapses;
    exports org.braindyn.dyn.rates;
    exports org.braindyn.dyn.projections;
    exports org.braindyn.dyn.channels;
    opens org.braindyn.dyn to org.braindyn.core;
    opens org.braindyn.dyn.neurons to org.braindyn.core;
    opens org.braindyn.dyn.synapses to org.braindyn.core;
    opens org.braindyn.dyn.rates to org.braindyn.core;
    opens org.braindyn.dyn.projections to org.braindyn.core;
    opens org.braindyn.dyn.channels to org.braindyn.core;
    opens org.braindyn.nn to org.braindyn.core;
    opens org.braindyn.train to org.braindyn.core;
}
