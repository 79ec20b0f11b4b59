package org.braindyn.integrators;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.braindyn.tensor.Config;

/**
 * Factory of ODE integrators (BrainPy's {@code bp.odeint}). Methods by enum, by BrainPy keyword, or as a user
 * {@link ButcherTableau} (optionally registered under a name). The default method is Euler, as in BrainPy, and the
 * default step is {@link Config#dt()}.
 * <pre>{@code
 * OdeIntegrator integral = Odeint.odeint(f, "rk4", 0.01);
 * Odeint.register("my_rk", myTableau);            // then odeint(f, "my_rk", dt)
 * }</pre>
 */
public final class Odeint {
    private static final Map<String, ButcherTableau> USER = new ConcurrentHashMap<>();
    private static volatile Method defaultMethod = Method.EULER;

    private Odeint() {}

    /** An integrator of {@code f} with {@code method} and step {@code dt} (ms). */
    public static OdeIntegrator odeint(Derivative f, Method method, double dt) {
        OdeIntegrator.requireDt(dt);
        if (f == null) throw new IllegalArgumentException("odeint: the derivative function is null");
        if (method == null) throw new IllegalArgumentException("odeint: method is null; expected one of " + Method.keywords());
        return switch (method) {
            case EXP_EULER, EXP_AUTO -> new ExpEulerIntegrator(f, dt, method.keyword());
            default -> new OdeIntegrator(f, method.tableau(), dt, method.keyword());
        };
    }

    /** An integrator with a method given by BrainPy keyword or registered name. */
    public static OdeIntegrator odeint(Derivative f, String method, double dt) {
        ButcherTableau user = method == null ? null : USER.get(method);
        return user != null ? odeint(f, user, dt) : odeint(f, Method.fromName(method), dt);
    }

    /** An integrator with a user tableau. */
    public static OdeIntegrator odeint(Derivative f, ButcherTableau tableau, double dt) {
        OdeIntegrator.requireDt(dt);
        if (f == null) throw new IllegalArgumentException("odeint: the derivative function is null");
        if (tableau == null) throw new IllegalArgumentException("odeint: tableau is null; expected a ButcherTableau or one of " + Method.keywords());
        return new OdeIntegrator(f, tableau, dt, tableau.name());
    }

    /** An integrator with the default method and {@link Config#dt()}. */
    public static OdeIntegrator odeint(Derivative f) { return odeint(f, defaultMethod, Config.dt()); }

    /** Registers a user method under {@code name} (not one of the built-in keywords). */
    public static void register(String name, ButcherTableau tableau) {
        try {
            Method.fromName(name);
            throw new IllegalArgumentException("odeint.register: '" + name + "' is a built-in method; choose another name");
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("odeint.register")) throw e;
        }
        USER.put(name, tableau);
    }

    /** Sets the method used when none is given (BrainPy {@code bp.ode.set_default_odeint}). */
    public static void setDefaultMethod(Method m) { defaultMethod = m; }

    /** The method used when none is given. */
    public static Method defaultMethod() { return defaultMethod; }
}
