package io.langop.operator.synthesis;

/** The synthesis LLM could not be reached or kept failing after its retries; the last good code keeps running. */
public final class SynthesisUnavailableException extends RuntimeException {

    public SynthesisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
