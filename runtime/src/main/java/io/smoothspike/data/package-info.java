/**
 * Data: the MNIST files (IDX format, cache, fetch, SHA-256 check) and reproducible Poisson spike trains.
 * User-facing: {@link io.smoothspike.data.Mnist}, {@link io.smoothspike.data.PoissonTrains},
 * {@link io.smoothspike.data.LabeledImages}.
 */
package io.smoothspike.data;
