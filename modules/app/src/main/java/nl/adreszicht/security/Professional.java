package nl.adreszicht.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated professional behind a request, with the scope that limits what they see. Built from the
 * claims of the ID token (UI) or the access token (API); scope values that break their format are dropped,
 * never trusted.
 *
 * @param subject the stable Keycloak user id ({@code sub}); this, not a name, is what gets logged
 * @param displayName the name to greet the user with
 * @param roles the allow-listed roles
 * @param organisation the organisation the professional works for, e.g. {@code veilig-thuis-drenthe}
 * @param vtRegion the Veilig Thuis region code, e.g. {@code VT03}, for VT roles
 * @param gemeente the CBS gemeente code, e.g. {@code GM0118}, for municipal roles
 * @param zvhRegion the region of a Zorg- en Veiligheidshuis, e.g. {@code ZVH03}, for its procesregisseur
 * @param partnerKind what kind of partner a ketenpartner's organisation is, e.g. {@code reclassering}
 */
public record Professional(
        String subject,
        String displayName,
        Set<Role> roles,
        Optional<String> organisation,
        Optional<String> vtRegion,
        Optional<String> gemeente,
        Optional<String> zvhRegion,
        Optional<PartnerKind> partnerKind) {

    /** A professional without the scope claims of the casusoverleg. */
    public Professional(
            String subject,
            String displayName,
            Set<Role> roles,
            Optional<String> organisation,
            Optional<String> vtRegion,
            Optional<String> gemeente) {
        this(subject, displayName, roles, organisation, vtRegion, gemeente, Optional.empty(), Optional.empty());
    }

    private static final Pattern ORGANISATION = Pattern.compile("[a-z0-9-]{2,64}");
    private static final Pattern VT_REGION = Pattern.compile("VT[0-9]{2}");
    private static final Pattern GEMEENTE = Pattern.compile("GM[0-9]{4}");
    private static final Pattern ZVH_REGION = Pattern.compile("ZVH[0-9]{2}");

    static Professional fromClaims(Map<String, Object> claims) {
        String subject = String.valueOf(claims.get("sub"));
        String name = text(claims.get("name"));
        if (name == null) {
            name = Optional.ofNullable(text(claims.get("preferred_username"))).orElse(subject);
        }
        return new Professional(
                subject,
                name,
                RoleMapping.rolesFrom(claims),
                valid(claims.get("organisatie"), ORGANISATION),
                valid(claims.get("vt_regio"), VT_REGION),
                valid(claims.get("gemeente"), GEMEENTE),
                valid(claims.get("zvh_regio"), ZVH_REGION),
                Optional.ofNullable(text(claims.get("ketenpartner_soort"))).flatMap(PartnerKind::ofCode));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    private static @Nullable String text(@Nullable Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static Optional<String> valid(@Nullable Object value, Pattern format) {
        String text = text(value);
        return text != null && format.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }
}
