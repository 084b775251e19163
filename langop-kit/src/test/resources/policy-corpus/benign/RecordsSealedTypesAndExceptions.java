// Records, sealed interfaces, pattern switches and the exceptions of java.lang.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    sealed interface Shape permits Circle, Square {}

    record Circle(double radius) implements Shape {}

    record Square(double side) implements Shape {}

    static double area(Shape shape) {
        return switch (shape) {
            case Circle circle -> Math.PI * circle.radius() * circle.radius();
            case Square square -> square.side() * square.side();
        };
    }

    @Override
    public AgentDefinition define() {
        double area = area(new Square(2));
        if (area < 0) {
            throw new IllegalStateException("negative area " + area);
        }
        return AgentDefinition.builder("corpus").objective("Area " + area).build();
    }
}
