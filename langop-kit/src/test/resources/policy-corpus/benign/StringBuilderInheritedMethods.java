// Methods StringBuilder inherits from its package-private superclass AbstractStringBuilder are part of
// StringBuilder's public API.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        StringBuilder name = new StringBuilder("corpus-x");
        name.setLength(name.length() - 2);
        name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
        int dash = name.indexOf("-");
        boolean blank = name.isEmpty() || name.chars().allMatch(Character::isWhitespace);
        String head = name.substring(0, Math.max(dash, 1));
        int capacity = name.capacity();
        name.ensureCapacity(capacity + 1);
        name.trimToSize();
        return AgentDefinition.builder(name.toString().toLowerCase(java.util.Locale.ROOT))
                .objective(blank ? "nothing" : "Describe " + head + " at " + name.codePointAt(0))
                .build();
    }
}
