// Sequential streams, sorting and the gatherers that run on the caller's thread.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Gatherers;
import java.util.stream.Stream;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        int[] numbers = {3, 1, 2};
        Arrays.sort(numbers);
        List<List<Integer>> windows = Stream.of(1, 2, 3, 4)
                .sequential()
                .gather(Gatherers.windowFixed(2))
                .toList();
        boolean parallel = Stream.of(1).isParallel();
        String grouped = Stream.of("apple", "avocado", "banana")
                .collect(Collectors.groupingBy(word -> word.charAt(0), Collectors.counting()))
                .toString();
        return AgentDefinition.builder("corpus")
                .objective(Arrays.toString(numbers) + windows + grouped + parallel)
                .build();
    }
}
