package org.braindyn.analysis;

/**
 * A bifurcation detected between neighbouring parameter points: {@code "fold"} (two fixed points meet and vanish:
 * the count changes) or {@code "hopf"} (a focus changes stability, so a limit cycle is born); {@code pars} is the
 * midpoint of the two parameter points in target-parameter order, {@code x} the fixed point's position there.
 */
public record Bifurcation(String kind, double[] pars, double[] x) {}
