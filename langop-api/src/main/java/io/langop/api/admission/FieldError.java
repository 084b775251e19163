package io.langop.api.admission;

/**
 * One reason the API server refuses an object.
 *
 * @param pointer JSON pointer of the offending node ({@code /spec/toolRefs/0/enabled})
 * @param reason  the API server's cause type: {@code FieldValueInvalid} unless a rule names another
 * @param message what is wrong, as a person reads it
 */
public record FieldError(String pointer, String reason, String message) {

    static final String INVALID = "FieldValueInvalid";

    /** The field as kubectl names it: {@code spec.toolRefs[0].enabled}. */
    public String field() {
        return fieldOf(pointer);
    }

    /** A JSON pointer as kubectl names the field: {@code /spec/toolRefs/0/enabled} → {@code spec.toolRefs[0].enabled}. */
    public static String fieldOf(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String token : pointer.split("/", -1)) {
            if (token.isEmpty()) {
                continue;
            }
            String name = token.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                field.append('[').append(name).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return field.isEmpty() ? "<root>" : field.toString();
    }

    /** {@code /spec/regions: regions are not supported yet}, the form tests and logs compare. */
    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
