package io.smoothspike.train;

import java.util.function.Supplier;

/** The {@link BatchGradients} installed for each thread by {@link BatchGradients#using}. */
final class InstalledGradients {

    private static final ThreadLocal<BatchGradients> INSTALLED = new ThreadLocal<>();

    private InstalledGradients() {
    }

    static BatchGradients current() {
        BatchGradients g = INSTALLED.get();
        return g == null ? BatchGradients.LOCAL : g;
    }

    static <T> T using(BatchGradients gradients, Supplier<T> body) {
        BatchGradients before = INSTALLED.get();
        INSTALLED.set(gradients);
        try {
            return body.get();
        } finally {
            INSTALLED.set(before);
        }
    }
}
