package io.smoothspike.spec;

import io.smoothspike.loss.Loss;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The registry of losses, the one place where a loss plugs in. A loss <em>kind</em> is a {@link LossSpec} type saved
 * as {@code {"kind": name, …its record components}} (the built-in ones are registered here); a <em>custom</em> loss
 * is code alone, saved as {@code {"kind": "custom", "name": name}}. Both must be registered, in every program that
 * compiles or loads a network using them, before it does. Registering a name again replaces the earlier entry
 * (networks compiled before keep theirs); built-in kinds cannot be replaced. Thread-safe.
 *
 * <p>A loss kind of one's own is one record and one registration (a component may not be named {@code kind}):
 * <pre>{@code
 * record Towards(double at) implements LossSpec {
 *     public void validate(String where, LossContext c) {
 *         if (!(at >= 0)) throw new SpecException(where, "at must be >= 0, got " + at);
 *     }
 *     public Loss build(LossContext c, int[] labels) {
 *         return (sample, t, grad) -> { grad[0][0] = 2 * (t[0][0] - at); return Math.pow(t[0][0] - at, 2); };
 *     }
 * }
 * Losses.register("towards", Towards.class);   // then .loss(Snn.loss(new Towards(2.5)))
 * }</pre>
 * A classification loss returns a {@link Loss} whose {@link Loss#prediction} gives a trial's class; metrics then
 * report accuracy. A loss of each trial's target spike times overrides {@link LossSpec#reads} (TIMES) and
 * {@link LossSpec#build(LossContext, io.smoothspike.loss.TrialTargets)}, as {@link LossSpec.TargetTime} does.
 */
public final class Losses {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Map<String, Class<? extends LossSpec>> BUILT_IN = Map.of(
            "spikeTime", LossSpec.SpikeTime.class,
            "spikeTrain", LossSpec.SpikeTrain.class,
            "crossEntropy", LossSpec.CrossEntropy.class,
            "targetTime", LossSpec.TargetTime.class,
            "sum", LossSpec.Sum.class,
            "custom", LossSpec.Custom.class);
    private static final Map<String, Class<? extends LossSpec>> KINDS = new LinkedHashMap<>(BUILT_IN);
    private static final Map<String, Loss> CUSTOM = new LinkedHashMap<>();

    /** Whether {@code kind} is one of SmoothSpike's own loss kinds (whose code every installation has). */
    public static boolean isBuiltIn(String kind) {
        return BUILT_IN.containsKey(kind);
    }

    private Losses() {
    }

    /**
     * Registers the loss kind {@code type} (a concrete class, usually a record, that Jackson reads from its
     * components) under {@code kind}, the name its JSON form carries.
     */
    public static synchronized void register(String kind, Class<? extends LossSpec> type) {
        name("loss kind", kind);
        if (type == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException("loss kind '" + kind + "' needs a concrete class implementing "
                    + "LossSpec, got " + (type == null ? "none" : type.getName()));
        }
        if (BUILT_IN.containsKey(kind)) {
            throw new IllegalArgumentException("'" + kind + "' is a built-in loss kind; choose another name");
        }
        for (Map.Entry<String, Class<? extends LossSpec>> e : KINDS.entrySet()) {
            if (e.getValue() == type && !e.getKey().equals(kind)) {
                throw new IllegalArgumentException(type.getName() + " is already registered as loss kind '"
                        + e.getKey() + "'; one type has one kind name");
            }
        }
        KINDS.put(kind, type);
    }

    /** Registers the code of the custom loss {@code name} (a {@link LossSpec.Custom} names it). */
    public static synchronized void register(String name, Loss code) {
        name("custom loss", name);
        if (code == null) {
            throw new IllegalArgumentException("custom loss '" + name + "' needs its code, got none");
        }
        CUSTOM.put(name, code);
    }

    /** The registered kind names, sorted. */
    public static synchronized Set<String> kinds() {
        return new TreeSet<>(KINDS.keySet());
    }

    /** The type registered under {@code kind}, or null. */
    public static synchronized Class<? extends LossSpec> type(String kind) {
        return KINDS.get(kind);
    }

    /** The kind name {@code type} is registered under; fails naming the type and how to register it otherwise. */
    public static synchronized String kindOf(Class<?> type) {
        for (Map.Entry<String, Class<? extends LossSpec>> e : KINDS.entrySet()) {
            if (e.getValue() == type) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("loss type " + type.getName() + " is not registered: call "
                + "Losses.register(\"<kind>\", " + type.getSimpleName() + ".class) before using it");
    }

    /** The code of the custom losses registered now, by name. */
    public static synchronized Map<String, Loss> customLosses() {
        return Map.copyOf(CUSTOM);
    }

    /**
     * Checks {@code loss} at {@code where}: present, of a registered kind, and valid against {@code context} (see
     * {@link LossSpec#validate}).
     */
    public static void validate(String where, LossSpec loss, LossContext context) {
        if (loss == null) {
            throw new SpecException(where, "the loss is missing");
        }
        try {
            kindOf(loss.getClass());
        } catch (IllegalArgumentException e) {
            throw new SpecException(where, e.getMessage());
        }
        loss.validate(where, context);
    }

    /** How to make an unknown loss kind known, for the message that names it. */
    public static String howToRegisterKind(String kind) {
        return "a loss of your own is registered before loading, with Losses.register(\"" + kind
                + "\", YourLoss.class) in Java or registerLoss('" + kind + "', YourLoss) in a Groovy script";
    }

    static String unregisteredCustom(String name, Set<String> known) {
        String n = name == null ? "<none>" : name;
        return "custom loss '" + n + "' is not registered (registered: " + (known.isEmpty() ? "none"
                : String.join(", ", new TreeSet<>(known))) + "); its code must be registered before the network "
                + "compiles or loads: Losses.register(\"" + n + "\", loss) or Snn.customLoss(\"" + n + "\", loss) in "
                + "Java, custom('" + n + "') { times, grad -> … } in a Groovy script";
    }

    private static void name(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name must be a letter or '_' followed by letters, digits or "
                    + "'_', got " + (name == null ? "none" : "'" + name + "'"));
        }
    }
}
