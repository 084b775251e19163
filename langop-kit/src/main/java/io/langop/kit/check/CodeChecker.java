package io.langop.kit.check;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import io.langop.sdk.agent.LangopAgent;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Proves that an agent source is safe to run: compiles it in memory against the SDK, then walks the
 * attributed AST and refuses anything outside the allow-list ({@link SandboxPolicy}). Shared by the
 * operator's synthesis, the agent runtime and {@code langop validate}.
 *
 * <pre>{@code
 * CheckResult result = CodeChecker.forRuntimeClasspath().check(source);
 * if (!result.passed()) System.err.println(result.report(AgentFiles.CODE_FILE));
 * }</pre>
 *
 * One checker reuses the compiler's file manager (and so its index of the classpath jars) across
 * checks, which is what makes warm checks fast; checks are serialized.
 */
public final class CodeChecker {

    private static final Pattern PUBLIC_CLASS =
            Pattern.compile("public\\s+(?:final\\s+|abstract\\s+)*(?:class|record|enum|interface)\\s+(\\w+)");

    private final JavaCompiler compiler;
    private final StandardJavaFileManager files;
    private final List<String> options;

    public CodeChecker(String classpath) {
        this.compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler available: the agent runtime needs a JDK, not a JRE");
        }
        this.files = compiler.getStandardFileManager(null, Locale.ROOT, null);
        this.options =
                List.of("-classpath", classpath, "-proc:none", "-Xlint:none", "-g:source,lines", "-implicit:none");
    }

    /**
     * Compiles against the jars of the running JVM that hold the agent API ({@link SandboxPolicy#API_LIBRARIES}),
     * not its whole classpath: code using anything else is refused anyway, and javac then opens and
     * indexes five jars instead of every jar of the runtime, which is most of a cold check.
     */
    public static CodeChecker forRuntimeClasspath() {
        return new CodeChecker(SandboxPolicy.API_LIBRARIES.stream()
                .map(CodeChecker::location)
                .distinct()
                .collect(Collectors.joining(File.pathSeparator)));
    }

    /** Compiles {@code source} and checks it against the safety policy. */
    public CheckResult check(String source) {
        return check(source, Optional.empty());
    }

    /**
     * Compiles {@code source}, checks it against the safety policy, and holds the definition it declares
     * against {@code setting} — its tools' catalog, its resource's mode and schedule — without running
     * any of it ({@link SemanticCheck}). Every problem found is reported, not the first.
     */
    public CheckResult check(String source, AgentSetting setting) {
        return check(source, Optional.of(setting));
    }

    private synchronized CheckResult check(String source, Optional<AgentSetting> setting) {
        String fileName = publicTypeName(source) + ".java";
        var sourceFile = new SimpleJavaFileObject(URI.create("string:///" + fileName), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        var compilerDiagnostics = new DiagnosticCollector<JavaFileObject>();
        var output = new InMemoryOutput(files);
        var task = (JavacTask) compiler.getTask(null, output, compilerDiagnostics, options, null, List.of(sourceFile));
        try {
            Iterable<? extends CompilationUnitTree> units = task.parse();
            task.analyze();
            SymbolHints hints = new SymbolHints(task.getElements());
            List<Diagnostic> errors = compilerErrors(compilerDiagnostics, hints);
            if (!errors.isEmpty()) {
                return CheckResult.refused(errors);
            }
            Set<Diagnostic> findings = new LinkedHashSet<>();
            Trees trees = Trees.instance(task);
            Optional<String> agentClass = Optional.empty();
            for (CompilationUnitTree unit : units) {
                new PolicyScanner(trees, task.getElements(), task.getTypes(), unit, findings).scan(unit, null);
                agentClass = findAgentClass(task, trees, unit, findings);
                if (setting.isPresent()) {
                    DefinitionSketch definition =
                            DefinitionReader.read(trees, task.getElements(), task.getTypes(), unit);
                    findings.addAll(SemanticCheck.problems(definition, setting.get()));
                }
            }
            if (!findings.isEmpty()) {
                return CheckResult.refused(List.copyOf(findings));
            }
            task.generate();
            errors = compilerErrors(compilerDiagnostics, hints);
            return errors.isEmpty()
                    ? new CheckResult(List.of(), output.classes, agentClass)
                    : CheckResult.refused(errors);
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException("in-memory compilation failed", unreadable);
        }
    }

    /** Exactly one public, concrete class with a public no-argument constructor must implement {@link LangopAgent}. */
    private static Optional<String> findAgentClass(
            JavacTask task, Trees trees, CompilationUnitTree unit, Set<Diagnostic> findings) {
        Elements elements = task.getElements();
        Types types = task.getTypes();
        TypeElement agentInterface = elements.getTypeElement(LangopAgent.class.getName());
        List<TypeElement> candidates = new ArrayList<>();
        for (Tree declaration : unit.getTypeDecls()) {
            Element element = trees.getElement(trees.getPath(unit, declaration));
            if (element instanceof TypeElement type
                    && type.getKind() == ElementKind.CLASS
                    && types.isAssignable(type.asType(), agentInterface.asType())) {
                candidates.add(type);
            }
        }
        if (candidates.size() != 1) {
            findings.add(new Diagnostic(
                    Diagnostic.Origin.POLICY,
                    1,
                    1,
                    candidates.isEmpty()
                            ? "no class implements " + LangopAgent.class.getName()
                            : "more than one class implements " + LangopAgent.class.getName() + ": " + candidates));
            return Optional.empty();
        }
        TypeElement agent = candidates.getFirst();
        boolean instantiable = agent.getModifiers().contains(Modifier.PUBLIC)
                && !agent.getModifiers().contains(Modifier.ABSTRACT)
                && agent.getEnclosedElements().stream()
                        .anyMatch(member -> member.getKind() == ElementKind.CONSTRUCTOR
                                && member.getModifiers().contains(Modifier.PUBLIC)
                                && ((javax.lang.model.element.ExecutableElement) member)
                                        .getParameters()
                                        .isEmpty());
        if (!instantiable) {
            long position = trees.getSourcePositions().getStartPosition(unit, trees.getTree(agent));
            findings.add(new Diagnostic(
                    Diagnostic.Origin.POLICY,
                    unit.getLineMap().getLineNumber(position),
                    unit.getLineMap().getColumnNumber(position),
                    agent.getSimpleName()
                            + " must be a public, non-abstract class with a public no-argument constructor"));
            return Optional.empty();
        }
        return Optional.of(elements.getBinaryName(agent).toString());
    }

    private static List<Diagnostic> compilerErrors(DiagnosticCollector<JavaFileObject> collector, SymbolHints hints) {
        return collector.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .map(diagnostic -> new Diagnostic(
                        Diagnostic.Origin.COMPILER,
                        Math.max(diagnostic.getLineNumber(), 1),
                        Math.max(diagnostic.getColumnNumber(), 1),
                        hints.complete(diagnostic.getMessage(Locale.ROOT))))
                .distinct()
                .toList();
    }

    private static String publicTypeName(String source) {
        Matcher matcher = PUBLIC_CLASS.matcher(source);
        return matcher.find() ? matcher.group(1) : "Agent";
    }

    /** The jar (or classes directory) {@code type} was loaded from. */
    private static String location(Class<?> type) {
        try {
            return new File(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .getPath();
        } catch (Exception unknown) {
            throw new IllegalStateException(
                    "cannot locate the jar of " + type.getName() + ", which agent code compiles against", unknown);
        }
    }

    /** Keeps the class files javac writes in memory. */
    private static final class InMemoryOutput extends ForwardingJavaFileManager<JavaFileManager> {
        private final Map<String, byte[]> classes = new LinkedHashMap<>();

        InMemoryOutput(JavaFileManager delegate) {
            super(delegate);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(
                Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(
                    URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            classes.put(className, toByteArray());
                        }
                    };
                }
            };
        }

        @Override
        public void close() {
            // the shared file manager outlives this check
        }
    }
}
