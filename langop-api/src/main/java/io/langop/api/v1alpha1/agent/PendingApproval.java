package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A tool call of the agent that waits for a person's approval. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PendingApproval {

    @Required
    @JsonPropertyDescription("The approval's id, for langop approval and the agent's /approvals endpoint.")
    private String id;

    @Required
    @JsonPropertyDescription("The tool the call is for.")
    private String tool;

    @JsonPropertyDescription("The call's arguments as JSON, secrets taken out, at most 512 characters.")
    private String arguments;

    @Required
    @JsonPropertyDescription("When the call is given up unless someone decides (RFC 3339).")
    private String deadline;

    public PendingApproval() {}

    public PendingApproval(String id, String tool, String arguments, String deadline) {
        this.id = id;
        this.tool = tool;
        this.arguments = arguments;
        this.deadline = deadline;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTool() {
        return tool;
    }

    public void setTool(String tool) {
        this.tool = tool;
    }

    public String getArguments() {
        return arguments;
    }

    public void setArguments(String arguments) {
        this.arguments = arguments;
    }

    public String getDeadline() {
        return deadline;
    }

    public void setDeadline(String deadline) {
        this.deadline = deadline;
    }

    // compared by the operator, which writes a status only when it changed
    @Override
    public boolean equals(Object other) {
        return other instanceof PendingApproval that
                && Objects.equals(id, that.id)
                && Objects.equals(tool, that.tool)
                && Objects.equals(arguments, that.arguments)
                && Objects.equals(deadline, that.deadline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, tool, arguments, deadline);
    }
}
