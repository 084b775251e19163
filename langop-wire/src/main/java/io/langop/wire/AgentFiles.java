package io.langop.wire;

/** Where an agent pod finds its code and keeps its files. */
public final class AgentFiles {

    /** The file name of an agent's source, in its ConfigMap and on disk. */
    public static final String CODE_FILE = "Agent.java";
    /** The directory the code ConfigMap is mounted at. */
    public static final String CODE_DIR = "/etc/agent/code";

    public static final String CODE_PATH = CODE_DIR + "/" + CODE_FILE;
    /** The file name of an agent's instructions, in their ConfigMap and on disk. */
    public static final String INSTRUCTIONS_FILE = "instructions.md";
    /** The directory the instructions ConfigMap is mounted at. */
    public static final String INSTRUCTIONS_DIR = "/etc/agent/instructions";

    public static final String INSTRUCTIONS_PATH = INSTRUCTIONS_DIR + "/" + INSTRUCTIONS_FILE;
    /** The agent's workspace volume. */
    public static final String WORKSPACE_DIR = "/workspace";

    private AgentFiles() {}
}
