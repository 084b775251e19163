package io.langop.fields;

import java.util.Locale;

/**
 * A field of a kind's spec or status as its CRD schema has it, with the Java property behind it.
 *
 * @param path dotted JSON path from the object's root, {@code []} for the items of a list: {@code
 *     spec.loadBalancing.endpoints[].url}
 * @param owner the class declaring the property (a superclass of the one the walk came through, for inherited ones)
 * @param leaf whether the walk stops here: a value, a list or map of values, or a Kubernetes type passed on whole
 */
record ApiField(Kind kind, String path, Class<?> owner, String property, boolean leaf) {

    String getter() {
        return "get" + capitalized();
    }

    String setter() {
        return "set" + capitalized();
    }

    /** Whether {@code other} is this field or lies inside it. */
    boolean contains(ApiField other) {
        return other.kind == kind
                && (other.path.equals(path) || other.path.startsWith(path + ".") || other.path.startsWith(path + "[]"));
    }

    private String capitalized() {
        return property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
    }

    @Override
    public String toString() {
        return kind.name() + " " + path;
    }
}
