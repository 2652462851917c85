package nl.adreszicht.casusoverleg;

import java.util.List;
import nl.adreszicht.codelists.Organisations;
import nl.adreszicht.radar.AddressHistorySource;
import nl.adreszicht.radar.HistoryEntry;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.time.DutchTime;
import org.springframework.stereotype.Component;

/**
 * What Veilig Thuis sees of the casusoverleg in the history of an address (the radar): that a referral or case exists,
 * its status, its regisseur and review date, or how it ended. Never the referral's reason, the minutes or the plan.
 */
@Component
class CaseHistory implements AddressHistorySource {

    private final CaseStore store;
    private final Organisations organisations;

    CaseHistory(CaseStore store, Organisations organisations) {
        this.store = store;
        this.organisations = organisations;
    }

    @Override
    public List<HistoryEntry> historyAt(AddressId address) {
        // The cases with their houses in one statement, whatever their number (ADR 0012).
        return store.atWithHouses(address).stream()
                .map(housed -> new HistoryEntry(
                        housed.c().id().toString(),
                        HistoryEntry.Type.CASUSOVERLEG,
                        housed.c().referredAt(),
                        housed.houseOrganisation(),
                        summary(housed.c(), housed.houseName()),
                        null,
                        null,
                        null,
                        List.of(),
                        List.of()))
                .toList();
    }

    private String summary(CaseStore.CaseRow c, String house) {
        return switch (c.status()) {
            case AANGEMELD -> "Aangemeld bij " + house + " (" + c.number() + "), wacht op triage";
            case AFGEWEZEN -> "Aanmelding bij " + house + " (" + c.number() + ") afgewezen";
            case LOPEND ->
                "Casus " + c.number() + " loopt bij " + house
                        + (c.regisseurOrganisation() == null
                                ? "; nog geen regisseur"
                                : "; regisseur: " + organisations.displayName(c.regisseurOrganisation()))
                        + (c.reviewDate() == null ? "" : "; herbeoordeling " + DutchTime.displayDate(c.reviewDate()));
            case GESLOTEN ->
                "Casus " + c.number() + " gesloten op "
                        + (c.closedOn() == null ? "?" : DutchTime.displayDate(c.closedOn())) + ": "
                        + outcome(c);
        };
    }

    private String outcome(CaseStore.CaseRow c) {
        if (c.outcome() == null) {
            return "";
        }
        return switch (c.outcome()) {
            case VEILIGHEID_BEREIKT -> "veiligheid bereikt";
            case OVERGEDRAGEN ->
                "overgedragen aan "
                        + (c.outcomeOrganisation() == null ? "?" : organisations.displayName(c.outcomeOrganisation()));
            case GESTOPT -> "gestopt";
        };
    }
}
