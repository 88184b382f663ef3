/**
 * The interactive REPL (JShell in SmoothSpike's JVM, JLine): snippets, completion, documentation and the
 * {@code /commands}. Not a library API.
 */
package io.smoothspike.repl;
