package io.smoothspike.distributed;

import io.smoothspike.cli.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The runs of a sweep: every combination of the values of the parameters given as a list ({@code -Plr=1e-3,4e-3})
 * or an integer range ({@code -Pseed=1..6}, both ends included; items of a list may be ranges too). Parameters with a
 * single value are passed to every run unchanged.
 */
public final class SweepGrid {

    private static final Pattern RANGE = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)");

    /** The varied parameters and their values, in command-line order. */
    private final Map<String, List<String>> axes;
    private final Map<String, String> fixed;

    private SweepGrid(Map<String, List<String>> axes, Map<String, String> fixed) {
        this.axes = axes;
        this.fixed = fixed;
    }

    /** Parses the {@code -P} parameters (name to value as typed); a usage error when none is varied. */
    public static SweepGrid parse(Map<String, String> parameters) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        Map<String, String> fixed = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value.contains(",") || RANGE.matcher(value).find()) {
                axes.put(name, values(name, value));
            } else {
                fixed.put(name, value);
            }
        });
        if (axes.isEmpty()) {
            throw new UsageException("nothing to sweep: give a parameter a list (-Plr=1e-3,4e-3) or a range "
                    + "(-Pseed=1..6)");
        }
        return new SweepGrid(axes, fixed);
    }

    private static List<String> values(String name, String value) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String item : value.split(",", -1)) {
            Matcher m = RANGE.matcher(item);
            List<String> expanded = m.matches() ? range(name, m) : List.of(item);
            for (String v : expanded) {
                if (v.isEmpty() || v.contains("/") || v.contains("=") || v.contains("\\")) {
                    throw new UsageException("-P" + name + "=" + value + ": values must be non-empty and free of "
                            + "'/', '\\\\' and '=' (they name the run folders)");
                }
                if (!values.add(v)) {
                    throw new UsageException("-P" + name + "=" + value + ": the value " + v + " is listed twice");
                }
            }
        }
        return List.copyOf(values);
    }

    private static List<String> range(String name, Matcher m) {
        long from = Long.parseLong(m.group(1));
        long to = Long.parseLong(m.group(2));
        if (to < from) {
            throw new UsageException("-P" + name + "=" + m.group() + ": a range goes up, e.g. 1..6");
        }
        List<String> values = new ArrayList<>();
        for (long v = from; v <= to; v++) {
            values.add(Long.toString(v));
        }
        return values;
    }

    /** The varied parameters and their values, in command-line order. */
    public Map<String, List<String>> axes() {
        return axes;
    }

    /** The parameters every run gets unchanged. */
    public Map<String, String> fixed() {
        return fixed;
    }

    /** Every combination, the last parameter varying fastest. */
    public List<SweepRun> runs() {
        List<Map<String, String>> combos = List.of(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : axis.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(axis.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        List<SweepRun> runs = new ArrayList<>();
        for (Map<String, String> varied : combos) {
            Map<String, String> all = new LinkedHashMap<>(fixed);
            all.putAll(varied);
            String folder = varied.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(","));
            runs.add(new SweepRun(folder, varied, all));
        }
        return runs;
    }
}
