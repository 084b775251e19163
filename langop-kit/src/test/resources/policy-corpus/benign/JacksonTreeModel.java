// Building and reading JSON with Jackson's tree model.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        ObjectNode config = JsonNodeFactory.instance.objectNode().put("name", "corpus");
        config.putArray("tags").add("a").add("b");
        StringBuilder tags = new StringBuilder();
        for (JsonNode tag : config.path("tags")) {
            tags.append(tag.asText());
        }
        return AgentDefinition.builder(config.path("name").asText())
                .objective("Tags " + tags + " of " + config.size())
                .build();
    }
}
