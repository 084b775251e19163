package io.langop.kit.jvm;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The class path a child JVM needs to load what this process loaded, for the processes the platform starts. */
public final class ClassPaths {

    private ClassPaths() {}

    /**
     * The class path {@code type} was loaded from: the JVM's, unless a class loader of its own holds the
     * modules, as under {@code mvn exec:java}, whose JVM class path is Maven's.
     */
    public static String loading(Class<?> type) {
        if (type.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException notAFile) {
                    // only local jars and directories can go on a command line
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
