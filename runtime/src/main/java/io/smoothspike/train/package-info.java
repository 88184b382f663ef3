/**
 * Training: {@link io.smoothspike.train.Trainer} runs exact gradient descent on a network's trainable parameters
 * with the settings of {@link io.smoothspike.train.TrainingSettings}, on a fixed task or on
 * {@link io.smoothspike.train.TrainingData} (labelled images or a data source of exact spike times, whose trials
 * carry labels or target spike times; optionally a validation set), and returns a
 * {@link io.smoothspike.train.TrainingResult}. Its parts, each with one job and package-private: where batches come
 * from ({@code BatchSource}), whether the loss reads what the trials carry ({@code TargetFit}), one step
 * ({@code TrainingStep}), the step-size scan ({@code StepSizeScan}), evaluation and the metrics log
 * ({@code EvaluationLog}, {@code HeldOutMetrics}, {@code TimingErrors}, {@code MetricsFiles}), the best model by
 * validation ({@code BestModel}), checkpoints and resume ({@code RunCheckpoints}, {@code Checkpoint}), progress lines
 * ({@code Progress}). User-facing: the types named first, plus
 * {@link io.smoothspike.train.Augmentation} for an image augmentation of one's own, and
 * {@link io.smoothspike.train.BatchGradients} for batch gradients computed elsewhere (data-parallel training).
 */
package io.smoothspike.train;
