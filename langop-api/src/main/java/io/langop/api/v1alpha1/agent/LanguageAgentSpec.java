package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.ModelReference;
import io.langop.api.v1alpha1.NetworkRule;
import io.langop.api.v1alpha1.Patterns;
import io.langop.api.v1alpha1.PersonaReference;
import io.langop.api.v1alpha1.ToolReference;
import io.langop.api.v1alpha1.WorkloadSpec;
import java.util.List;

/** Desired state of a LanguageAgent. */
@ValidationRule(
        value = "has(self.instructions) || has(self.codeRef)",
        message = "set instructions (synthesized code) or codeRef (your own code)")
@ValidationRule(
        value = "!(has(self.instructions) && has(self.codeRef))",
        message = "instructions and codeRef exclude each other")
@ValidationRule(
        value = "self.executionMode != 'scheduled' || has(self.schedule)",
        message = "a scheduled agent needs a schedule",
        fieldPath = ".schedule")
@ValidationRule(
        value = "self.executionMode == 'scheduled' || !has(self.schedule)",
        message = "schedule is only used with executionMode scheduled",
        fieldPath = ".schedule")
@ValidationRule(
        value = "self.executionMode != 'event-driven' || (has(self.eventTriggers) && "
                + "size(self.eventTriggers) > 0)",
        message = "an event-driven agent needs eventTriggers",
        fieldPath = ".eventTriggers")
@ValidationRule(value = "has(self.image)", message = "image is required")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguageAgentSpec extends WorkloadSpec {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("LanguageModels the agent may use.")
    private List<ModelReference> modelRefs;

    @JsonPropertyDescription("LanguageTools the agent may use.")
    private List<ToolReference> toolRefs;

    @JsonPropertyDescription("LanguagePersona shaping the agent's behaviour.")
    private PersonaReference personaRef;

    /**
     * Characters of {@code spec.instructions}: room for pages of instructions, while the synthesis prompt that
     * carries them stays within what models read, and the object far within what the API server stores.
     */
    public static final int MAX_INSTRUCTIONS_LENGTH = 65_536;

    /** Characters of {@code spec.goal}, a sentence or a paragraph; it reaches the agent as an environment variable. */
    public static final int MAX_GOAL_LENGTH = 4_096;

    @Size(max = MAX_GOAL_LENGTH)
    @JsonPropertyDescription("Objective of an autonomous agent, at most 4096 characters.")
    private String goal;

    @Size(max = MAX_INSTRUCTIONS_LENGTH)
    @JsonPropertyDescription("What the agent should do, in natural language; the input of code synthesis. At most"
            + " 65536 characters: longer reference material belongs in a document the agent reads with a tool.")
    private String instructions;

    @JsonPropertyDescription("How the agent code is synthesized from the instructions.")
    private SynthesisSpec synthesis;

    @JsonPropertyDescription("Bring-your-own agent code instead of synthesis.")
    private CodeReference codeRef;

    @Default("autonomous")
    @JsonPropertyDescription("How the agent runs.")
    private ExecutionMode executionMode;

    @Pattern(Patterns.CRON)
    @JsonPropertyDescription("Cron schedule of a scheduled agent (five fields or a macro such as @daily).")
    private String schedule;

    @JsonPropertyDescription("Events that start an event-driven agent.")
    private List<EventTrigger> eventTriggers;

    @Default("50")
    @Min(1)
    @Max(1000)
    @JsonPropertyDescription("Cap on reasoning/action iterations per execution.")
    private Integer maxIterations;

    @Default("10m")
    @Pattern(Patterns.DURATION)
    @JsonPropertyDescription("Maximum duration of one execution.")
    private String timeout;

    @Default("1")
    @Min(0)
    @JsonPropertyDescription("Pods of a Deployment-based agent.")
    private Integer replicas;

    @Default("OnFailure")
    @JsonPropertyDescription("Restart policy of the pods of a scheduled agent.")
    private RestartPolicy restartPolicy;

    @Default("3")
    @Min(0)
    @JsonPropertyDescription("Retries of a failed run of a scheduled agent.")
    private Integer backoffLimit;

    @JsonPropertyDescription("Conversation memory.")
    private MemoryStore memoryStore;

    @JsonPropertyDescription("Metrics, tracing and logging.")
    private AgentObservability observability;

    @JsonPropertyDescription("Rate limits.")
    private AgentRateLimits rateLimits;

    @JsonPropertyDescription("Guard rails.")
    private SafetyConfig safetyConfig;

    @JsonPropertyDescription("Persistent workspace volume.")
    private Workspace workspace;

    @Size(max = 64)
    @JsonPropertyDescription("External destinations the agent may reach; in-cluster traffic of the LanguageCluster is "
            + "always allowed.")
    private List<NetworkRule> egress;

    public List<ModelReference> getModelRefs() {
        return modelRefs;
    }

    public void setModelRefs(List<ModelReference> modelRefs) {
        this.modelRefs = modelRefs;
    }

    public List<ToolReference> getToolRefs() {
        return toolRefs;
    }

    public void setToolRefs(List<ToolReference> toolRefs) {
        this.toolRefs = toolRefs;
    }

    public PersonaReference getPersonaRef() {
        return personaRef;
    }

    public void setPersonaRef(PersonaReference personaRef) {
        this.personaRef = personaRef;
    }

    public String getGoal() {
        return goal;
    }

    public void setGoal(String goal) {
        this.goal = goal;
    }

    public String getInstructions() {
        return instructions;
    }

    public void setInstructions(String instructions) {
        this.instructions = instructions;
    }

    public SynthesisSpec getSynthesis() {
        return synthesis;
    }

    public void setSynthesis(SynthesisSpec synthesis) {
        this.synthesis = synthesis;
    }

    public CodeReference getCodeRef() {
        return codeRef;
    }

    public void setCodeRef(CodeReference codeRef) {
        this.codeRef = codeRef;
    }

    public ExecutionMode getExecutionMode() {
        return executionMode;
    }

    public void setExecutionMode(ExecutionMode executionMode) {
        this.executionMode = executionMode;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public List<EventTrigger> getEventTriggers() {
        return eventTriggers;
    }

    public void setEventTriggers(List<EventTrigger> eventTriggers) {
        this.eventTriggers = eventTriggers;
    }

    public Integer getMaxIterations() {
        return maxIterations;
    }

    public void setMaxIterations(Integer maxIterations) {
        this.maxIterations = maxIterations;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public RestartPolicy getRestartPolicy() {
        return restartPolicy;
    }

    public void setRestartPolicy(RestartPolicy restartPolicy) {
        this.restartPolicy = restartPolicy;
    }

    public Integer getBackoffLimit() {
        return backoffLimit;
    }

    public void setBackoffLimit(Integer backoffLimit) {
        this.backoffLimit = backoffLimit;
    }

    public MemoryStore getMemoryStore() {
        return memoryStore;
    }

    public void setMemoryStore(MemoryStore memoryStore) {
        this.memoryStore = memoryStore;
    }

    public AgentObservability getObservability() {
        return observability;
    }

    public void setObservability(AgentObservability observability) {
        this.observability = observability;
    }

    public AgentRateLimits getRateLimits() {
        return rateLimits;
    }

    public void setRateLimits(AgentRateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    public SafetyConfig getSafetyConfig() {
        return safetyConfig;
    }

    public void setSafetyConfig(SafetyConfig safetyConfig) {
        this.safetyConfig = safetyConfig;
    }

    public Workspace getWorkspace() {
        return workspace;
    }

    public void setWorkspace(Workspace workspace) {
        this.workspace = workspace;
    }

    public List<NetworkRule> getEgress() {
        return egress;
    }

    public void setEgress(List<NetworkRule> egress) {
        this.egress = egress;
    }
}
