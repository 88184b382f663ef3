/**
 * The event engine: the exact forward pass from event to event, the event record it keeps for the backward
 * sweep, input spikes of one trial, state traces. Internal: users simulate through {@code network.Network}
 * ({@code simulate}, {@code trace}); {@link io.smoothspike.sim.SpikeCapExceededException} is the one type they may
 * catch.
 */
package io.smoothspike.sim;
