/**
 * Small numeric helpers for the hot loops (sums in interleaved partial sums, a fast {@code atan2}). Internal.
 */
package io.smoothspike.math;
