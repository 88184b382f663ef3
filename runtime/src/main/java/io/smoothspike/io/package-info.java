/**
 * Writing files safely (atomically, through a temporary file). Internal.
 */
package io.smoothspike.io;
