import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;

public class Agent implements LangopAgent {
    sealed interface Severity permits Low, High {}
    record Low(int score) implements Severity {}
    record High(int score, String reason) implements Severity {}

    static String describe(Severity severity) {
        return switch (severity) {
            case Low low when low.score() < 3 -> "ignore";
            case Low low -> "watch";
            case High(int score, String reason) -> "page: " + reason + " (" + score + ")";
        };
    }

    public AgentDefinition define() {
        int[] scores = {5, 1, 9};
        Arrays.sort(scores);
        boolean weekend = LocalDate.now().getDayOfWeek() == DayOfWeek.SATURDAY;
        String plan = describe(scores[scores.length - 1] > 8 ? new High(scores[2], "score") : new Low(scores[0]));
        return AgentDefinition.builder("severity")
                .objective("Plan: " + plan + (weekend ? " (weekend)" : ""))
                .build();
    }
}
