package io.langop.sdk.trigger;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.stream.Collectors;

/**
 * A CEL expression over an {@link IncomingEvent}: {@code event} (the payload, any JSON), {@code headers} and
 * {@code ce} (maps of strings). Compiled once, evaluated per event.
 */
final class EventExpression {

    static final String EVENT = "event";
    static final String HEADERS = "headers";
    static final String CLOUD_EVENT = "ce";

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar(EVENT, SimpleType.DYN)
            .addVar(HEADERS, MapType.create(SimpleType.STRING, SimpleType.STRING))
            .addVar(CLOUD_EVENT, MapType.create(SimpleType.STRING, SimpleType.STRING))
            .build();
    private static final CelRuntime RUNTIME =
            CelRuntimeFactory.legacyCelRuntimeBuilder().build();

    private final String source;
    private final CelRuntime.Program program;
    private final CelType resultType;

    private EventExpression(String source, CelAbstractSyntaxTree ast) throws CelEvaluationException {
        this.source = source;
        this.program = RUNTIME.createProgram(ast);
        this.resultType = ast.getResultType();
    }

    /**
     * @throws InvalidTriggerException with CEL's diagnostics (position and what is wrong) when it does not compile
     */
    static EventExpression compile(String source) throws InvalidTriggerException {
        try {
            return new EventExpression(source, COMPILER.compile(source).getAst());
        } catch (CelValidationException invalid) {
            throw new InvalidTriggerException(invalid.getErrors().stream()
                    .map(error -> "column " + (error.getSourceLocation().getColumn() + 1) + ": " + error.getMessage())
                    .collect(Collectors.joining("; ")));
        } catch (CelEvaluationException unplannable) {
            throw new InvalidTriggerException(unplannable.getMessage());
        }
    }

    /** Whether the expression can yield a boolean (its type is bool, or only known per event). */
    boolean mayBeBoolean() {
        return resultType.equals(SimpleType.BOOL) || resultType.equals(SimpleType.DYN);
    }

    CelType resultType() {
        return resultType;
    }

    /**
     * @throws CelEvaluationException when this event lacks what the expression reads (a missing key, a wrong type)
     */
    Object evaluate(IncomingEvent event) throws CelEvaluationException {
        return program.eval(event.variables());
    }

    @Override
    public String toString() {
        return source;
    }
}
