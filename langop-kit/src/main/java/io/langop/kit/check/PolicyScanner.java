package io.langop.kit.check;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Walks the attributed AST and checks what every name resolves to, so that fully qualified names,
 * static imports, {@code var}, lambdas and method references cannot hide a refused API: the check is
 * on the resolved element, never on the spelling.
 */
final class PolicyScanner extends TreePathScanner<Void, Void> {

    private final Trees trees;
    private final Elements elements;
    private final Types types;
    private final CompilationUnitTree unit;
    private final Set<Diagnostic> findings;

    PolicyScanner(Trees trees, Elements elements, Types types, CompilationUnitTree unit, Set<Diagnostic> findings) {
        this.trees = trees;
        this.elements = elements;
        this.types = types;
        this.unit = unit;
        this.findings = findings;
    }

    @Override
    public Void visitImport(ImportTree tree, Void unused) {
        if (tree.getQualifiedIdentifier() instanceof MemberSelectTree select
                && select.getIdentifier().contentEquals("*")) {
            Element qualifier = trees.getElement(new TreePath(getCurrentPath(), select.getExpression()));
            if (qualifier instanceof PackageElement pkg) {
                SandboxPolicy.refusePackageImport(pkg.getQualifiedName().toString())
                        .ifPresent(reason -> report(tree, reason));
                return null;
            }
        }
        return super.visitImport(tree, null);
    }

    @Override
    public Void visitIdentifier(IdentifierTree tree, Void unused) {
        check(trees.getElement(getCurrentPath()), tree, Optional.empty());
        return super.visitIdentifier(tree, null);
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
        if (!isArray(tree.getExpression())) {
            check(trees.getElement(getCurrentPath()), tree, typeOf(tree.getExpression()));
        }
        return super.visitMemberSelect(tree, null);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        if (!isArray(tree.getQualifierExpression())) {
            check(trees.getElement(getCurrentPath()), tree, typeOf(tree.getQualifierExpression()));
        }
        return super.visitMemberReference(tree, null);
    }

    /** A constructor is checked like a method: some are refused for what their arguments mean. */
    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
        check(trees.getElement(getCurrentPath()), tree, Optional.empty());
        return super.visitNewClass(tree, null);
    }

    /** A stream factory's parallel flag must be the literal {@code false}: a parallel stream runs on other threads. */
    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (trees.getElement(getCurrentPath()) instanceof ExecutableElement method
                && method.getEnclosingElement() instanceof TypeElement owner) {
            SandboxPolicy.Member member = member(owner, method);
            SandboxPolicy.parallelFlag(member).ifPresent(index -> {
                if (!(tree.getArguments().get(index) instanceof LiteralTree literal
                        && Boolean.FALSE.equals(literal.getValue()))) {
                    report(tree, SandboxPolicy.refuseParallelFlag(member));
                }
            });
        }
        return super.visitMethodInvocation(tree, null);
    }

    /** Array members (length, clone, String[]::new) belong to no class and are always fine. */
    private boolean isArray(Tree qualifier) {
        TypeMirror type = trees.getTypeMirror(new TreePath(getCurrentPath(), qualifier));
        return type != null && type.getKind() == TypeKind.ARRAY;
    }

    /** The type of the expression a member is selected from, when it is a class or interface type. */
    private Optional<TypeElement> typeOf(Tree qualifier) {
        return trees.getTypeMirror(new TreePath(getCurrentPath(), qualifier)) instanceof DeclaredType declared
                        && declared.asElement() instanceof TypeElement type
                ? Optional.of(type)
                : Optional.empty();
    }

    @Override
    public Void visitVariable(VariableTree tree, Void unused) {
        // `var` and implicitly typed lambda parameters have no type tree to visit: check the inferred type
        boolean inferred =
                tree.getType() == null || trees.getSourcePositions().getStartPosition(unit, tree.getType()) < 0;
        Element variable = trees.getElement(getCurrentPath());
        if (inferred && variable != null && variable.asType() instanceof DeclaredType declared) {
            check(declared.asElement(), tree, Optional.empty());
        }
        return super.visitVariable(tree, null);
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
        if (tree.getModifiers().getFlags().contains(Modifier.NATIVE)) {
            report(tree, "native method " + tree.getName() + " is not allowed in agent code (native code)");
        }
        if (tree.getName().contentEquals("finalize") && tree.getParameters().isEmpty()) {
            report(
                    tree,
                    "finalize() is not allowed in agent code (threads of its own: finalizers run on the JVM's thread)");
        }
        return super.visitMethod(tree, null);
    }

    /**
     * Checks what a name resolved to. A member is judged by the type that declares it, except when that
     * type is not public: then it is an implementation superclass (as AbstractStringBuilder is
     * StringBuilder's) whose inherited members are part of the API of the type they were selected from.
     */
    private void check(Element element, Tree tree, Optional<TypeElement> selectedFrom) {
        if (element == null) {
            return;
        }
        switch (element.getKind()) {
            case CLASS, INTERFACE, ENUM, RECORD, ANNOTATION_TYPE ->
                refusal((TypeElement) element).ifPresent(reason -> report(tree, reason));
            case METHOD, CONSTRUCTOR, FIELD, ENUM_CONSTANT -> {
                if (element.getEnclosingElement() instanceof TypeElement owner) {
                    TypeElement judgedType =
                            owner.getModifiers().contains(Modifier.PUBLIC) ? owner : selectedFrom.orElse(owner);
                    Optional<String> reason = refusal(judgedType);
                    if (reason.isEmpty() && !isDeclaredInSource(owner)) {
                        reason = SandboxPolicy.refuseMember(member(owner, element));
                    }
                    reason.ifPresent(why -> report(tree, why));
                }
            }
            default -> {} // packages, locals, parameters, type variables: nothing to resolve
        }
    }

    private SandboxPolicy.Member member(TypeElement owner, Element element) {
        List<String> parameters = element instanceof ExecutableElement executable
                ? executable.getParameters().stream()
                        .map(parameter -> types.erasure(parameter.asType()).toString())
                        .toList()
                : List.of();
        return new SandboxPolicy.Member(
                owner.getQualifiedName().toString(), element.getSimpleName().toString(), parameters);
    }

    private Optional<String> refusal(TypeElement type) {
        if (isDeclaredInSource(type)) {
            return Optional.empty();
        }
        TypeElement outermost = type;
        while (outermost.getEnclosingElement() instanceof TypeElement enclosing) {
            outermost = enclosing;
        }
        String packageName = elements.getPackageOf(outermost).getQualifiedName().toString();
        return SandboxPolicy.refuseType(
                packageName, outermost.getQualifiedName().toString());
    }

    private boolean isDeclaredInSource(TypeElement type) {
        return trees.getPath(type) != null && type.getKind() != ElementKind.PACKAGE;
    }

    private void report(Tree tree, String message) {
        long position = trees.getSourcePositions().getStartPosition(unit, tree);
        findings.add(new Diagnostic(
                Diagnostic.Origin.POLICY,
                unit.getLineMap().getLineNumber(position),
                unit.getLineMap().getColumnNumber(position),
                message));
    }
}
