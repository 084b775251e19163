package io.langop.kit.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.JsonNode;
import io.langop.sdk.agent.LangopAgent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The allow-list agent code is held to. A type is usable when its package is allowed whole, or when
 * the type itself is listed; a few members of allowed types are refused individually. Everything
 * else (processes, reflection, class loading, threads, files, sockets, native code, environment)
 * is refused with the reason shown to the author (or to the LLM repairing synthesized code).
 */
final class SandboxPolicy {

    private static final String FILES = "file access outside the workspace API";
    private static final String THREADS = "threads of its own";
    private static final String PARALLEL = THREADS + ": parallel work runs on the JVM's common fork-join pool";
    private static final String JVM_DEFAULTS =
            "JVM-wide defaults: they would change the runtime's own behaviour and every later run";

    private static final String CONSTRUCTOR = "<init>";
    private static final String ANY_METHOD = "*";

    /**
     * One type of each library agent code compiles against: the SDK, Jackson's tree model (with the core
     * and annotation jars its classes refer to) and the SLF4J API. The JDK comes from the running JVM.
     */
    static final List<Class<?>> API_LIBRARIES =
            List.of(LangopAgent.class, JsonNode.class, TreeNode.class, JsonInclude.class, org.slf4j.Logger.class);

    /** Packages whose every public type is allowed, except {@link #REFUSED_TYPES}. */
    private static final Set<String> ALLOWED_PACKAGES = Set.of(
            "io.langop.sdk.agent",
            "io.langop.sdk.memory",
            "io.langop.sdk.workflow",
            "java.util",
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

    /** Types refused although their package is allowed, with the reason. */
    private static final Map<String, String> REFUSED_TYPES = Map.ofEntries(
            Map.entry("java.util.ServiceLoader", "class loading"),
            Map.entry("java.util.ResourceBundle", "class loading"),
            Map.entry("java.util.PropertyResourceBundle", "class loading"),
            Map.entry("java.util.ListResourceBundle", "class loading"),
            Map.entry("java.util.Timer", THREADS),
            Map.entry("java.util.TimerTask", THREADS),
            Map.entry("java.util.Scanner", FILES),
            // field updaters reach fields by name, reflectively
            Map.entry("java.util.concurrent.atomic.AtomicIntegerFieldUpdater", "reflection"),
            Map.entry("java.util.concurrent.atomic.AtomicLongFieldUpdater", "reflection"),
            Map.entry("java.util.concurrent.atomic.AtomicReferenceFieldUpdater", "reflection"),
            // SDK types that drive runs: the runtime uses them, agent code only describes the agent
            Map.entry("io.langop.sdk.agent.AgentRunner", "runtime internals"),
            Map.entry("io.langop.sdk.agent.ConstraintGuard", "runtime internals"),
            Map.entry("io.langop.sdk.agent.TimeLimit", "runtime internals"),
            Map.entry("io.langop.sdk.workflow.WorkflowEngine", "runtime internals"));

    /** Members of allowed types that are refused, all overloads or only some. */
    private static final List<RefusedMember> REFUSED_MEMBERS = List.of(
            RefusedMember.all("java.lang.Object", "getClass", "reflection"),
            RefusedMember.all("java.lang.Object", "wait", THREADS),
            RefusedMember.all("java.lang.Object", "notify", THREADS),
            RefusedMember.all("java.lang.Object", "notifyAll", THREADS),
            RefusedMember.all("java.util.concurrent.TimeUnit", "timedWait", THREADS),
            RefusedMember.all("java.util.concurrent.TimeUnit", "timedJoin", THREADS),
            RefusedMember.all("java.lang.Integer", "getInteger", "system properties"),
            RefusedMember.all("java.lang.Long", "getLong", "system properties"),
            RefusedMember.all("java.lang.Boolean", "getBoolean", "system properties"),
            RefusedMember.all("java.util.Locale", "setDefault", JVM_DEFAULTS),
            RefusedMember.all("java.util.TimeZone", "setDefault", JVM_DEFAULTS),
            // a Formatter writing into an Appendable is fine; given a file name, a File or a stream it writes files
            RefusedMember.overloads("java.util.Formatter", CONSTRUCTOR, "java.lang.String", FILES),
            RefusedMember.overloads("java.util.Formatter", CONSTRUCTOR, "java.io.File", FILES),
            RefusedMember.overloads("java.util.Formatter", CONSTRUCTOR, "java.io.OutputStream", FILES),
            RefusedMember.overloads("java.util.Formatter", CONSTRUCTOR, "java.io.PrintStream", FILES),
            // the bulk operations (forEach, reduce*, search*) whose first parameter is a parallelism threshold
            RefusedMember.overloads("java.util.concurrent.ConcurrentHashMap", ANY_METHOD, "long", PARALLEL),
            RefusedMember.all("java.util.stream.Gatherers", "mapConcurrent", THREADS),
            RefusedMember.all("io.langop.sdk.agent.Workspace", "use", "runtime internals"),
            // the runtime chooses and opens the store, and records runs; agent code reads and writes what is in it
            RefusedMember.all("io.langop.sdk.memory.Memory", "use", "runtime internals"),
            RefusedMember.all("io.langop.sdk.memory.Memory", "inWorkspace", "runtime internals"),
            RefusedMember.all("io.langop.sdk.memory.Memory", CONSTRUCTOR, "runtime internals"),
            RefusedMember.all("io.langop.sdk.memory.Memory", "recordSuccessfulRun", "runtime internals"),
            RefusedMember.all("io.langop.sdk.memory.Memory", "close", "runtime internals"));

    /** The only members of java.lang.System an agent may use (none of its nested types'). */
    private static final Set<String> ALLOWED_SYSTEM_MEMBERS = Set.of("currentTimeMillis", "nanoTime", "lineSeparator");

    /** The class whose stream factories take a parallel flag as their last parameter. */
    private static final String STREAM_SUPPORT = "java.util.stream.StreamSupport";

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
            Map.entry("java.lang.Thread", THREADS),
            Map.entry("java.lang.ThreadGroup", THREADS),
            Map.entry("java.util.concurrent", THREADS),
            Map.entry("java.lang.foreign", "native code"),
            Map.entry("java.lang.System", "System access beyond time"),
            Map.entry("java.io", FILES),
            Map.entry("java.nio", FILES),
            Map.entry("java.util.zip", FILES),
            Map.entry("java.util.jar", FILES),
            Map.entry("java.util.prefs", FILES),
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

    /**
     * A member as the scanner resolved it: the type that declares it, its name ({@code <init>} for a
     * constructor) and its erased parameter types (none for a field).
     */
    record Member(String owner, String name, List<String> parameterTypes) {

        Member {
            parameterTypes = List.copyOf(parameterTypes);
        }

        String qualifiedName() {
            return name.equals(CONSTRUCTOR) ? owner : owner + "." + name;
        }

        String signature() {
            return qualifiedName() + "(" + String.join(", ", parameterTypes) + ")";
        }
    }

    /** A member refused on its own: every overload, or those whose first parameter has the given type. */
    private record RefusedMember(String owner, String name, Optional<String> firstParameter, String reason) {

        static RefusedMember all(String owner, String name, String reason) {
            return new RefusedMember(owner, name, Optional.empty(), reason);
        }

        static RefusedMember overloads(String owner, String name, String firstParameter, String reason) {
            return new RefusedMember(owner, name, Optional.of(firstParameter), reason);
        }

        boolean matches(Member member) {
            return member.owner().equals(owner)
                    && (name.equals(ANY_METHOD)
                            ? !member.name().equals(CONSTRUCTOR)
                            : member.name().equals(name))
                    && firstParameter
                            .map(type -> !member.parameterTypes().isEmpty()
                                    && member.parameterTypes().getFirst().equals(type))
                            .orElse(true);
        }

        /** Overloads are named with their parameters, so the author sees which one is refused. */
        String describe(Member member) {
            return firstParameter.isPresent() ? member.signature() : member.qualifiedName();
        }
    }

    /** Why the top-level type {@code typeName} in {@code packageName} is refused, if it is (nested types follow their outermost type). */
    static Optional<String> refuseType(String packageName, String typeName) {
        String refused = REFUSED_TYPES.get(typeName);
        if (refused != null) {
            return Optional.of(typeName + " is not allowed in agent code (" + refused + ")");
        }
        boolean allowed = ALLOWED_TYPES.contains(typeName)
                || ALLOWED_PACKAGES.contains(packageName)
                || (packageName.equals("java.lang") && isThrowable(typeName));
        return allowed
                ? Optional.empty()
                : Optional.of(typeName + " is not allowed in agent code (" + reasonFor(typeName) + ")");
    }

    /** Why a member of an allowed type is refused, if it is. */
    static Optional<String> refuseMember(Member member) {
        if (member.owner().equals("java.lang.System") || member.owner().startsWith("java.lang.System.")) {
            return ALLOWED_SYSTEM_MEMBERS.contains(member.name())
                            && member.owner().equals("java.lang.System")
                    ? Optional.empty()
                    : Optional.of(member.qualifiedName() + " is not allowed in agent code ("
                            + (member.name().equals("exit")
                                    ? "System.exit"
                                    : member.name().startsWith("load") ? "native code" : "System access beyond time")
                            + ")");
        }
        if (member.owner().startsWith("java.util.") && member.name().startsWith("parallel")) {
            // parallelStream(), BaseStream.parallel(), Arrays.parallelSort/-SetAll/-Prefix
            return Optional.of(member.qualifiedName() + " is not allowed in agent code (" + PARALLEL + ")");
        }
        return REFUSED_MEMBERS.stream()
                .filter(refused -> refused.matches(member))
                .findFirst()
                .map(refused -> refused.describe(member) + " is not allowed in agent code (" + refused.reason() + ")");
    }

    /**
     * For a method that takes a flag making its stream parallel ({@code StreamSupport.stream(spliterator,
     * parallel)} and its int, long and double siblings), the index of that parameter.
     */
    static OptionalInt parallelFlag(Member member) {
        List<String> parameters = member.parameterTypes();
        return member.owner().equals(STREAM_SUPPORT)
                        && !parameters.isEmpty()
                        && parameters.getLast().equals("boolean")
                ? OptionalInt.of(parameters.size() - 1)
                : OptionalInt.empty();
    }

    /** Why a call that passes anything but the literal {@code false} as its parallel flag is refused. */
    static String refuseParallelFlag(Member member) {
        return member.qualifiedName()
                + " with a parallel flag other than the literal false is not allowed in agent code (" + PARALLEL + ")";
    }

    /** Why a wildcard import of {@code packageName} is refused, if it is. */
    static Optional<String> refusePackageImport(String packageName) {
        if (ALLOWED_PACKAGES.contains(packageName) || packageName.equals("java.lang")) {
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
