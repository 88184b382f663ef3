/**
 * Losses of a trial's output times and their gradients ({@link io.smoothspike.loss.Loss}); a classification loss
 * also gives the class a trial predicts ({@link io.smoothspike.loss.Prediction}); what a batch's trials are to produce
 * (labels or target spike times) is {@link io.smoothspike.loss.TrialTargets}. Their descriptions, and the
 * registry where a loss of one's own plugs in, are {@link io.smoothspike.spec.LossSpec} and
 * {@link io.smoothspike.spec.Losses}.
 */
package io.smoothspike.loss;
