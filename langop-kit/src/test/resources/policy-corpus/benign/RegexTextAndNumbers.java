// java.util.regex, java.text and java.math.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Pattern;

public class Agent implements LangopAgent {
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d+");

    @Override
    public AgentDefinition define() {
        var matcher = CVE.matcher("see CVE-2024-1234");
        String found = matcher.find() ? matcher.group() : "none";
        BigDecimal cost = new BigDecimal("1.005").setScale(2, RoundingMode.HALF_UP);
        String shown = NumberFormat.getCurrencyInstance(Locale.US).format(cost);
        return AgentDefinition.builder("corpus").objective(found + " costs " + shown).build();
    }
}
