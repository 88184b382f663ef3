/**
 * Neuron models, one file each, and the extension point for new ones.
 *
 * <p>A model is a {@link io.smoothspike.model.NeuronModel} (its constants, model coordinates and their bounds,
 * pseudodynamics or none, and a {@link io.smoothspike.model.PopulationKernel}, usually a
 * {@link io.smoothspike.model.LazyKernel} with the closed-form flow, spike time, input jump and reset) plus a
 * {@link io.smoothspike.model.NeuronModelType} that declares its name, its constants
 * ({@link io.smoothspike.model.ModelConstant}: defaults, ranges, trainable) and the coordinates users give initial
 * states in ({@link io.smoothspike.model.UserCoordinates}). {@link io.smoothspike.model.NeuronModels} maps names to
 * types: a built-in model is registered there with one line, a user's model with
 * {@code NeuronModels.register(MyModel.TYPE)} (or {@code register(MyModel.TYPE)} in a script). Nothing outside this
 * package switches on model types.
 */
package io.smoothspike.model;
