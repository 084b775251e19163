package io.langop.fields;

/** Where a field of the API takes effect; docs/api-fields.md names it for every field. */
enum Enforcer {
    /** The operator acts on it: the Kubernetes objects it writes (Deployments, policies, Services, ...). */
    OPERATOR("operator"),
    /** The agent runtime, which the operator hands it to (environment, mounted files). */
    RUNTIME("runtime"),
    /** The model proxy, through the proxy.yaml the operator renders. */
    PROXY("proxy"),
    /** The langop console, through the client.json the operator renders. */
    CONSOLE("console"),
    /** The synthesis LLM reads it while it writes the agent (instructions, the persona it distils): guidance. */
    SYNTHESIS("synthesis (LLM guidance)");

    private final String label;

    Enforcer(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
