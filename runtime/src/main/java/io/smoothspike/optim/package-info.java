/**
 * Optimizers (SGD with momentum, Adam, AdaBelief), their state for checkpoints, learning-rate schedules and
 * gradient clipping. Users choose them through {@code train.TrainingSettings}; the types are public for those who
 * write their own training loop.
 */
package io.smoothspike.optim;
