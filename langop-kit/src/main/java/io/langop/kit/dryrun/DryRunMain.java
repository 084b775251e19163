package io.langop.kit.dryrun;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The entry point of the process that dry-runs agent code: reads {@value #REQUEST} from the directory it is
 * given, runs the code there ({@link DryRun}, with {@value #WORKSPACE} as the agent's workspace) and writes
 * {@value #REPORT}. Its parent starts it with no network endpoints and an empty environment, bounds its time
 * and memory, and kills it when the time is up.
 */
public final class DryRunMain {

    public static final String REQUEST = "request.json";
    public static final String REPORT = "report.json";
    public static final String WORKSPACE = "workspace";

    private DryRunMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: DryRunMain DIRECTORY (holding " + REQUEST + ")");
            System.exit(2);
        }
        Path directory = Path.of(args[0]);
        DryRunRequest request = DryRunRequest.fromJson(Files.readString(directory.resolve(REQUEST)));
        Path workspace = Files.createDirectories(directory.resolve(WORKSPACE));
        DryRunReport report = DryRun.run(request, workspace);
        Files.writeString(directory.resolve(REPORT), report.toJson());
        // threads the agent's code may have left running must not keep the process, and its parent, waiting
        System.exit(0);
    }
}
