/**
 * Data: data sources of exact input spike times per trial ({@link io.smoothspike.data.DataSource}, the extension
 * point for data of one's own, with its in-memory implementation and augmentation), data sources from spike files
 * (CSV, NumPy .npz, SHD-layout HDF5), labelled images from IDX files of any size, the named sets MNIST and
 * Fashion-MNIST (cache, fetch, SHA-256 check), the generated Yin-Yang data set and reproducible Poisson spike trains.
 * User-facing: {@code DataSource}, {@link io.smoothspike.data.SpikeCsv}, {@link io.smoothspike.data.SpikeNpz},
 * {@link io.smoothspike.data.Shd}, {@link io.smoothspike.data.SpikeFileOptions},
 * {@link io.smoothspike.data.SpikeAugmentation}, {@link io.smoothspike.data.Mnist},
 * {@link io.smoothspike.data.IdxDataSet}, {@link io.smoothspike.data.IdxImages}, {@link io.smoothspike.data.YinYang},
 * {@link io.smoothspike.data.LabeledImages}, {@link io.smoothspike.data.PoissonTrains}.
 */
package io.smoothspike.data;
