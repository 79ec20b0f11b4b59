package org.braindyn.dyn;

/**
 * A component that carries spikes between groups (a projection, plastic or not): a {@link Network} updates every
 * one of them before its neuron groups, so that all of them read the spikes of the previous step, whatever the
 * order of the fields.
 */
public interface SynapticProjection {}
