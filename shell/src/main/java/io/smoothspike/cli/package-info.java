/**
 * The command-line launcher behind {@code ./smoothspike}: {@link io.smoothspike.cli.Main} dispatches to
 * {@code run}, {@code gradcheck}, {@code bench}, {@code data}, {@code demo} (and {@code sweep} and
 * {@code train-distributed} when the distributed module is on the class path). Not a library API.
 */
package io.smoothspike.cli;
