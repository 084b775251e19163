package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.Patterns;
import io.langop.api.v1alpha1.PersonaReference;
import java.util.List;
import java.util.Map;

/** Desired state of a LanguagePersona: a reusable personality and rule set for agents. */
@ValidationRule(
        value = "!has(self.knowledgeSources)",
        message =
                "knowledgeSources are not supported yet: nothing fetches them; put what the persona must know into instructions")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguagePersonaSpec {

    @JsonPropertyDescription("Name of the LanguageCluster (same namespace) the persona belongs to.")
    private String clusterRef;

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Human-readable name.")
    private String displayName;

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Role and behaviour of the persona.")
    private String description;

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Base system instruction given to the model.")
    private String systemPrompt;

    @JsonPropertyDescription("Extra guidelines.")
    private List<String> instructions;

    @JsonPropertyDescription("Conditional behaviours.")
    private List<PersonaRule> rules;

    @JsonPropertyDescription("Few-shot examples.")
    private List<PersonaExample> examples;

    @JsonPropertyDescription("What the persona is good at.")
    private List<String> capabilities;

    @JsonPropertyDescription("What the persona does not do.")
    private List<String> limitations;

    @Default("professional")
    @JsonPropertyDescription("Tone of voice.")
    private Tone tone;

    @Default("en")
    @Pattern(Patterns.LANGUAGE_TAG)
    @JsonPropertyDescription("Language of the answers (BCP 47 tag).")
    private String language;

    @JsonPropertyDescription("Format of the answers.")
    private ResponseFormat responseFormat;

    @JsonPropertyDescription("Tool use.")
    private ToolPreferences toolPreferences;

    @Size(max = 32)
    @JsonPropertyDescription("Knowledge sources.")
    private List<KnowledgeSource> knowledgeSources;

    @JsonPropertyDescription("Limits.")
    private PersonaConstraints constraints;

    @JsonPropertyDescription("Free-form metadata.")
    private Map<String, String> metadata;

    @JsonPropertyDescription("Version of the persona.")
    private String version;

    @JsonPropertyDescription("Persona this one extends.")
    private PersonaReference parentPersona;

    public String getClusterRef() {
        return clusterRef;
    }

    public void setClusterRef(String clusterRef) {
        this.clusterRef = clusterRef;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getSystemPrompt() {
        return systemPrompt;
    }

    public void setSystemPrompt(String systemPrompt) {
        this.systemPrompt = systemPrompt;
    }

    public List<String> getInstructions() {
        return instructions;
    }

    public void setInstructions(List<String> instructions) {
        this.instructions = instructions;
    }

    public List<PersonaRule> getRules() {
        return rules;
    }

    public void setRules(List<PersonaRule> rules) {
        this.rules = rules;
    }

    public List<PersonaExample> getExamples() {
        return examples;
    }

    public void setExamples(List<PersonaExample> examples) {
        this.examples = examples;
    }

    public List<String> getCapabilities() {
        return capabilities;
    }

    public void setCapabilities(List<String> capabilities) {
        this.capabilities = capabilities;
    }

    public List<String> getLimitations() {
        return limitations;
    }

    public void setLimitations(List<String> limitations) {
        this.limitations = limitations;
    }

    public Tone getTone() {
        return tone;
    }

    public void setTone(Tone tone) {
        this.tone = tone;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public ResponseFormat getResponseFormat() {
        return responseFormat;
    }

    public void setResponseFormat(ResponseFormat responseFormat) {
        this.responseFormat = responseFormat;
    }

    public ToolPreferences getToolPreferences() {
        return toolPreferences;
    }

    public void setToolPreferences(ToolPreferences toolPreferences) {
        this.toolPreferences = toolPreferences;
    }

    public List<KnowledgeSource> getKnowledgeSources() {
        return knowledgeSources;
    }

    public void setKnowledgeSources(List<KnowledgeSource> knowledgeSources) {
        this.knowledgeSources = knowledgeSources;
    }

    public PersonaConstraints getConstraints() {
        return constraints;
    }

    public void setConstraints(PersonaConstraints constraints) {
        this.constraints = constraints;
    }

    public Map<String, String> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, String> metadata) {
        this.metadata = metadata;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public PersonaReference getParentPersona() {
        return parentPersona;
    }

    public void setParentPersona(PersonaReference parentPersona) {
        this.parentPersona = parentPersona;
    }
}
