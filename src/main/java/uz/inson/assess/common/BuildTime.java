package uz.inson.assess.common;

/** Tells config-source factories whether Quarkus is building the application rather than running it. */
public final class BuildTime {
    private BuildTime() {
    }

    /**
     * Quarkus also reads config sources while it builds the application (with its deployment class loader) and records
     * the runtime values it finds there; the running application, in any launch mode, uses another class loader.
     */
    public static boolean isBuilding() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null && loader.toString().contains("Deployment Class Loader");
    }
}
