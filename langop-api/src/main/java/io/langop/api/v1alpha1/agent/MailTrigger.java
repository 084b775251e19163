package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Where a mail trigger's messages arrive: a folder of the mailbox an email tool reads. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MailTrigger {

    @Required
    @Size(min = 1, max = 253)
    @JsonPropertyDescription("The LanguageTool that reads the mailbox (langop-tool-email with IMAP_* set), in the"
            + " agent's namespace and among its toolRefs; it watches the folder and posts each new message to the"
            + " agent.")
    private String tool;

    @Size(max = 256)
    @JsonPropertyDescription("The folder watched; unset: INBOX.")
    private String folder;

    @Size(max = 256)
    @JsonPropertyDescription("Only messages whose sender (address or name) contains this text, ignoring case:"
            + " '@acme.com', 'alerts@'.")
    private String from;

    @Size(max = 256)
    @JsonPropertyDescription("Only messages whose subject contains this text, ignoring case.")
    private String subject;

    public String getTool() {
        return tool;
    }

    public void setTool(String tool) {
        this.tool = tool;
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }
}
