package uz.inson.assess.rules;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader Drools compiles and runs a rule set with. While it builds the rules, Drools' expression compiler
 * (MVEL) tries every identifier of every constraint as a class name against every import, so it asks for thousands of
 * classes that do not exist, most of them many times. In the packaged application each such miss makes Quarkus' runner
 * class loader reopen a jar and read its directory again (it keeps only a few jars open after the start): that was 40 %
 * of a rule set's compile. The application's classes do not change while it runs, so a name not found once is not found
 * again; the classes Drools generates live in its own class loader below this one.
 */
final class MissRememberingClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    MissRememberingClassLoader(ClassLoader parent) {
        super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missing.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            missing.add(name);
            throw e;
        }
    }
}
