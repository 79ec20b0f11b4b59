package org.braindyn.analysis;

/** How fixed-point candidates are chosen (BrainPy's {@code select_candidates}). */
public enum Candidates {
    /** Points on the fx-nullcline (the phase plane's default). */ FX_NULLCLINE,
    /** Points on the fy-nullcline. */ FY_NULLCLINE,
    /** Points on both nullclines. */ NULLCLINES,
    /** The {@code numRank} grid points with the smallest ½‖f‖² per parameter point (the bifurcation analysers' default). */ AUX_RANK
}
