// A Formatter that writes into a StringBuilder, or its own buffer, writes no file.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.util.Formatter;
import java.util.Locale;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        StringBuilder text = new StringBuilder();
        try (Formatter into = new Formatter(text, Locale.ROOT);
                Formatter own = new Formatter(Locale.ROOT)) {
            into.format("%s has %d steps", "corpus", 2);
            own.format("%.2f", 1.5);
            return AgentDefinition.builder("corpus").objective(text + " " + own).build();
        }
    }
}
