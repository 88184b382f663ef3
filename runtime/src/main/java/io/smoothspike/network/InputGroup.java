package io.smoothspike.network;

import io.smoothspike.spec.InputSpec;

/** A compiled input group: its spec and the range of graph input channels it occupies. */
record InputGroup(InputSpec spec, int offset) {

    String name() {
        return spec.name();
    }

    int size() {
        return spec.size();
    }
}
