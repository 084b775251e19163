package io.langop.tool.web.egress;

/** A fetch that could not be done; the message is the reason, fit to show the model. */
public final class FetchException extends Exception {

    private final boolean refused;

    public FetchException(String reason) {
        this(reason, false);
    }

    private FetchException(String reason, boolean refused) {
        super(reason);
        this.refused = refused;
    }

    /** The egress rules forbade the request: nothing was sent. */
    static FetchException refused(String reason) {
        return new FetchException("refused: " + reason, true);
    }

    public boolean refused() {
        return refused;
    }
}
