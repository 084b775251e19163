package io.langop.sdk.agent;

/**
 * The entry point of an agent's source ({@code Agent.java}): the runtime compiles the file, finds the
 * one class implementing this interface, instantiates it with its no-argument constructor and calls
 * {@link #define()}.
 *
 * <pre>{@code
 * public class Agent implements LangopAgent {
 *     public AgentDefinition define() {
 *         return AgentDefinition.builder("hello").objective("Say hello").build();
 *     }
 * }
 * }</pre>
 */
public interface LangopAgent {

    AgentDefinition define();
}
