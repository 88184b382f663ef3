/**
 * The network description: immutable, validated records that serialise to JSON, and the registry of losses
 * ({@link io.smoothspike.spec.Losses}), where a loss of one's own is registered. User-facing: the description
 * types ({@code NetworkSpec} and its parts) and {@code Losses}.
 */
package io.smoothspike.spec;
