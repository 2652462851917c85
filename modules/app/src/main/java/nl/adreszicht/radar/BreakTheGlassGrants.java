package nl.adreszicht.radar;

import nl.adreszicht.records.AddressId;

/**
 * Whether a professional holds an active break-the-glass grant for an address: implemented by the radar, which
 * stores the grants, and asked by work that Veilig Thuis does within its own region only (lowering a colour), so that
 * a grant opens it outside the region exactly as it opens the address history.
 */
public interface BreakTheGlassGrants {

    /** Whether {@code subject} may, by a grant in force now, look beyond their region at {@code address}. */
    boolean grantedNow(String subject, AddressId address);
}
