package io.langop.kit.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.JsonNode;
import io.langop.sdk.agent.LangopAgent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The allow-list agent code is held to. A type is usable when its package is allowed whole, or when
 * the type itself is listed; a few members of allowed types are refused individually. Everything
 * else (processes, reflection, class loading, threads, files, sockets, native code, environment)
 * is refused with the reason shown to the author (or to the LLM repairing synthesized code).
 */
final class SandboxPolicy {

    /**
     * One type of each library agent code compiles against: the SDK, Jackson's tree model (with the core
     * and annotation jars its classes refer to) and the SLF4J API. The JDK comes from the running JVM.
     */
    static final List<Class<?>> API_LIBRARIES =
            List.of(LangopAgent.class, JsonNode.class, TreeNode.class, JsonInclude.class, org.slf4j.Logger.class);

    /** Packages whose every public type is allowed. */
    private static final Set<String> ALLOWED_PACKAGES = Set.of(
            "io.langop.sdk.agent",
            "io.langop.sdk.workflow",
            "java.util.function",
            "java.util.stream",
            "java.util.regex",
            "java.util.concurrent.atomic",
            "java.time",
            "java.time.format",
            "java.time.temporal",
            "java.math",
            "java.text",
            "com.fasterxml.jackson.databind.node");

    /** Single types allowed in packages that are otherwise refused or only partly allowed. */
    private static final Set<String> ALLOWED_TYPES = Set.of(
            "java.lang.Object",
            "java.lang.String",
            "java.lang.StringBuilder",
            "java.lang.CharSequence",
            "java.lang.Math",
            "java.lang.StrictMath",
            "java.lang.Number",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Double",
            "java.lang.Float",
            "java.lang.Short",
            "java.lang.Byte",
            "java.lang.Character",
            "java.lang.Boolean",
            "java.lang.Void",
            "java.lang.Iterable",
            "java.lang.Comparable",
            "java.lang.AutoCloseable",
            "java.lang.Runnable",
            "java.lang.Record",
            "java.lang.Enum",
            "java.lang.Override",
            "java.lang.FunctionalInterface",
            "java.lang.SuppressWarnings",
            "java.lang.SafeVarargs",
            "java.lang.Deprecated",
            "java.lang.System",
            "java.util.concurrent.ConcurrentHashMap",
            "java.util.concurrent.ConcurrentMap",
            "java.util.concurrent.CopyOnWriteArrayList",
            "java.util.concurrent.TimeUnit",
            "com.fasterxml.jackson.databind.JsonNode",
            "org.slf4j.Logger",
            "org.slf4j.LoggerFactory");

    /** Types of java.util refused although the package is allowed: they load code, resources or start threads. */
    private static final Set<String> REFUSED_UTIL_TYPES = Set.of(
            "java.util.ServiceLoader",
            "java.util.Timer",
            "java.util.TimerTask",
            "java.util.ResourceBundle",
            "java.util.Scanner",
            "java.util.PropertyResourceBundle",
            "java.util.ListResourceBundle");

    /** SDK types that drive runs: the runtime uses them, agent code only describes the agent. */
    private static final Set<String> RUNTIME_INTERNALS = Set.of(
            "io.langop.sdk.agent.AgentRunner",
            "io.langop.sdk.agent.ConstraintGuard",
            "io.langop.sdk.workflow.WorkflowEngine");

    /** Members of allowed types that are refused, with the reason. */
    private static final Map<String, String> REFUSED_MEMBERS = Map.ofEntries(
            Map.entry("java.lang.Object.getClass", "reflection"),
            Map.entry("java.lang.Object.wait", "threads of its own"),
            Map.entry("java.lang.Object.notify", "threads of its own"),
            Map.entry("java.lang.Object.notifyAll", "threads of its own"),
            Map.entry("java.lang.Integer.getInteger", "system properties"),
            Map.entry("java.lang.Long.getLong", "system properties"),
            Map.entry("java.lang.Boolean.getBoolean", "system properties"),
            Map.entry("io.langop.sdk.agent.Workspace.use", "runtime internals"));

    /** The only members of java.lang.System an agent may use. */
    private static final Set<String> ALLOWED_SYSTEM_MEMBERS = Set.of("currentTimeMillis", "nanoTime", "lineSeparator");

    /** Why whole areas are refused, by package or type prefix (longest match wins). */
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("java.lang.Runtime", "processes"),
            Map.entry("java.lang.Process", "processes"),
            Map.entry("java.lang.ProcessBuilder", "processes"),
            Map.entry("java.lang.ProcessHandle", "processes"),
            Map.entry("java.lang.reflect", "reflection"),
            Map.entry("java.lang.invoke", "reflection"),
            Map.entry("java.lang.Class", "reflection and class loading"),
            Map.entry("java.lang.ClassLoader", "class loading"),
            Map.entry("java.lang.Module", "class loading"),
            Map.entry("java.lang.ModuleLayer", "class loading"),
            Map.entry("java.lang.Thread", "threads of its own"),
            Map.entry("java.lang.ThreadGroup", "threads of its own"),
            Map.entry("java.util.concurrent", "threads of its own"),
            Map.entry("java.util.Timer", "threads of its own"),
            Map.entry("java.lang.foreign", "native code"),
            Map.entry("java.lang.System", "System access beyond time"),
            Map.entry("java.io", "file access outside the workspace API"),
            Map.entry("java.nio", "file access outside the workspace API"),
            Map.entry("java.util.zip", "file access outside the workspace API"),
            Map.entry("java.util.jar", "file access outside the workspace API"),
            Map.entry("java.util.prefs", "file access outside the workspace API"),
            Map.entry("java.net", "raw sockets and HTTP outside the SDK"),
            Map.entry("javax.net", "raw sockets and HTTP outside the SDK"),
            Map.entry("java.rmi", "raw sockets and HTTP outside the SDK"),
            Map.entry("sun", "JDK internals"),
            Map.entry("jdk", "JDK internals"),
            Map.entry("com.sun", "JDK internals"),
            Map.entry("java.lang.management", "JVM management"),
            Map.entry("javax.management", "JVM management"),
            Map.entry("java.lang.instrument", "class loading"),
            Map.entry("javax.script", "dynamic code"),
            Map.entry("javax.tools", "dynamic code"),
            Map.entry("java.sql", "databases outside the SDK"));

    private SandboxPolicy() {}

    /** Why the top-level type {@code typeName} in {@code packageName} is refused, if it is (nested types follow their outermost type). */
    static Optional<String> refuseType(String packageName, String typeName) {
        if (RUNTIME_INTERNALS.contains(typeName)) {
            return Optional.of(typeName + " is not allowed in agent code (runtime internals)");
        }
        boolean allowed = ALLOWED_TYPES.contains(typeName)
                || ALLOWED_PACKAGES.contains(packageName)
                || (packageName.equals("java.util") && !REFUSED_UTIL_TYPES.contains(typeName))
                || (packageName.equals("java.lang") && isThrowable(typeName));
        return allowed
                ? Optional.empty()
                : Optional.of(typeName + " is not allowed in agent code (" + reasonFor(typeName) + ")");
    }

    /** Why a member of an allowed type is refused, if it is. */
    static Optional<String> refuseMember(String ownerName, String memberName) {
        String qualified = ownerName + "." + memberName;
        if (ownerName.equals("java.lang.System") && !ALLOWED_SYSTEM_MEMBERS.contains(memberName)) {
            return Optional.of(qualified + " is not allowed in agent code ("
                    + (memberName.equals("exit")
                            ? "System.exit"
                            : memberName.startsWith("load") ? "native code" : "System access beyond time")
                    + ")");
        }
        if (ownerName.startsWith("java.util.") && memberName.startsWith("parallel")) {
            // parallel streams and Arrays.parallelSort run on the common fork-join pool's threads
            return Optional.of(qualified + " is not allowed in agent code (threads of its own)");
        }
        String reason = REFUSED_MEMBERS.get(qualified);
        return reason == null
                ? Optional.empty()
                : Optional.of(qualified + " is not allowed in agent code (" + reason + ")");
    }

    /** Why a wildcard import of {@code packageName} is refused, if it is. */
    static Optional<String> refusePackageImport(String packageName) {
        if (ALLOWED_PACKAGES.contains(packageName)
                || packageName.equals("java.util")
                || packageName.equals("java.lang")) {
            return Optional.empty();
        }
        return Optional.of("import of package " + packageName + ".* is not allowed in agent code ("
                + reasonFor(packageName) + ")");
    }

    private static boolean isThrowable(String typeName) {
        return typeName.endsWith("Exception") || typeName.endsWith("Error") || typeName.equals("java.lang.Throwable");
    }

    private static String reasonFor(String name) {
        return REASONS.entrySet().stream()
                .filter(entry -> name.equals(entry.getKey()) || name.startsWith(entry.getKey() + "."))
                .max(java.util.Comparator.comparingInt(entry -> entry.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse("not on the allow-list");
    }
}
