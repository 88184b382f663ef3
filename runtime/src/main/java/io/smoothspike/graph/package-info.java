/**
 * The compiled network: populations, input channels and projections in flat primitive arrays, and the layout of
 * the parameters. Internal: built by {@code network.Network.compile}; users work with {@code network.Network} and may
 * see these types change between versions.
 */
package io.smoothspike.graph;
