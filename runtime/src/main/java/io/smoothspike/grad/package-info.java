/**
 * Output times with pseudospikes, the loss and exact gradient of a trial and of a batch, and the check of
 * gradients against finite differences. User-facing: {@link io.smoothspike.grad.GradientCheck} and
 * {@link io.smoothspike.grad.PseudoInputRule}; the rest is machinery behind {@code network.Network}.
 */
package io.smoothspike.grad;
