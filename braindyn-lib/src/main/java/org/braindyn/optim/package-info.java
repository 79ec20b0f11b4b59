/** Gradient optimizers whose state lives in {@code Variable}s ({@link org.braindyn.optim.Adam}, {@link org.braindyn.optim.Sgd}). */
package org.braindyn.optim;
