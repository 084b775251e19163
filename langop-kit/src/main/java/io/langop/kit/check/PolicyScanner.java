package io.langop.kit.check;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Walks the attributed AST and checks what every name resolves to, so that fully qualified names,
 * static imports, {@code var}, lambdas and method references cannot hide a refused API: the check is
 * on the resolved element, never on the spelling.
 */
final class PolicyScanner extends TreePathScanner<Void, Void> {

    private final Trees trees;
    private final Elements elements;
    private final CompilationUnitTree unit;
    private final Set<Diagnostic> findings;

    PolicyScanner(Trees trees, Elements elements, CompilationUnitTree unit, Set<Diagnostic> findings) {
        this.trees = trees;
        this.elements = elements;
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
        return super.visitImport(tree, unused);
    }

    @Override
    public Void visitIdentifier(IdentifierTree tree, Void unused) {
        check(trees.getElement(getCurrentPath()), tree);
        return super.visitIdentifier(tree, unused);
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
        if (!isArray(tree.getExpression())) {
            check(trees.getElement(getCurrentPath()), tree);
        }
        return super.visitMemberSelect(tree, unused);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        if (!isArray(tree.getQualifierExpression())) {
            check(trees.getElement(getCurrentPath()), tree);
        }
        return super.visitMemberReference(tree, unused);
    }

    /** Array members (length, clone, String[]::new) belong to no class and are always fine. */
    private boolean isArray(Tree qualifier) {
        TypeMirror type = trees.getTypeMirror(new TreePath(getCurrentPath(), qualifier));
        return type != null && type.getKind() == TypeKind.ARRAY;
    }

    @Override
    public Void visitVariable(VariableTree tree, Void unused) {
        // `var` and implicitly typed lambda parameters have no type tree to visit: check the inferred type
        boolean inferred =
                tree.getType() == null || trees.getSourcePositions().getStartPosition(unit, tree.getType()) < 0;
        Element variable = trees.getElement(getCurrentPath());
        if (inferred && variable != null && variable.asType() instanceof DeclaredType declared) {
            check(declared.asElement(), tree);
        }
        return super.visitVariable(tree, unused);
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
        return super.visitMethod(tree, unused);
    }

    private void check(Element element, Tree tree) {
        if (element == null) {
            return;
        }
        switch (element.getKind()) {
            case CLASS, INTERFACE, ENUM, RECORD, ANNOTATION_TYPE ->
                refusal((TypeElement) element).ifPresent(reason -> report(tree, reason));
            case METHOD, CONSTRUCTOR, FIELD, ENUM_CONSTANT -> {
                if (element.getEnclosingElement() instanceof TypeElement owner) {
                    Optional<String> reason = refusal(owner);
                    if (reason.isEmpty() && !isDeclaredInSource(owner)) {
                        reason = SandboxPolicy.refuseMember(
                                owner.getQualifiedName().toString(),
                                element.getSimpleName().toString());
                    }
                    reason.ifPresent(why -> report(tree, why));
                }
            }
            default -> {} // packages, locals, parameters, type variables: nothing to resolve
        }
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
