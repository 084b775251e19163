package io.langop.kit.check;

import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.workflow.StepBuilder;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Completes javac's "cannot find symbol" where an SDK type is concerned, so that one repair round fixes
 * an invented method or a missing import: a method not found on an SDK type gets that type's public
 * methods; an unknown class that is an SDK type gets its import.
 */
final class SymbolHints {

    /** The packages an agent's code is written against. */
    private static final List<String> SDK_PACKAGES =
            List.of(AgentDefinition.class.getPackageName(), StepBuilder.class.getPackageName());

    private static final String SDK_ROOT = "io.langop.sdk.";
    private static final Pattern LOCATION =
            Pattern.compile("location: (?:(?:class|interface|enum|record) |variable \\S+ of type )([\\w.$]+)(?:<.*>)?");
    /** A type used without its import: javac names it a class, or a variable when it is used as {@code X.Y}. */
    private static final Pattern MISSING_CLASS = Pattern.compile("symbol:\\s+(?:class|variable) ([A-Z]\\w*)");

    private final Elements elements;

    SymbolHints(Elements elements) {
        this.elements = elements;
    }

    /** {@code message} with what the author needs to know added, when it is about an SDK type. */
    String complete(String message) {
        if (!message.startsWith("cannot find symbol")) {
            return message;
        }
        Optional<String> hint = missingImport(message).or(() -> methodsOfLocation(message));
        return hint.map(text -> message + "\n  " + text).orElse(message);
    }

    private Optional<String> missingImport(String message) {
        Matcher missing = MISSING_CLASS.matcher(message);
        if (!missing.find()) {
            return Optional.empty();
        }
        String simpleName = missing.group(1);
        return SDK_PACKAGES.stream()
                .map(pkg -> elements.getTypeElement(pkg + "." + simpleName))
                .filter(type -> type != null && type.getModifiers().contains(Modifier.PUBLIC))
                .findFirst()
                .map(type -> simpleName + " is " + type.getQualifiedName() + ": add import " + type.getQualifiedName()
                        + ";");
    }

    private Optional<String> methodsOfLocation(String message) {
        Matcher location = LOCATION.matcher(message);
        if (!location.find() || !location.group(1).startsWith(SDK_ROOT)) {
            return Optional.empty();
        }
        TypeElement type = elements.getTypeElement(location.group(1).replace('$', '.'));
        if (type == null) {
            return Optional.empty();
        }
        List<String> members = elements.getAllMembers(type).stream()
                .filter(member -> member.getModifiers().contains(Modifier.PUBLIC))
                .filter(member -> member.getEnclosingElement() instanceof TypeElement owner
                        && owner.getQualifiedName().toString().startsWith(SDK_ROOT))
                .map(SymbolHints::signature)
                .flatMap(Optional::stream)
                .distinct()
                .sorted()
                .toList();
        return members.isEmpty()
                ? Optional.empty()
                : Optional.of(type.getSimpleName() + " has: " + String.join(", ", members));
    }

    private static Optional<String> signature(Element member) {
        if (member instanceof ExecutableElement method && method.getKind() == ElementKind.METHOD) {
            String parameters =
                    method.getParameters().stream().map(SymbolHints::parameter).collect(Collectors.joining(", "));
            if (method.isVarArgs()) {
                parameters = parameters.substring(0, parameters.length() - 2) + "...";
            }
            return Optional.of(method.getSimpleName() + "(" + parameters + ")");
        }
        if (member instanceof VariableElement constant && member.getKind() == ElementKind.ENUM_CONSTANT) {
            return Optional.of(constant.getSimpleName().toString());
        }
        return Optional.empty();
    }

    /** The parameter's type as an author writes it: simple names, generics kept. */
    private static String parameter(VariableElement parameter) {
        return parameter.asType().toString().replaceAll("(?:\\w+\\.)+(\\w+)", "$1");
    }
}
