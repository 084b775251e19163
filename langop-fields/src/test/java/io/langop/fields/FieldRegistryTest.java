package io.langop.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.api.v1alpha1.ApiExamples;
import io.langop.api.v1alpha1.ApiValidation;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field of every kind's spec is read by code or refused by the CRD: the registry covers each field the
 * schema has, and each of its claims holds against the bytecode (the reader calls the getter) or the CRD (the
 * sample is rejected with "not supported yet").
 */
class FieldRegistryTest {

    static Stream<ApiField> specFields() {
        return Arrays.stream(Kind.values()).flatMap(kind -> ApiSchema.specFields(kind).stream());
    }

    static Stream<Claim.Read> reads() {
        return FieldRegistry.CLAIMS.stream()
                .filter(Claim.Read.class::isInstance)
                .map(Claim.Read.class::cast);
    }

    static Stream<Claim.Refused> refusals() {
        return FieldRegistry.CLAIMS.stream()
                .filter(Claim.Refused.class::isInstance)
                .map(Claim.Refused.class::cast);
    }

    @Test
    void everyFieldOfEverySpecIsReadRefusedOrANote() {
        List<String> uncovered = specFields()
                .filter(field -> FieldCoverage.of(field).isEmpty())
                .map(ApiField::toString)
                .toList();

        assertThat(uncovered)
                .as("fields no code reads and the CRD does not refuse: add each to FieldRegistry with the class that"
                        + " reads it, or refuse it in the CRD with a rule saying \"not supported yet\"")
                .isEmpty();
    }

    @Test
    void aFieldIsReadOnlyWhereTheObjectsAroundItAreRead() {
        List<String> orphans = specFields()
                .filter(field -> FieldCoverage.own(field)
                        .filter(Claim.Read.class::isInstance)
                        .isPresent())
                .flatMap(field -> FieldCoverage.ancestors(field).stream()
                        .filter(parent -> FieldCoverage.of(parent)
                                .filter(Claim.Read.class::isInstance)
                                .isEmpty())
                        .map(parent -> field + " is read, but nothing reads " + parent.path()))
                .toList();

        assertThat(orphans).isEmpty();
    }

    @Test
    void everyClaimNamesAFieldOfTheSchema() {
        List<String> stale = FieldRegistry.CLAIMS.stream()
                .filter(claim -> !claim.path().equals("spec")
                        && FieldCoverage.field(claim).isEmpty())
                .map(claim -> claim.kind() + " " + claim.path())
                .toList();

        assertThat(stale).as("claims about fields the CRD does not have").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void theReaderCallsTheGetterOfTheField(Claim.Read read) {
        ApiField field = FieldCoverage.fieldOrRoot(read);
        String method = read.accessor() != null ? read.accessor() : field.getter();

        assertThat(Bytecode.matching(Bytecode.callsOf(read.reader()), field.owner(), method))
                .as("%s calls %s.%s", read.reader().getName(), field.owner().getSimpleName(), method)
                .isNotEmpty();
        if (read.accessor() != null) {
            assertThat(Bytecode.methodsTouching(field.owner(), read.accessor(), field.property()))
                    .as("%s.%s() reads the field %s", field.owner().getSimpleName(), read.accessor(), field.property())
                    .isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void theCrdRefusesTheSampleAsNotSupportedYet(Claim.Refused refused) {
        assertThat(ApiValidation.violations(
                        ApiExamples.validObjectOf(refused.kind().name())))
                .as("the unchanged example")
                .isEmpty();

        assertThat(ApiFieldsDoc.refusal(refused))
                .as("a message saying \"not supported yet\" for %s at %s", refused.sample(), refused.pointer())
                .isPresent();
    }

    @Test
    void notesAreDescriptionsOnly() {
        assertThat(FieldRegistry.CLAIMS.stream()
                        .filter(Claim.Note.class::isInstance)
                        .filter(note -> !note.path().endsWith(".description")))
                .isEmpty();
    }
}
