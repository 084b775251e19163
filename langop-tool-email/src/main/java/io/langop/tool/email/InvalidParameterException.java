package io.langop.tool.email;

/** A tool argument that cannot be used as given; the message names the parameter so the model can correct it. */
public final class InvalidParameterException extends EmailToolException {

    private final String parameter;

    public InvalidParameterException(String parameter, String problem) {
        super("Invalid parameter '" + parameter + "': " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
