package io.langop.fields;

/**
 * What the registry says about one field of a kind's spec: read by a named class, refused at admission, or a
 * note for people. {@link FieldRegistryTest} holds each claim to the code.
 */
sealed interface Claim {

    Kind kind();

    String path();

    /**
     * Read by {@code reader}: its bytecode calls the field's getter (or {@code accessor}, a method of the API class
     * that reads the field). {@code whole}: the reader passes the object on as it is (to the LLM as JSON), so its
     * fields need no claim of their own.
     */
    record Read(Kind kind, String path, Enforcer where, Class<?> reader, String accessor, boolean whole)
            implements Claim {}

    /**
     * Refused by the CRD: a valid example with {@code sample} put at {@code pointer} (a JSON pointer into the
     * object) is rejected with a message saying "not supported yet". Covers the field and everything inside it.
     */
    record Refused(Kind kind, String path, String pointer, String sample) implements Claim {}

    /** A description for people (why an egress rule exists); nothing is meant to read it. */
    record Note(Kind kind, String path) implements Claim {}
}
