/**
 * Neuron models, one file each, and the extension point for new ones.
 *
 * <p><b>Writing a neuron model.</b> A model is a {@link io.smoothspike.model.NeuronModel} (its constants, model
 * coordinates and their bounds, pseudodynamics or none, and a factory for kernels) with a kernel, plus a
 * {@link io.smoothspike.model.NeuronModelType} that declares its name, its constants
 * ({@link io.smoothspike.model.ModelConstant}: defaults, ranges, trainable) and the coordinates users give initial
 * states in ({@link io.smoothspike.model.UserCoordinates}). The kernel usually extends
 * {@link io.smoothspike.model.LazyKernel} and supplies the closed-form flow, input jump, reset and time to spike of
 * one neuron and their derivatives; LazyKernel turns these into everything the engine calls (delivery, next spiker,
 * recording, backward sweep). See {@link io.smoothspike.model.Lif}, or the example {@code CurrentLif} outside the
 * library. {@link io.smoothspike.model.NeuronModels} maps names to types: a built-in model is registered there with
 * one line, a user's model with {@code NeuronModels.register(MyModel.TYPE)} (or {@code register(MyModel.TYPE)} in a
 * script). Nothing outside this package switches on model types.
 *
 * <p><b>Population-wide kernels.</b> A model whose population shares a representation extends
 * {@link io.smoothspike.model.PopulationKernel} directly: its abstract methods are the contract, and its methods
 * with a default body are optional fast paths that only save work (batched and dense delivery, shared caches, a
 * bounded next-spike query, shared rows of weight gradients). {@link io.smoothspike.model.Theta} is the one such
 * model; its kernel is split into the forward pass ({@code ThetaKernel}), the record of a trial
 * ({@code ThetaRecord}) and the backward sweep ({@code ThetaBackward}).
 */
package io.smoothspike.model;
