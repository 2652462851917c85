package nl.adreszicht.casusoverleg;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;

/**
 * Who sees which cases, as conditions on the query (alias {@code c} for {@code casus}), with the values from the
 * token: never filtered afterwards, never from a request parameter.
 *
 * <ul>
 *   <li>the procesregisseur: the cases of the gemeenten of its Zorg- en Veiligheidshuis region ({@code zvh_regio});
 *   <li>a participant (ketenpartner, and the police, Veilig Thuis and the gemeente with their own roles): the accepted
 *       cases its organisation was invited to, from the invitation until three months after closing;
 *   <li>a referral, before and after triage: the procesregisseur of the region, the organisation that referred it and
 *       Veilig Thuis of the region; nobody else.
 * </ul>
 */
final class CaseScope {

    /** How long an invited organisation still sees a case after it was closed. */
    static final Period AFTER_CLOSING = Period.ofMonths(3);

    static final Set<Role> PARTICIPANTS = EnumSet.of(
            Role.KETENPARTNER,
            Role.POLITIE_MEDEWERKER,
            Role.VT_MEDEWERKER,
            Role.VT_SUPERVISOR,
            Role.GEMEENTE_MEDEWERKER);

    static final Set<Role> REFERRERS =
            EnumSet.of(Role.POLITIE_MEDEWERKER, Role.VT_MEDEWERKER, Role.VT_SUPERVISOR, Role.GEMEENTE_MEDEWERKER);

    private CaseScope() {}

    /** A condition with its parameters, in order. */
    record Condition(String sql, List<Object> params) {

        /** The parameters, after those that come before the condition in the statement. */
        Object[] args(Object... before) {
            List<Object> all = new ArrayList<>(List.of(before));
            all.addAll(params);
            return all.toArray();
        }
    }

    /** The accepted or closed cases the professional may see as a case. */
    static Condition cases(Professional professional, LocalDate today) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (professional.has(Role.ZVH_PROCESREGISSEUR)
                && professional.zvhRegion().isPresent()) {
            parts.add("c.zvh_region = ?");
            params.add(professional.zvhRegion().get());
        }
        if (participates(professional)) {
            parts.add("((c.status = 'lopend' OR c.closed_on >= ?) AND EXISTS (SELECT 1 FROM casus_partner cp"
                    + " WHERE cp.casus_id = c.id AND cp.organisation = ?))");
            params.add(today.minus(AFTER_CLOSING));
            params.add(professional.organisation().orElseThrow());
        }
        if (parts.isEmpty()) {
            return new Condition("false", List.of());
        }
        return new Condition("c.status IN ('lopend', 'gesloten') AND (" + String.join(" OR ", parts) + ")", params);
    }

    /** The referrals (in any status) the professional may see as a referral. */
    static Condition referrals(Professional professional) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (professional.has(Role.ZVH_PROCESREGISSEUR)
                && professional.zvhRegion().isPresent()) {
            parts.add("c.zvh_region = ?");
            params.add(professional.zvhRegion().get());
        }
        if (REFERRERS.stream().anyMatch(professional::has)
                && professional.organisation().isPresent()) {
            parts.add("c.referred_by_organisation = ?");
            params.add(professional.organisation().get());
        }
        if ((professional.has(Role.VT_MEDEWERKER) || professional.has(Role.VT_SUPERVISOR))
                && professional.vtRegion().isPresent()) {
            parts.add("c.vt_region = ?");
            params.add(professional.vtRegion().get());
        }
        if (parts.isEmpty()) {
            return new Condition("false", List.of());
        }
        return new Condition("(" + String.join(" OR ", parts) + ")", params);
    }

    /** Whether the professional takes part in cases (as a partner, or with a role of their own) for an organisation. */
    static boolean participates(Professional professional) {
        return PARTICIPANTS.stream().anyMatch(professional::has)
                && professional.organisation().isPresent();
    }

    /** Whether the professional is the procesregisseur of this region. */
    static boolean runs(Professional professional, String region) {
        return professional.has(Role.ZVH_PROCESREGISSEUR)
                && professional.zvhRegion().filter(region::equals).isPresent();
    }
}
