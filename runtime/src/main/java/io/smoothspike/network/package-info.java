/**
 * A compiled, runnable network and what it returns: {@link io.smoothspike.network.Network} (compile, simulate,
 * loss and gradient, named parameters, save and load), {@link io.smoothspike.network.SimulationResult},
 * {@link io.smoothspike.network.Evaluation}. The compiler and the JSON reading behind them are internal.
 */
package io.smoothspike.network;
