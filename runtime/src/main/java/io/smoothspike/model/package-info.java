/**
 * Neuron models and the population kernels that advance them between events.
 *
 * <p><b>Writing a neuron model.</b> A model is two classes, usually in one file (see {@link io.smoothspike.model.Lif}
 * or the example {@code CurrentLif}):
 * <ul>
 *   <li>a {@link io.smoothspike.model.NeuronModel}: its constants, state coordinates, pseudodynamics and a factory
 *       for kernels;</li>
 *   <li>a kernel extending {@link io.smoothspike.model.LazyKernel}: the closed-form flow, input jump, reset and
 *       time to spike of one neuron, and their derivatives. LazyKernel turns these into everything the engine calls
 *       (delivery, next spiker, recording, backward sweep).</li>
 * </ul>
 *
 * <p><b>Population-wide kernels.</b> A model whose population shares a representation extends
 * {@link io.smoothspike.model.PopulationKernel} directly: its abstract methods are the contract, and its methods
 * with a default body are optional fast paths that only save work (batched and dense delivery, shared caches, a
 * bounded next-spike query, shared rows of weight gradients). {@link io.smoothspike.model.Theta} is the one such
 * model; its kernel is split into the forward pass ({@code ThetaKernel}), the record of a trial
 * ({@code ThetaRecord}) and the backward sweep ({@code ThetaBackward}).
 */
package io.smoothspike.model;
