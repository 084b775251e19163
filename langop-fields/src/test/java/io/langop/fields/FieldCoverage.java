package io.langop.fields;

import java.util.List;
import java.util.Optional;

/** Which claim of the registry covers a field of the schema. */
final class FieldCoverage {

    private FieldCoverage() {}

    /**
     * The field's own claim, else the claim of an object around it that covers what is inside: a refusal, or a
     * reader that passes the object on whole.
     */
    static Optional<Claim> of(ApiField field) {
        Optional<Claim> own = own(field);
        if (own.isPresent()) {
            return own;
        }
        return FieldRegistry.CLAIMS.stream()
                .filter(claim -> claim.kind() == field.kind() && encloses(claim.path(), field.path()))
                .filter(claim -> claim instanceof Claim.Refused || (claim instanceof Claim.Read read && read.whole()))
                .findFirst();
    }

    /** The field's own claim. */
    static Optional<Claim> own(ApiField field) {
        return FieldRegistry.CLAIMS.stream()
                .filter(claim -> claim.kind() == field.kind() && claim.path().equals(field.path()))
                .findFirst();
    }

    /** The objects of the spec the field lies in, outermost first ({@code spec} itself is not one). */
    static List<ApiField> ancestors(ApiField field) {
        return ApiSchema.specFields(field.kind()).stream()
                .filter(other -> encloses(other.path(), field.path()))
                .toList();
    }

    static Optional<ApiField> field(Claim claim) {
        List<ApiField> fields = claim.path().startsWith("status")
                ? ApiSchema.statusFields(claim.kind())
                : ApiSchema.specFields(claim.kind());
        return fields.stream().filter(f -> f.path().equals(claim.path())).findFirst();
    }

    /** The claimed field; {@code spec} is the resource's own property. */
    static ApiField fieldOrRoot(Claim claim) {
        if (claim.path().equals("spec")) {
            return new ApiField(claim.kind(), "spec", claim.kind().resourceClass(), "spec", false);
        }
        return field(claim).orElseThrow(() -> new IllegalStateException(claim + " names no field of the schema"));
    }

    private static boolean encloses(String outer, String inner) {
        return inner.startsWith(outer + ".") || inner.startsWith(outer + "[]");
    }
}
