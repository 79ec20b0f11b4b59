package org.braindyn.analysis;

/**
 * A limit cycle found by simulation: one period of the trajectory ({@code points[var][k]}), its period, and the
 * minimum and maximum of each variable over it (the branches a bifurcation diagram draws).
 */
public record LimitCycle(double[][] points, double period, double[] min, double[] max) {}
