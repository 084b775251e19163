package io.langop.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.wire.HumanDuration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Objects as the Tables {@code kubectl get} asks for ({@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}):
 * a custom resource with the printer columns of its CustomResourceDefinition, a built-in kind with the columns the
 * real API server gives it (pods: READY, STATUS, RESTARTS, AGE; deployments: READY, UP-TO-DATE, AVAILABLE, ...).
 */
final class ResourceTables {

    /** What each row carries besides its cells, as {@code ?includeObject=} asks. */
    enum IncludeObject {
        NONE,
        METADATA,
        OBJECT;

        static IncludeObject of(String parameter) {
            return switch (parameter == null ? "" : parameter) {
                case "None" -> NONE;
                case "Object" -> OBJECT;
                default -> METADATA;
            };
        }
    }

    private record Column(String name, String type, String format, int priority, Function<JsonNode, Object> cell) {
        static Column of(String name, Function<JsonNode, Object> cell) {
            return new Column(name, "string", "", 0, cell);
        }

        static Column wide(String name, Function<JsonNode, Object> cell) {
            return new Column(name, "string", "", 1, cell);
        }
    }

    private final ObjectMapper json;
    private final Clock clock;

    ResourceTables(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * A Table of {@code items}.
     *
     * @param headers false for the watch events after the first, which kubectl prints under the first's header
     */
    ObjectNode table(
            ApiResource resource,
            List<JsonNode> items,
            String resourceVersion,
            IncludeObject include,
            boolean headers) {
        List<Column> columns = columns(resource);
        ObjectNode table = json.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", resourceVersion);
        ArrayNode definitions = table.putArray("columnDefinitions");
        if (headers) {
            for (Column column : columns) {
                definitions
                        .addObject()
                        .put("name", column.name())
                        .put("type", column.type())
                        .put("format", column.format())
                        .put("description", "")
                        .put("priority", column.priority());
            }
        }
        ArrayNode rows = table.putArray("rows");
        for (JsonNode item : items) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            columns.forEach(column -> cells.addPOJO(column.cell().apply(item)));
            switch (include) {
                case NONE -> {}
                case OBJECT -> row.set("object", item);
                case METADATA ->
                    row.putObject("object")
                            .put("kind", "PartialObjectMetadata")
                            .put("apiVersion", "meta.k8s.io/v1")
                            .set("metadata", item.path("metadata"));
            }
        }
        return table;
    }

    private List<Column> columns(ApiResource resource) {
        Column name = new Column("Name", "string", "name", 0, item -> text(item, "/metadata/name"));
        Column age = Column.of("Age", item -> since(item.path("metadata").path("creationTimestamp")));
        if (!resource.group().isEmpty() && !isBuiltIn(resource)) {
            List<Column> columns = new ArrayList<>(List.of(name));
            if (resource.printerColumns().isEmpty()) {
                columns.add(age);
            }
            resource.printerColumns()
                    .forEach(column -> columns.add(new Column(
                            column.name(),
                            column.type(),
                            column.format(),
                            column.priority(),
                            item -> customCell(column, JsonPaths.read(item, column.jsonPath())))));
            return columns;
        }
        return switch (resource.kind()) {
            case "Pod" ->
                List.of(
                        name,
                        Column.of("Ready", ResourceTables::podReady),
                        Column.of("Status", ResourceTables::podStatus),
                        new Column("Restarts", "integer", "", 0, ResourceTables::podRestarts),
                        age,
                        Column.wide("IP", item -> text(item, "/status/podIP")),
                        Column.wide("Node", item -> text(item, "/spec/nodeName")));
            case "Deployment" ->
                List.of(
                        name,
                        Column.of(
                                "Ready",
                                item -> number(item, "/status/readyReplicas") + "/"
                                        + item.path("spec").path("replicas").asInt(1)),
                        new Column("Up-to-date", "integer", "", 0, item -> number(item, "/status/updatedReplicas")),
                        new Column("Available", "integer", "", 0, item -> number(item, "/status/availableReplicas")),
                        age,
                        Column.wide("Containers", item -> joined(item.at("/spec/template/spec/containers"), "name")),
                        Column.wide("Images", item -> joined(item.at("/spec/template/spec/containers"), "image")),
                        Column.wide("Selector", item -> labels(item.at("/spec/selector/matchLabels"))));
            case "ReplicaSet" ->
                List.of(
                        name,
                        new Column("Desired", "integer", "", 0, item -> number(item, "/spec/replicas")),
                        new Column("Current", "integer", "", 0, item -> number(item, "/status/replicas")),
                        new Column("Ready", "integer", "", 0, item -> number(item, "/status/readyReplicas")),
                        age);
            case "Service" ->
                List.of(
                        name,
                        Column.of("Type", item -> item.path("spec").path("type").asText("ClusterIP")),
                        Column.of("Cluster-IP", item -> orNone(text(item, "/spec/clusterIP"))),
                        Column.of("External-IP", item -> "<none>"),
                        Column.of("Port(s)", ResourceTables::servicePorts),
                        age,
                        Column.wide("Selector", item -> labels(item.at("/spec/selector"))));
            case "ConfigMap" ->
                List.of(
                        name,
                        new Column(
                                "Data",
                                "integer",
                                "",
                                0,
                                item -> item.path("data").size()
                                        + item.path("binaryData").size()),
                        age);
            case "Secret" ->
                List.of(
                        name,
                        Column.of("Type", item -> item.path("type").asText("Opaque")),
                        new Column(
                                "Data",
                                "integer",
                                "",
                                0,
                                item -> item.path("data").size()
                                        + item.path("stringData").size()),
                        age);
            case "Event" ->
                List.of(
                        Column.of("Last Seen", this::lastSeen),
                        Column.of("Type", item -> text(item, "/type")),
                        Column.of("Reason", item -> text(item, "/reason")),
                        Column.of(
                                "Object",
                                item -> item.at("/involvedObject/kind")
                                                .asText("")
                                                .toLowerCase(Locale.ROOT) + "/"
                                        + item.at("/involvedObject/name").asText("")),
                        Column.of("Message", item -> text(item, "/message")),
                        Column.wide("Count", item -> item.path("count").asInt(1)),
                        Column.wide("Name", item -> text(item, "/metadata/name")));
            case "Namespace" ->
                List.of(
                        name,
                        Column.of("Status", item -> item.at("/status/phase").asText("Active")),
                        age);
            case "Job" ->
                List.of(
                        name,
                        Column.of("Status", ResourceTables::jobStatus),
                        Column.of(
                                "Completions",
                                item -> number(item, "/status/succeeded") + "/"
                                        + item.path("spec").path("completions").asInt(1)),
                        Column.of("Duration", this::jobDuration),
                        age);
            case "CronJob" ->
                List.of(
                        name,
                        Column.of("Schedule", item -> text(item, "/spec/schedule")),
                        Column.of("Timezone", item -> orNone(text(item, "/spec/timeZone"))),
                        Column.of("Suspend", item -> item.at("/spec/suspend").asBoolean(false) ? "True" : "False"),
                        new Column(
                                "Active",
                                "integer",
                                "",
                                0,
                                item -> item.at("/status/active").size()),
                        Column.of("Last Schedule", item -> since(item.at("/status/lastScheduleTime"))),
                        age);
            case "PersistentVolumeClaim" ->
                List.of(
                        name,
                        Column.of("Status", item -> item.at("/status/phase").asText("Bound")),
                        Column.of("Capacity", item -> text(item, "/spec/resources/requests/storage")),
                        Column.of("Access Modes", item -> joined(item.at("/spec/accessModes"), null)),
                        age);
            case "NetworkPolicy" ->
                List.of(name, Column.of("Pod-Selector", item -> labels(item.at("/spec/podSelector/matchLabels"))), age);
            default -> List.of(name, age);
        };
    }

    private static boolean isBuiltIn(ApiResource resource) {
        return BuiltInResources.LIST.stream()
                .anyMatch(builtIn -> builtIn.group().equals(resource.group())
                        && builtIn.plural().equals(resource.plural()));
    }

    private Object customCell(ApiResource.PrinterColumn column, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if ("date".equals(column.type())) {
            return since(value);
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** The time since an RFC 3339 timestamp, as kubectl writes ages; {@code <unknown>} without one. */
    private String since(JsonNode timestamp) {
        if (!timestamp.isTextual()) {
            return "<unknown>";
        }
        try {
            return HumanDuration.format(Duration.between(Instant.parse(timestamp.asText()), clock.instant()));
        } catch (DateTimeParseException unreadable) {
            return "<unknown>";
        }
    }

    private Object lastSeen(JsonNode event) {
        JsonNode last = event.path("lastTimestamp");
        return since(last.isTextual() ? last : event.path("eventTime"));
    }

    private static Object text(JsonNode item, String pointer) {
        JsonNode value = item.at(pointer);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static int number(JsonNode item, String pointer) {
        return item.at(pointer).asInt(0);
    }

    private static String orNone(Object value) {
        return value == null || value.toString().isEmpty() ? "<none>" : value.toString();
    }

    private static String joined(JsonNode items, String field) {
        String joined = StreamSupport.stream(items.spliterator(), false)
                .map(item -> field == null ? item.asText() : item.path(field).asText())
                .collect(Collectors.joining(","));
        return joined.isEmpty() ? "<none>" : joined;
    }

    private static String labels(JsonNode labels) {
        List<String> pairs = new ArrayList<>();
        labels.properties()
                .forEach(entry ->
                        pairs.add(entry.getKey() + "=" + entry.getValue().asText()));
        return pairs.isEmpty() ? "<none>" : String.join(",", pairs);
    }

    private static String servicePorts(JsonNode service) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : service.at("/spec/ports")) {
            ports.add(port.path("port").asInt() + "/" + port.path("protocol").asText("TCP"));
        }
        return ports.isEmpty() ? "<none>" : String.join(",", ports);
    }

    private static String podReady(JsonNode pod) {
        int containers = pod.at("/spec/containers").size();
        int ready = 0;
        for (JsonNode status : pod.at("/status/containerStatuses")) {
            ready += status.path("ready").asBoolean(false) ? 1 : 0;
        }
        return ready + "/" + containers;
    }

    /** As kubectl shows it: the pod's reason, else the first container that is not running, else the phase. */
    private static String podStatus(JsonNode pod) {
        if (pod.at("/metadata/deletionTimestamp").isTextual()) {
            return "Terminating";
        }
        if (pod.at("/status/reason").isTextual()) {
            return pod.at("/status/reason").asText();
        }
        for (String statuses : List.of("/status/initContainerStatuses", "/status/containerStatuses")) {
            for (JsonNode status : pod.at(statuses)) {
                JsonNode waiting = status.at("/state/waiting/reason");
                JsonNode terminated = status.at("/state/terminated/reason");
                if (waiting.isTextual()) {
                    return waiting.asText();
                }
                if (terminated.isTextual() && !"Completed".equals(terminated.asText())) {
                    return terminated.asText();
                }
            }
        }
        String phase = pod.at("/status/phase").asText("Pending");
        return "Succeeded".equals(phase) ? "Completed" : phase;
    }

    private static int podRestarts(JsonNode pod) {
        int restarts = 0;
        for (JsonNode status : pod.at("/status/containerStatuses")) {
            restarts += status.path("restartCount").asInt(0);
        }
        return restarts;
    }

    private static String jobStatus(JsonNode job) {
        for (JsonNode condition : job.at("/status/conditions")) {
            if ("True".equals(condition.path("status").asText())
                    && List.of("Complete", "Failed")
                            .contains(condition.path("type").asText())) {
                return condition.path("type").asText();
            }
        }
        return "Running";
    }

    private String jobDuration(JsonNode job) {
        JsonNode start = job.at("/status/startTime");
        JsonNode end = job.at("/status/completionTime");
        if (!start.isTextual()) {
            return "<none>";
        }
        try {
            Instant until = end.isTextual() ? Instant.parse(end.asText()) : clock.instant();
            return HumanDuration.format(Duration.between(Instant.parse(start.asText()), until));
        } catch (DateTimeParseException unreadable) {
            return "<unknown>";
        }
    }
}
