package dev.nestor.config.parse;

import java.util.ArrayList;
import java.util.List;

/** Class guard and additional-class lists of networks, subnets and pools (Kea's BaseNetworkParser rules). */
final class Classes {
    private Classes() {}

    /** "client-classes" (Kea 3.0) or the deprecated single "client-class"; empty = no guard. */
    static List<String> guard(Obj o) {
        return list(o, "client-class", "client-classes", true);
    }

    /** "evaluate-additional-classes" or the deprecated "require-client-classes". */
    static List<String> additional(Obj o) {
        return list(o, "require-client-classes", "evaluate-additional-classes", false);
    }

    private static List<String> list(Obj o, String old, String current, boolean oldIsString) {
        if (o.has(old) && o.has(current)) {
            o.error(null, "cannot specify both '" + old + "' and '" + current + "'. Use only the latter.");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        String key = current;
        if (o.has(old)) {
            key = old;
            o.note(old, "'" + old + "' is deprecated, use '" + current + "'");
            if (oldIsString) {
                String v = o.string(old);
                if (v != null && !v.isEmpty()) out.add(v);
                return out;
            }
        }
        List<String> l = o.strings(key);
        if (l == null) return out;
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i).isEmpty()) o.problems.error(o.at(key) + "[" + i + "]", "invalid class name");
            else if (!out.contains(l.get(i))) out.add(l.get(i));
        }
        return out;
    }
}
