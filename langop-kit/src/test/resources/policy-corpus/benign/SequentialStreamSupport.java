// StreamSupport with the literal false builds a sequential stream: the common way to stream a JsonNode.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        ArrayNode items = JsonNodeFactory.instance.arrayNode().add("a").add("b");
        String joined = StreamSupport.stream(items.spliterator(), false)
                .map(JsonNode::asText)
                .collect(Collectors.joining(","));
        return AgentDefinition.builder("corpus").objective("Items " + joined).build();
    }
}
