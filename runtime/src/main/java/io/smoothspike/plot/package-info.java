/**
 * Figures as PNG or SVG (XChart): rasters, voltage traces, output times over training, curves, histograms.
 * User-facing: {@link io.smoothspike.plot.Plots}.
 */
package io.smoothspike.plot;
