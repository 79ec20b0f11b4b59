/**
 * BrainDyn core: tensors and their primitive table, kernels, states and random numbers. No dependencies.
 */
module org.braindyn.core {
    requires transitive jdk.incubator.vector;
    requires static java.management;
    requires static jdk.management;

    exports org.braindyn.tensor;
    exports org.braindyn.ops;
    exports org.braindyn.state;
    exports org.braindyn.random;
    exports org.braindyn.autodiff;
    exports org.braindyn.jit;
    exports org.braindyn.surrogate;
    exports org.braindyn.ops.internal to org.braindyn;   // kernels the library reuses (not an API for users)
}
