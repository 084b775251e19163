package io.langop.local.kube;

import java.util.List;

/**
 * A resource the API serves, as discovery describes it to kubectl: {@code deployments} in apps/v1 with short
 * name {@code deploy}, or {@code languageagents} with {@code lagent} and the category {@code langop}.
 *
 * @param subresources    e.g. {@code status}, {@code log}
 * @param printerColumns  what a Table of it shows beyond its name; empty for built-in kinds, which have their own
 */
record ApiResource(
        String group,
        String version,
        String plural,
        String singular,
        String kind,
        boolean namespaced,
        List<String> shortNames,
        List<String> categories,
        List<String> subresources,
        List<PrinterColumn> printerColumns) {

    /** A column declared by a CustomResourceDefinition ({@code additionalPrinterColumns}). */
    record PrinterColumn(String name, String type, String format, String description, int priority, String jsonPath) {}

    static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    static ApiResource builtIn(
            String group,
            String version,
            String plural,
            String kind,
            boolean namespaced,
            List<String> shortNames,
            List<String> categories,
            List<String> subresources) {
        return new ApiResource(
                group,
                version,
                plural,
                kind.toLowerCase(java.util.Locale.ROOT),
                kind,
                namespaced,
                shortNames,
                categories,
                subresources,
                List.of());
    }
}
