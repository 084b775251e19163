package io.langop.fields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.instruction.FieldInstruction;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What compiled code calls, read from its class files with the JDK's class-file API: a method reference in a
 * class's constant pool is a call (or a method handle, as a lambda or {@code Foo::getBar} compiles to).
 */
final class Bytecode {

    /** A method {@code caller} calls: the class named at the call site, the method's name and descriptor. */
    record Call(String caller, String owner, String method, String descriptor) {

        /** Whether this calls {@code name} of {@code declaring} or of a subclass of it. */
        boolean invokes(Class<?> declaring, String name) {
            return method.equals(name) && ownerIsA(declaring);
        }

        private boolean ownerIsA(Class<?> declaring) {
            try {
                return declaring.isAssignableFrom(Class.forName(owner, false, Bytecode.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                return false;
            }
        }

        /** The caller's top-level class, by simple name. */
        String callerName() {
            return caller.replaceAll("\\$.*", "").replaceAll(".*\\.", "");
        }
    }

    private Bytecode() {}

    /** The calls of a class and of the classes nested in it (its lambdas compile into it). */
    static Set<Call> callsOf(Class<?> reader) {
        Set<Call> calls = new HashSet<>();
        ClassModel model = parse(reader);
        collect(model, calls);
        model.findAttribute(Attributes.nestMembers())
                .ifPresent(nest ->
                        nest.nestMembers().forEach(member -> collect(parse(member.asInternalName()), calls)));
        return calls;
    }

    /** The calls of every class in the class directory or jar {@code anyClass} was loaded from. */
    static Set<Call> callsOfModuleOf(Class<?> anyClass) {
        Set<Call> calls = new HashSet<>();
        try {
            Path location = Path.of(
                    anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                collectAll(location, calls);
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(location)) {
                    collectAll(jar.getPath("/"), calls);
                }
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return calls;
    }

    static List<Call> matching(Set<Call> calls, Class<?> declaring, String method) {
        return calls.stream().filter(c -> c.invokes(declaring, method)).toList();
    }

    /** The descriptors of the methods named {@code method} of {@code owner} whose code stores or loads {@code field}. */
    static Set<String> methodsTouching(Class<?> owner, String method, String field) {
        Set<String> descriptors = new HashSet<>();
        for (MethodModel m : parse(owner).methods()) {
            if (m.methodName().equalsString(method)
                    && m.code().stream()
                            .flatMap(code -> code.elementStream())
                            .anyMatch(e -> e instanceof FieldInstruction f
                                    && f.owner().asInternalName().equals(internalName(owner))
                                    && f.name().equalsString(field))) {
                descriptors.add(m.methodType().stringValue());
            }
        }
        return descriptors;
    }

    private static void collectAll(Path root, Set<Call> calls) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                collect(ClassFile.of().parse(Files.readAllBytes(file)), calls);
            }
        }
    }

    private static void collect(ClassModel model, Set<Call> calls) {
        String caller = model.thisClass().asInternalName().replace('/', '.');
        for (PoolEntry entry : model.constantPool()) {
            if (entry instanceof MemberRefEntry ref) {
                calls.add(new Call(
                        caller,
                        ref.owner().asInternalName().replace('/', '.'),
                        ref.name().stringValue(),
                        ref.type().stringValue()));
            }
        }
    }

    private static ClassModel parse(Class<?> type) {
        return parse(internalName(type));
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static ClassModel parse(String internalName) {
        try (InputStream in = Bytecode.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            if (in == null) {
                throw new IllegalArgumentException("no class file for " + internalName);
            }
            return ClassFile.of().parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
