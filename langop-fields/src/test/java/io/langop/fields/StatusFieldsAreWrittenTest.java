package io.langop.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.operator.LangopOperator;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field of every kind's status is written by the operator: some class of it calls the field's setter, or a
 * constructor of the field's class that stores it. A status field nobody writes would stay empty forever while
 * kubectl and the docs present it.
 */
class StatusFieldsAreWrittenTest {

    private static final Set<Bytecode.Call> OPERATOR_CALLS = Bytecode.callsOfModuleOf(LangopOperator.class);

    static Stream<ApiField> statusFields() {
        return Arrays.stream(Kind.values()).flatMap(kind -> ApiSchema.statusFields(kind).stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statusFields")
    void theOperatorWritesTheField(ApiField field) {
        assertThat(writers(field))
                .as(
                        "operator classes writing %s (its setter, or a constructor of %s storing it)",
                        field, field.owner().getSimpleName())
                .isNotEmpty();
    }

    /** The operator classes that write the field, by simple name: docs/api-fields.md lists them. */
    static List<String> writers(ApiField field) {
        Set<String> constructors = Bytecode.methodsTouching(field.owner(), "<init>", field.property());
        return OPERATOR_CALLS.stream()
                .filter(call -> call.invokes(field.owner(), field.setter())
                        || (call.invokes(field.owner(), "<init>") && constructors.contains(call.descriptor())))
                .map(Bytecode.Call::callerName)
                .distinct()
                .sorted()
                .toList();
    }
}
