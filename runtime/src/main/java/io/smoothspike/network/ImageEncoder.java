package io.smoothspike.network;

/** First-spike image encoding of {@link io.smoothspike.spec.InputSpec.Image}. */
final class ImageEncoder {

    private ImageEncoder() {
    }

    /** Spike time per pixel (NaN for silent pixels) from intensities in [0, 255]. */
    static double[] times(double[] pixels, int bins, double duration) {
        double[] levelTime = new double[bins + 1];
        levelTime[0] = Double.NaN;
        for (int level = 1; level <= bins; level++) {
            levelTime[level] = -duration * Math.log1p(-0.01 * (bins - level + 1));
        }
        double[] t = new double[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            double x = pixels[i];
            if (!(x >= 0 && x <= 255)) {
                throw new IllegalArgumentException("pixel " + i + " has intensity " + x + "; expected [0, 255]");
            }
            t[i] = levelTime[(int) Math.floor(x * (bins + 1) / 256)];
        }
        return t;
    }
}
