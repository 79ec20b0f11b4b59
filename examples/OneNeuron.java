// A single-file BrainDyn program: one LIF neuron driven by a constant current.
// Run it with:  ./braindyn script examples/OneNeuron.java [current]
import java.util.List;
import org.braindyn.dyn.DSRunner;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.tensor.BM;

public class OneNeuron {
    public static void main(String[] args) {
        double current = args.length > 0 ? Double.parseDouble(args[0]) : 25.0;
        // named parameters with their units (mV, ms, MΩ); V starts at V_rest
        Lif neuron = Lif.builder(1).name("N").vRest(-65).vReset(-65).vTh(-50).tau(10).r(1).tauRef(2).build();
        DSRunner runner = new DSRunner(neuron, List.of("spike"), 0.1).input("input", current);
        runner.run(1000);
        double spikes = BM.sum(runner.mon("spike")).item();
        // Closed form: the time to climb from V_reset to V_th is tau * ln(R I / (R I - (V_th - V_rest))), plus the refractory period.
        double isi = 10 * Math.log(current / (current - 15)) + 2;
        System.out.printf("LIF neuron, I = %.1f: %d spikes in 1000 ms (%.1f Hz); closed-form interspike interval %.3f ms -> %.1f Hz%n",
                current, (long) spikes, spikes, isi, 1000 / isi);
    }
}
