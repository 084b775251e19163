package io.langop.kit.check;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.langop.kit.check.DefinitionSketch.JsonKind;
import io.langop.kit.check.DefinitionSketch.Kind;
import io.langop.kit.check.DefinitionSketch.Located;
import io.langop.kit.check.DefinitionSketch.Param;
import io.langop.kit.check.DefinitionSketch.Position;
import io.langop.kit.check.DefinitionSketch.Step;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.workflow.StepBuilder;
import io.langop.sdk.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a {@link DefinitionSketch} from an attributed compilation unit: calls are recognised by the SDK
 * method they resolve to (not by their spelling), and each {@code StepBuilder} call is given to the step
 * whose {@code w.step(name, ...)} lambda it is written in. Nothing is run.
 */
final class DefinitionReader extends TreePathScanner<Void, Void> {

    private static final String WORKFLOW_BUILDER = Workflow.Builder.class.getCanonicalName();
    private static final String STEP_BUILDER = StepBuilder.class.getCanonicalName();
    private static final String AGENT_BUILDER = AgentDefinition.Builder.class.getCanonicalName();
    private static final String AGENT_DEFINITION = AgentDefinition.class.getCanonicalName();

    private final Trees trees;
    private final Elements elements;
    private final Types types;
    private final CompilationUnitTree unit;
    private final List<StepDraft> steps = new ArrayList<>();
    private final Deque<StepDraft> enclosing = new ArrayDeque<>();
    private final List<Located> names = new ArrayList<>();
    private final List<Located> schedules = new ArrayList<>();
    private final List<Position> objectives = new ArrayList<>();
    private final List<Located> modes = new ArrayList<>();
    private final List<Position> workflows = new ArrayList<>();

    private DefinitionReader(Trees trees, Elements elements, Types types, CompilationUnitTree unit) {
        this.trees = trees;
        this.elements = elements;
        this.types = types;
        this.unit = unit;
    }

    static DefinitionSketch read(Trees trees, Elements elements, Types types, CompilationUnitTree unit) {
        DefinitionReader reader = new DefinitionReader(trees, elements, types, unit);
        reader.scan(unit, null);
        return new DefinitionSketch(
                reader.names,
                reader.steps.stream()
                        .map(StepDraft::build)
                        .sorted(java.util.Comparator.comparing(
                                        (Step step) -> step.name().at().line())
                                .thenComparing(step -> step.name().at().column()))
                        .toList(),
                reader.schedules,
                reader.modes,
                reader.workflows,
                reader.objectives);
    }

    /** A step as its calls are found. */
    private static final class StepDraft {
        private final Located name;
        private Kind kind = Kind.NONE;
        private int actions;
        private Optional<Located> tool = Optional.empty();
        private final List<Param> params = new ArrayList<>();
        private boolean paramsOpen;
        private Optional<Position> promptToolsAt = Optional.empty();
        private final List<Located> promptTools = new ArrayList<>();
        private final List<Located> dependsOn = new ArrayList<>();
        private final List<Located> templates = new ArrayList<>();

        StepDraft(Located name) {
            this.name = name;
        }

        Step build() {
            return new Step(
                    name, kind, actions, tool, params, paramsOpen, promptToolsAt, promptTools, dependsOn, templates);
        }

        void act(Kind action) {
            if (actions++ == 0) {
                kind = action;
            }
        }
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        Element element = trees.getElement(getCurrentPath());
        if (!(element instanceof ExecutableElement method)
                || !(method.getEnclosingElement() instanceof TypeElement owner)) {
            return super.visitMethodInvocation(call, null);
        }
        String ownerName = owner.getQualifiedName().toString();
        String name = method.getSimpleName().toString();
        List<? extends ExpressionTree> args = call.getArguments();
        if (ownerName.equals(WORKFLOW_BUILDER) && name.equals("step") && args.size() == 2) {
            StepDraft step = new StepDraft(located(args.get(0)));
            steps.add(step);
            scan(call.getMethodSelect(), null); // earlier steps of the chain
            enclosing.push(step);
            try {
                scan(args, null);
            } finally {
                enclosing.pop();
            }
            return null;
        }
        if (ownerName.equals(STEP_BUILDER) && !enclosing.isEmpty()) {
            readStepCall(enclosing.peek(), call, name, args);
        } else if (ownerName.equals(AGENT_BUILDER)) {
            readAgentCall(call, name, args);
        } else if (ownerName.equals(AGENT_DEFINITION) && name.equals("builder") && args.size() == 1) {
            names.add(located(args.getFirst()));
        }
        return super.visitMethodInvocation(call, null);
    }

    private void readStepCall(
            StepDraft step, MethodInvocationTree call, String method, List<? extends ExpressionTree> args) {
        switch (method) {
            case "tool" -> {
                step.act(Kind.TOOL);
                step.tool = Optional.of(located(args.getFirst()));
            }
            case "prompt" -> {
                step.act(Kind.PROMPT);
                step.templates.add(located(args.getFirst()));
            }
            case "custom" -> step.act(Kind.CUSTOM);
            case "tools" -> {
                step.promptToolsAt = Optional.of(namePosition(call));
                args.forEach(arg -> step.promptTools.add(located(arg)));
            }
            case "param" -> addParam(step, args.get(0), args.get(1));
            case "params" -> readParamMap(step, args.getFirst());
            case "dependsOn" -> args.forEach(arg -> step.dependsOn.add(located(arg)));
            default -> {
                // when(...) decides at run time whether the step runs: nothing to check statically
            }
        }
    }

    private void readAgentCall(MethodInvocationTree call, String method, List<? extends ExpressionTree> args) {
        switch (method) {
            case "schedule" -> schedules.add(located(args.getFirst()));
            case "mode" -> modes.add(new Located(enumConstant(args.getFirst()), position(args.getFirst())));
            case "workflow" -> workflows.add(position(call));
            case "objective", "objectives" -> objectives.add(position(call));
            default -> {
                // description, persona, constraints and output are not held against the resource
            }
        }
    }

    private void addParam(StepDraft step, ExpressionTree key, ExpressionTree value) {
        Optional<String> name = constantString(key);
        if (name.isEmpty()) {
            step.paramsOpen = true; // a computed name: any parameter may be meant
            return;
        }
        Optional<Object> constant = constant(value);
        step.params.add(new Param(name.get(), kindOf(value, constant), constant.map(String::valueOf), position(key)));
        constant.filter(String.class::isInstance)
                .map(String.class::cast)
                .ifPresent(template -> step.templates.add(new Located(Optional.of(template), position(value))));
    }

    /** {@code params(Map.of("k", v, ...))} is read pair by pair; any other map is taken as open. */
    private void readParamMap(StepDraft step, ExpressionTree map) {
        if (unwrap(map) instanceof MethodInvocationTree call
                && trees.getElement(new TreePath(getCurrentPath(), call)) instanceof ExecutableElement of
                && of.getSimpleName().contentEquals("of")
                && of.getEnclosingElement() instanceof TypeElement owner
                && owner.getQualifiedName().contentEquals(Map.class.getName())) {
            List<? extends ExpressionTree> pairs = call.getArguments();
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                addParam(step, pairs.get(i), pairs.get(i + 1));
            }
        } else {
            step.paramsOpen = true;
        }
    }

    private JsonKind kindOf(ExpressionTree value, Optional<Object> constant) {
        if (unwrap(value).getKind() == Tree.Kind.NULL_LITERAL) {
            return JsonKind.NULL;
        }
        if (constant.isPresent()) {
            return switch (constant.get()) {
                case String ignored -> JsonKind.STRING;
                case Character ignored -> JsonKind.STRING;
                case Boolean ignored -> JsonKind.BOOLEAN;
                case Double ignored -> JsonKind.NUMBER;
                case Float ignored -> JsonKind.NUMBER;
                default -> JsonKind.INTEGER;
            };
        }
        TypeMirror type = trees.getTypeMirror(new TreePath(getCurrentPath(), value));
        if (type == null) {
            return JsonKind.UNKNOWN;
        }
        if (type.getKind().isPrimitive()) {
            return primitiveKind(type.getKind());
        }
        try {
            return primitiveKind(types.unboxedType(type).getKind());
        } catch (IllegalArgumentException notABox) {
            // a reference type: judged by what it is assignable to
        }
        if (type.getKind() == TypeKind.ARRAY || isA(type, Collection.class)) {
            return JsonKind.ARRAY;
        }
        if (isA(type, Map.class)) {
            return JsonKind.OBJECT;
        }
        return isA(type, CharSequence.class) ? JsonKind.STRING : JsonKind.UNKNOWN;
    }

    private static JsonKind primitiveKind(TypeKind kind) {
        return switch (kind) {
            case BOOLEAN -> JsonKind.BOOLEAN;
            case DOUBLE, FLOAT -> JsonKind.NUMBER;
            case CHAR -> JsonKind.STRING;
            default -> JsonKind.INTEGER;
        };
    }

    private boolean isA(TypeMirror type, Class<?> kind) {
        TypeElement element = elements.getTypeElement(kind.getName());
        return element != null && types.isAssignable(types.erasure(type), types.erasure(element.asType()));
    }

    private Located located(ExpressionTree expression) {
        return new Located(constantString(expression), position(expression));
    }

    private Optional<String> constantString(ExpressionTree expression) {
        return constant(expression).filter(String.class::isInstance).map(String.class::cast);
    }

    /** The value of a compile-time constant: a literal, a constant variable, or a concatenation of them. */
    private Optional<Object> constant(ExpressionTree expression) {
        ExpressionTree tree = unwrap(expression);
        if (tree instanceof LiteralTree literal) {
            return Optional.ofNullable(literal.getValue());
        }
        if (tree instanceof BinaryTree plus && plus.getKind() == Tree.Kind.PLUS) {
            Optional<Object> left = constant(plus.getLeftOperand());
            Optional<Object> right = constant(plus.getRightOperand());
            return left.isPresent()
                            && right.isPresent()
                            && (left.get() instanceof String || right.get() instanceof String)
                    ? Optional.of(String.valueOf(left.get()) + right.get())
                    : Optional.empty();
        }
        Element element = trees.getElement(new TreePath(getCurrentPath(), tree));
        return element instanceof VariableElement variable
                ? Optional.ofNullable(variable.getConstantValue())
                : Optional.empty();
    }

    private Optional<String> enumConstant(ExpressionTree expression) {
        Element element = trees.getElement(new TreePath(getCurrentPath(), unwrap(expression)));
        return element != null && element.getKind() == ElementKind.ENUM_CONSTANT
                ? Optional.of(element.getSimpleName().toString())
                : Optional.empty();
    }

    private static ExpressionTree unwrap(ExpressionTree expression) {
        ExpressionTree tree = expression;
        while (tree instanceof ParenthesizedTree parenthesized) {
            tree = parenthesized.getExpression();
        }
        return tree;
    }

    /** Where the called method's name is written ({@code tools} in {@code s.prompt(...).tools()}). */
    private Position namePosition(MethodInvocationTree call) {
        if (call.getMethodSelect() instanceof MemberSelectTree select) {
            long end = trees.getSourcePositions().getEndPosition(unit, select);
            long start = end - select.getIdentifier().length();
            return new Position(
                    unit.getLineMap().getLineNumber(start), unit.getLineMap().getColumnNumber(start));
        }
        return position(call);
    }

    private Position position(Tree tree) {
        long start = trees.getSourcePositions().getStartPosition(unit, tree);
        return new Position(
                unit.getLineMap().getLineNumber(start), unit.getLineMap().getColumnNumber(start));
    }
}
