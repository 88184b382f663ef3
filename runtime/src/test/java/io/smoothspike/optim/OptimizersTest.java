package io.smoothspike.optim;

import static io.smoothspike.optim.SgdTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizersTest {

    @Test
    void createsWithDefaults() {
        Sgd sgd = assertInstanceOf(Sgd.class, Optimizers.create("sgd", 4, Map.of()));
        assertEquals(0.0, sgd.momentum());
        assertFalse(sgd.nesterov());
        assertEquals(4, sgd.size());

        Adam adam = assertInstanceOf(Adam.class, Optimizers.create("Adam", 4, null));
        assertEquals(0.9, adam.b1());
        assertEquals(0.999, adam.b2());
        assertEquals(1e-8, adam.eps());

        AdaBelief ab = assertInstanceOf(AdaBelief.class, Optimizers.create(" adabelief ", 4, Map.of()));
        assertEquals(1e-16, ab.eps());
        assertEquals(1e-16, ab.epsRoot());
    }

    @Test
    void createsWithNamedHyperParameters() {
        Sgd sgd = (Sgd) Optimizers.create("sgd", 2, Map.of("momentum", 0.8, "nesterov", 1.0));
        assertEquals(0.8, sgd.momentum());
        assertTrue(sgd.nesterov());
        Adam adam = (Adam) Optimizers.create("adam", 2, Map.of("b1", 0.5, "b2", 0.9, "eps", 1e-6));
        assertEquals("adam(b1=0.5, b2=0.9, eps=1.0E-6)", adam.toString());
        AdaBelief ab = (AdaBelief) Optimizers.create("adabelief", 2, Map.of("b2", 0.99, "epsRoot", 0.0));
        assertEquals(0.9, ab.b1());
        assertEquals(0.99, ab.b2());
        assertEquals(0.0, ab.epsRoot());
    }

    @Test
    void rejectsUnknownNamesKeysAndBadValues() {
        assertMessage(() -> Optimizers.create("rmsprop", 2, Map.of()), "unknown optimizer 'rmsprop'", "adabelief");
        assertMessage(() -> Optimizers.create(null, 2, Map.of()), "name");
        assertMessage(() -> Optimizers.create("adam", 2, Map.of("lr", 0.1)), "adam", "[lr]", "learning rate");
        assertMessage(() -> Optimizers.create("sgd", 2, Map.of("b1", 0.9)), "sgd", "[b1]", "momentum");
        assertMessage(() -> Optimizers.create("sgd", 2, Map.of("nesterov", 0.5)), "sgd", "nesterov", "0.5");
        assertMessage(() -> Optimizers.create("adabelief", 2, Map.of("b1", 1.5)), "adabelief", "b1", "1.5");
        Map<String, Double> withNull = new HashMap<>();
        withNull.put("eps", null);
        assertMessage(() -> Optimizers.create("adam", 2, withNull), "adam", "'eps'", "null");
    }
}
