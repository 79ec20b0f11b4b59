package org.braindyn.dyn.neurons;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.braindyn.dyn.NeuronGroup;
import org.braindyn.tensor.Tensor;

/**
 * The neuron models that can be built by name with numeric parameters (the {@code braindyn neuron} workbench): each
 * entry lists its parameters with BrainPy's defaults and units, and builds a population from a map of overrides,
 * refusing unknown names with the list of valid ones.
 */
public final class Catalogue {
    private Catalogue() {}

    /** One parameter: name, BrainPy default, unit. */
    public record ParamInfo(String name, double defaultValue, String unit) {}

    /** Builds a population of {@code size} neurons from parameter values (defaults overlaid with overrides). */
    @FunctionalInterface
    public interface Factory { NeuronGroup build(int size, Map<String, Double> values, String method); }

    /** A catalogue entry. */
    public record Model(String name, String description, List<ParamInfo> parameters, boolean hasMethod, Factory factory) {
        /** The population, with {@code overrides} checked against the parameter list and {@code method} (null: the model's default). */
        public NeuronGroup build(int size, Map<String, Double> overrides, String method) {
            Map<String, Double> values = new LinkedHashMap<>();
            parameters.forEach(p -> values.put(p.name(), p.defaultValue()));
            for (String k : overrides.keySet())
                if (!values.containsKey(k))
                    throw new IllegalArgumentException("neuron model '" + name + "' has no parameter '" + k + "'; its parameters are "
                            + parameters.stream().map(ParamInfo::name).toList());
            if (method != null && !hasMethod) throw new IllegalArgumentException("neuron model '" + name + "' has no integration method to choose (its scheme is fixed: exact for lif, Grünwald–Letnikov or Caputo L1 for the fractional models)");
            values.putAll(overrides);
            return factory.build(size, values, method);
        }

        /** The membrane potential variable's value (for traces). */
        public Tensor potential(NeuronGroup g) {
            return switch (g) {
                case Lif l -> l.V.value();
                case ResetNeuron z -> z.V.value();
                case PinskyRinzel pr -> pr.Vs().value();
                case FractionalNeuron fr -> fr.variable("V").value();
                case CrossingNeuron c -> c.variable("V").value();
                case Gif gi -> gi.V.value();
                case Alif al -> al.V.value();
                default -> throw new IllegalStateException("no potential for " + g);
            };
        }
    }

    /** Every model, in the order {@code --list} shows them. */
    public static List<Model> all() {
        return List.of(
                new Model("lif", "leaky integrate-and-fire (BrainPy bp.dyn.Lif / LifRef), exact exponential step",
                        List.of(new ParamInfo("vRest", 0, "mV"), new ParamInfo("vReset", -5, "mV"), new ParamInfo("vTh", 20, "mV"),
                                new ParamInfo("tau", 10, "ms"), new ParamInfo("r", 1, "MΩ"), new ParamInfo("tauRef", 0, "ms")), false,
                        (n, v, m) -> new Lif(null, n, new LifParams(v.get("vRest"), v.get("vReset"), v.get("vTh"), v.get("tau"), v.get("r"), v.get("tauRef")),
                                Lif.Reset.HARD, null, null)),
                new Model("izhikevich", "Izhikevich (2003) quadratic model with recovery variable (bp.dyn.Izhikevich)",
                        List.of(new ParamInfo("a", 0.02, ""), new ParamInfo("b", 0.2, ""), new ParamInfo("c", -65, "mV"), new ParamInfo("d", 8, ""),
                                new ParamInfo("vTh", 30, "mV"), new ParamInfo("tauRef", 0, "ms"), new ParamInfo("vInit", -70, "mV")), true,
                        (n, v, m) -> {
                            Izhikevich.Builder b = Izhikevich.builder(n).a(v.get("a")).b(v.get("b")).c(v.get("c")).d(v.get("d")).vTh(v.get("vTh"))
                                    .tauRef(v.get("tauRef")).vInit(v.get("vInit"));
                            return (m == null ? b : b.method(m)).build();
                        }),
                new Model("expif", "exponential integrate-and-fire (bp.dyn.ExpIF)",
                        List.of(new ParamInfo("vRest", -65, "mV"), new ParamInfo("vReset", -68, "mV"), new ParamInfo("vTh", -30, "mV"), new ParamInfo("vT", -59.9, "mV"),
                                new ParamInfo("deltaT", 3.48, "mV"), new ParamInfo("r", 1, ""), new ParamInfo("tau", 10, "ms"), new ParamInfo("tauRef", 1.7, "ms")), true,
                        (n, v, m) -> {
                            ExpIF.Builder b = ExpIF.builder(n).vRest(v.get("vRest")).vReset(v.get("vReset")).vTh(v.get("vTh")).vT(v.get("vT")).deltaT(v.get("deltaT"))
                                    .r(v.get("r")).tau(v.get("tau")).tauRef(v.get("tauRef"));
                            return (m == null ? b : b.method(m)).build();
                        }),
                new Model("adexif", "adaptive exponential integrate-and-fire (bp.dyn.AdExIF)",
                        List.of(new ParamInfo("vRest", -65, "mV"), new ParamInfo("vReset", -68, "mV"), new ParamInfo("vTh", -30, "mV"), new ParamInfo("vT", -59.9, "mV"),
                                new ParamInfo("deltaT", 3.48, "mV"), new ParamInfo("a", 1, ""), new ParamInfo("b", 1, ""), new ParamInfo("r", 1, ""),
                                new ParamInfo("tau", 10, "ms"), new ParamInfo("tauW", 30, "ms"), new ParamInfo("tauRef", 0, "ms")), true,
                        (n, v, m) -> {
                            AdExIF.Builder b = AdExIF.builder(n).vRest(v.get("vRest")).vReset(v.get("vReset")).vTh(v.get("vTh")).vT(v.get("vT")).deltaT(v.get("deltaT"))
                                    .a(v.get("a")).b(v.get("b")).r(v.get("r")).tau(v.get("tau")).tauW(v.get("tauW")).tauRef(v.get("tauRef"));
                            return (m == null ? b : b.method(m)).build();
                        }),
                new Model("quaif", "quadratic integrate-and-fire (bp.dyn.QuaIF)",
                        List.of(new ParamInfo("vRest", -65, "mV"), new ParamInfo("vReset", -68, "mV"), new ParamInfo("vTh", -30, "mV"), new ParamInfo("vC", -50, "mV"),
                                new ParamInfo("c", 0.07, "1/mV"), new ParamInfo("r", 1, ""), new ParamInfo("tau", 10, "ms"), new ParamInfo("tauRef", 0, "ms")), true,
                        (n, v, m) -> {
                            QuaIF.Builder b = QuaIF.builder(n).vRest(v.get("vRest")).vReset(v.get("vReset")).vTh(v.get("vTh")).vC(v.get("vC")).c(v.get("c"))
                                    .r(v.get("r")).tau(v.get("tau")).tauRef(v.get("tauRef"));
                            return (m == null ? b : b.method(m)).build();
                        }),
                new Model("adquaif", "adaptive quadratic integrate-and-fire (bp.dyn.AdQuaIF)",
                        List.of(new ParamInfo("vRest", -65, "mV"), new ParamInfo("vReset", -68, "mV"), new ParamInfo("vTh", -30, "mV"), new ParamInfo("vC", -50, "mV"),
                                new ParamInfo("a", 1, ""), new ParamInfo("b", 0.1, ""), new ParamInfo("c", 0.07, "1/mV"), new ParamInfo("tau", 10, "ms"),
                                new ParamInfo("tauW", 10, "ms"), new ParamInfo("tauRef", 0, "ms")), true,
                        (n, v, m) -> {
                            AdQuaIF.Builder b = AdQuaIF.builder(n).vRest(v.get("vRest")).vReset(v.get("vReset")).vTh(v.get("vTh")).vC(v.get("vC")).a(v.get("a"))
                                    .b(v.get("b")).c(v.get("c")).tau(v.get("tau")).tauW(v.get("tauW")).tauRef(v.get("tauRef"));
                            return (m == null ? b : b.method(m)).build();
                        }),
                new Model("gif", "generalized integrate-and-fire with dynamic threshold, Mihalas & Niebur 2009 (bp.dyn.Gif)",
                        List.of(new ParamInfo("vRest", -70, "mV"), new ParamInfo("vReset", -70, "mV"), new ParamInfo("vThInf", -50, "mV"),
                                new ParamInfo("vThReset", -60, "mV"), new ParamInfo("r", 20, ""), new ParamInfo("tau", 20, "ms"), new ParamInfo("a", 0, "1/ms"),
                                new ParamInfo("b", 0.01, "1/ms"), new ParamInfo("k1", 0.2, "1/ms"), new ParamInfo("k2", 0.02, "1/ms"), new ParamInfo("r1", 0, ""),
                                new ParamInfo("r2", 1, ""), new ParamInfo("a1", 0, ""), new ParamInfo("a2", 0, "")), true,
                        (n, v, m) -> {
                            Gif.Builder b = Gif.builder(n).vRest(v.get("vRest")).vReset(v.get("vReset")).vThInf(v.get("vThInf")).vThReset(v.get("vThReset"))
                                    .r(v.get("r")).tau(v.get("tau")).a(v.get("a")).b(v.get("b")).k1(v.get("k1")).k2(v.get("k2")).r1(v.get("r1"))
                                    .r2(v.get("r2")).a1(v.get("a1")).a2(v.get("a2"));
                            return (m == null ? b : b.method(m)).build();
                        }),
                new Model("alif", "adaptive LIF with spike-frequency adaptation, Bellec et al. 2020 (bp.dyn.ALIFBellec2020)",
                        List.of(new ParamInfo("vRest", -70, "mV"), new ParamInfo("vTh", -60, "mV"), new ParamInfo("r", 1, ""), new ParamInfo("beta", 1.6, "mV"),
                                new ParamInfo("tau", 20, "ms"), new ParamInfo("tauA", 2000, "ms"), new ParamInfo("tauRef", 0, "ms")), true,
                        (n, v, m) -> {
                            Alif.Builder b = Alif.builder(n).vRest(v.get("vRest")).vTh(v.get("vTh")).r(v.get("r")).beta(v.get("beta")).tau(v.get("tau"))
                                    .tauA(v.get("tauA")).tauRef(v.get("tauRef"));
                            return (m == null ? b : b.method(m)).build();
                        }),
                new Model("fhn", "FitzHugh–Nagumo, dimensionless; spikes are upward crossings of vTh (bp.dyn.FHN)",
                        List.of(new ParamInfo("a", 0.7, ""), new ParamInfo("b", 0.8, ""), new ParamInfo("tau", 12.5, ""), new ParamInfo("vTh", 1.8, "")), true,
                        (n, v, m) -> {
                            FHN.Builder b = FHN.builder(n).a(v.get("a")).b(v.get("b")).tau(v.get("tau")).vTh(v.get("vTh"));
                            return (m == null ? b : b.method(m)).build();
                        }),
                new Model("morrislecar", "Morris–Lecar barnacle muscle fibre; spikes are upward crossings of vTh (bp.dyn.MorrisLecar)",
                        List.of(new ParamInfo("vCa", 130, "mV"), new ParamInfo("gCa", 4.4, "mS/cm²"), new ParamInfo("vK", -84, "mV"), new ParamInfo("gK", 8, "mS/cm²"),
                                new ParamInfo("vLeak", -60, "mV"), new ParamInfo("gLeak", 2, "mS/cm²"), new ParamInfo("C", 20, "µF/cm²"), new ParamInfo("phi", 0.04, "1/ms"),
                                new ParamInfo("vTh", 10, "mV"), new ParamInfo("vInit", -65, "mV")), true,
                        (n, v, m) -> {
                            MorrisLecar.Builder b = MorrisLecar.builder(n).vCa(v.get("vCa")).gCa(v.get("gCa")).vK(v.get("vK")).gK(v.get("gK")).vLeak(v.get("vLeak"))
                                    .gLeak(v.get("gLeak")).c(v.get("C")).phi(v.get("phi")).vTh(v.get("vTh")).vInit(v.get("vInit"));
                            return (m == null ? b : b.method(m)).build();
                        }),
                new Model("wangbuzsaki", "Wang–Buzsáki fast-spiking interneuron (bp.dyn.WangBuzsakiModel)",
                        List.of(new ParamInfo("ENa", 55, "mV"), new ParamInfo("gNa", 35, "mS/cm²"), new ParamInfo("EK", -90, "mV"), new ParamInfo("gK", 9, "mS/cm²"),
                                new ParamInfo("EL", -65, "mV"), new ParamInfo("gL", 0.1, "mS/cm²"), new ParamInfo("phi", 5, ""), new ParamInfo("C", 1, "µF/cm²"),
                                new ParamInfo("vTh", 20, "mV"), new ParamInfo("vInit", -65, "mV")), true,
                        (n, v, m) -> {
                            WangBuzsaki.Builder b = WangBuzsaki.builder(n).eNa(v.get("ENa")).gNa(v.get("gNa")).eK(v.get("EK")).gK(v.get("gK")).eL(v.get("EL"))
                                    .gL(v.get("gL")).phi(v.get("phi")).c(v.get("C")).vTh(v.get("vTh")).vInit(v.get("vInit"));
                            return (m == null ? b : b.method(m)).build();
                        }),
                new Model("pinskyrinzel", "Pinsky–Rinzel two-compartment CA3 cell, soma and dendrite; spikes are somatic crossings of vTh (bp.dyn.PinskyRinzelModel)",
                        List.of(new ParamInfo("gNa", 30, "mS/cm²"), new ParamInfo("gK", 15, "mS/cm²"), new ParamInfo("gCa", 10, "mS/cm²"),
                                new ParamInfo("gAHP", 0.8, "mS/cm²"), new ParamInfo("gC", 15, "mS/cm²"), new ParamInfo("gL", 0.1, "mS/cm²"),
                                new ParamInfo("ENa", 60, "mV"), new ParamInfo("EK", -75, "mV"), new ParamInfo("ECa", 80, "mV"), new ParamInfo("EL", -60, "mV"),
                                new ParamInfo("gc", 2.1, "mS/cm²"), new ParamInfo("p", 0.5, ""), new ParamInfo("C", 3, "µF/cm²"), new ParamInfo("vTh", 20, "mV")), true,
                        (n, v, m) -> {
                            PinskyRinzel.Builder b = PinskyRinzel.builder(n).gNa(v.get("gNa")).gK(v.get("gK")).gCa(v.get("gCa")).gAhp(v.get("gAHP")).gC(v.get("gC"))
                                    .gL(v.get("gL")).eNa(v.get("ENa")).eK(v.get("EK")).eCa(v.get("ECa")).eL(v.get("EL")).gc(v.get("gc")).p(v.get("p")).c(v.get("C"))
                                    .vTh(v.get("vTh"));
                            return (m == null ? b : b.method(m)).build();
                        }),
                new Model("fractionalfhr", "fractional-order FitzHugh–Rinzel burster (Grünwald–Letnikov short memory), dimensionless; spikes are crossings of vTh; alpha (order) has no BrainPy default (bp.dyn.FractionalFHR)",
                        List.of(new ParamInfo("alpha", 0.98, ""), new ParamInfo("numMemory", 1000, "steps"),
                                new ParamInfo("a", 0.7, ""), new ParamInfo("b", 0.8, ""), new ParamInfo("c", -0.775, ""), new ParamInfo("d", 1, ""),
                                new ParamInfo("delta", 0.08, ""), new ParamInfo("mu", 1e-4, ""), new ParamInfo("vTh", 1.8, "")), false,
                        (n, v, m) -> FractionalFHR.builder(n, v.get("alpha")).numMemory((int) Math.round(v.get("numMemory"))).a(v.get("a")).b(v.get("b"))
                                .c(v.get("c")).d(v.get("d")).delta(v.get("delta")).mu(v.get("mu")).vTh(v.get("vTh")).build()),
                new Model("fractionalizhikevich", "fractional-order Izhikevich neuron (Caputo L1 scheme); alpha (order) and numMemory have no BrainPy defaults (bp.dyn.FractionalIzhikevich)",
                        List.of(new ParamInfo("alpha", 0.9, ""), new ParamInfo("numMemory", 10000, "steps"),
                                new ParamInfo("a", 0.02, ""), new ParamInfo("b", 0.2, ""), new ParamInfo("c", -65, "mV"), new ParamInfo("d", 8, "mV"),
                                new ParamInfo("tau", 1, "ms"), new ParamInfo("vTh", 30, "mV")), false,
                        (n, v, m) -> FractionalIzhikevich.builder(n, v.get("alpha"), (int) Math.round(v.get("numMemory"))).a(v.get("a")).b(v.get("b"))
                                .c(v.get("c")).d(v.get("d")).tau(v.get("tau")).vTh(v.get("vTh")).build()),
                new Model("hindmarshrose", "Hindmarsh–Rose burster, dimensionless; spikes are upward crossings of vTh (bp.dyn.HindmarshRose)",
                        List.of(new ParamInfo("r", 0.01, ""), new ParamInfo("s", 4, ""), new ParamInfo("vRest", -1.6, ""), new ParamInfo("vTh", 1, "")), true,
                        (n, v, m) -> {
                            HindmarshRose.Builder b = HindmarshRose.builder(n).r(v.get("r")).s(v.get("s")).vRest(v.get("vRest")).vTh(v.get("vTh"));
                            return (m == null ? b : b.method(m)).build();
                        }),
                new Model("hh", "Hodgkin–Huxley squid axon (bp.dyn.HH)",
                        List.of(new ParamInfo("ENa", 50, "mV"), new ParamInfo("gNa", 120, "mS/cm²"), new ParamInfo("EK", -77, "mV"), new ParamInfo("gK", 36, "mS/cm²"),
                                new ParamInfo("EL", -54.387, "mV"), new ParamInfo("gL", 0.03, "mS/cm²"), new ParamInfo("vTh", 20, "mV"), new ParamInfo("C", 1, "µF/cm²"),
                                new ParamInfo("vInit", -65, "mV")), true,
                        (n, v, m) -> {
                            HH.Builder b = HH.builder(n).eNa(v.get("ENa")).gNa(v.get("gNa")).eK(v.get("EK")).gK(v.get("gK")).eL(v.get("EL")).gL(v.get("gL"))
                                    .vTh(v.get("vTh")).c(v.get("C")).vInit(v.get("vInit"));
                            return (m == null ? b : b.method(m)).build();
                        }));
    }

    /** The model named {@code name} (case-insensitive). */
    public static Optional<Model> find(String name) {
        return all().stream().filter(m -> m.name().equalsIgnoreCase(name)).findFirst();
    }
}
