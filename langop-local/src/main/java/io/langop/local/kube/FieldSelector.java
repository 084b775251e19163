package io.langop.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code fieldSelector} ({@code involvedObject.name=web,type!=Normal}) matched against objects as JSON. The
 * in-memory store matches only names and namespaces; {@code kubectl describe} finds an object's Events with
 * {@code involvedObject.*} fields, so the gateway filters lists and watches itself. A field an object does not have
 * reads as the empty string, as in the real API server.
 */
record FieldSelector(List<Requirement> requirements) {

    record Requirement(String field, String value, boolean equal) {}

    static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    static FieldSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>();
        for (String part : selector.split(",", -1)) {
            int notEqual = part.indexOf("!=");
            if (notEqual > 0) {
                requirements.add(new Requirement(
                        part.substring(0, notEqual).strip(),
                        part.substring(notEqual + 2).strip(),
                        false));
                continue;
            }
            int equal = part.indexOf('=');
            if (equal <= 0) {
                throw new IllegalArgumentException("invalid field selector requirement '" + part
                        + "': write FIELD=VALUE, FIELD==VALUE or FIELD!=VALUE");
            }
            String value = part.substring(equal + 1);
            requirements.add(new Requirement(
                    part.substring(0, equal).strip(),
                    (value.startsWith("=") ? value.substring(1) : value).strip(),
                    true));
        }
        return new FieldSelector(List.copyOf(requirements));
    }

    boolean matches(JsonNode object) {
        for (Requirement requirement : requirements) {
            JsonNode value = object;
            for (String step : requirement.field().split("\\.", -1)) {
                value = value.path(step);
            }
            String actual = value.isValueNode() ? value.asText() : "";
            if (actual.equals(requirement.value()) != requirement.equal()) {
                return false;
            }
        }
        return true;
    }
}
