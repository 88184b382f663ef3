/**
 * The paper's networks on the graph API, for the CLI's demo, benchmarks and built-in gradient checks (the scripts
 * in {@code scripts/} are the user-facing versions). Not a library API.
 */
package io.smoothspike.paper;
