/**
 * The fluent Java DSL: {@link io.smoothspike.dsl.Snn} and the builders its chains return. What an
 * application that embeds SmoothSpike writes its networks in.
 */
package io.smoothspike.dsl;
