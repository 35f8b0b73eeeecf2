package uz.inson.assess.common;

import java.util.Objects;
import java.util.UUID;

/** This running instance, as the owner of the job chunks it claims: process, host (the pod's name on Kubernetes) and a nonce. */
public final class Instance {
    public static final String ID = ProcessHandle.current().pid() + "@" + Objects.requireNonNullElse(System.getenv("HOSTNAME"), "local")
            + "/" + UUID.randomUUID().toString().substring(0, 8);

    private Instance() {
    }
}
