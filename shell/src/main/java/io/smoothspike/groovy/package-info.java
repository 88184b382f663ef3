/**
 * Groovy scripts: the script base class with SmoothSpike's vocabulary, the network builder, and the runner that
 * turns every failure into one line naming the script line. Not a library API; scripts use the words, not the
 * classes.
 */
package io.smoothspike.groovy;
