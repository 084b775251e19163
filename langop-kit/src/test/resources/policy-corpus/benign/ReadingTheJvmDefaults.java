// Reading the default locale and time zone is harmless; only setting them is refused.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        String locale = Locale.getDefault().toLanguageTag();
        String zone = TimeZone.getDefault().getID() + " " + ZoneId.systemDefault();
        return AgentDefinition.builder("corpus")
                .objective(String.format(Locale.ROOT, "Report in %s (%s)", locale, zone))
                .build();
    }
}
