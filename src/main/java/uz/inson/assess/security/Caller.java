package uz.inson.assess.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * Who is calling, as the rest of the service needs it: a name for audit and authorship, roles, and the territory a
 * case worker is assigned to (from the token's {@code region} and {@code district} claims, or the API key's scope).
 */
public record Caller(String name, Set<String> roles, String region, String district) {
    static final String REGION = "region";
    static final String DISTRICT = "district";

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Caller("anonymous", Set.of(), null, null);
        }
        String region;
        String district;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            region = jwt.getClaim(REGION);
            district = jwt.getClaim(DISTRICT);
        } else {
            region = identity.getAttribute(REGION);
            district = identity.getAttribute(DISTRICT);
        }
        return new Caller(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()), blankToNull(region), blankToNull(district));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /**
     * Whether a household of this territory lies in the caller's: their region, narrowed to their district when they
     * have one. A caller with no territory covers nothing, so access fails closed.
     */
    public boolean covers(String householdRegion, String householdDistrict) {
        if (region == null || !region.equals(householdRegion)) {
            return false;
        }
        return district == null || householdDistrict != null && district.equalsIgnoreCase(householdDistrict.strip());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
