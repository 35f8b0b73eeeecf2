package uz.inson.assess.rules;

import org.junit.jupiter.api.Test;
import uz.inson.assess.rules.facts.PersonProfile;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MissRememberingClassLoaderTest {

    /** The application's class loader, counting what it is asked. */
    private static final class CountingLoader extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        CountingLoader() {
            super(MissRememberingClassLoaderTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void aNameNotFoundOnceIsNotLookedUpAgain() {
        CountingLoader application = new CountingLoader();
        MissRememberingClassLoader loader = new MissRememberingClassLoader(application);
        String probe = "uz.inson.assess.rules.facts.disabilityGroup"; // what MVEL tries for a field name under an import

        assertThrows(ClassNotFoundException.class, () -> loader.loadClass(probe));
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass(probe));

        assertEquals(List.of(probe), application.asked);
    }

    @Test
    void theFactClassesAreTheApplicationsOwn() throws ClassNotFoundException {
        MissRememberingClassLoader loader = new MissRememberingClassLoader(new CountingLoader());

        // the rules match the very classes the engine inserts, not copies
        assertSame(PersonProfile.class, loader.loadClass(PersonProfile.class.getName()));
        assertSame(PersonProfile.class, loader.loadClass(PersonProfile.class.getName()));
    }
}
