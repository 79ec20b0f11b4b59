/**
 * Gradient optimizers whose state lives in {@code Variable}s — {@link org.braindyn.optim.Sgd}, {@link org.braindyn.optim.Momentum}
 * (and Nesterov), {@link org.braindyn.optim.Adagrad}, {@link org.braindyn.optim.Adadelta}, {@link org.braindyn.optim.RMSProp},
 * {@link org.braindyn.optim.Adam} (and AdamW), {@link org.braindyn.optim.Lars}, {@link org.braindyn.optim.Lamb} — with weight
 * decay, gradient clipping and learning-rate {@link org.braindyn.optim.Scheduler}s.
 */
package org.braindyn.optim;
