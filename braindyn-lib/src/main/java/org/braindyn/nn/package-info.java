/**
 * Trainable and reservoir nodes (BrainPy's {@code bp.nn} / {@code bp.layers}): {@link org.braindyn.nn.Reservoir}
 * (echo-state network), {@link org.braindyn.nn.NVAR} (next-generation reservoir computing),
 * {@link org.braindyn.nn.Dense} (with feedback inputs and offline/online fitting) and its readout form
 * {@link org.braindyn.nn.LinearReadout}, composed by {@link org.braindyn.nn.Sequential} with explicit feedback links.
 * Every node works on batch-first data: one step takes {@code (batch, features)}; sequences are
 * {@code (batch, time, features)}.
 * <pre>{@code
 * Config.enableX64();
 * Reservoir r = Reservoir.builder(3, 400).spectralRadius(1.4).seed(1).build();
 * Dense o = LinearReadout.builder(400, 3).build();
 * Sequential esn = Sequential.of(r, o);
 * OfflineTrainer t = RidgeTrainer.of(esn, 1e-6);
 * t.fit(xTrain, yTrain);                      // (1, T, 3) each
 * Tensor yHat = t.predict(xTest, false);      // (1, T', 3), continuing from the training state
 * }</pre>
 */
package org.braindyn.nn;
