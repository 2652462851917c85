package nl.adreszicht.casusoverleg;

import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.colour.ColourChanged;
import nl.adreszicht.records.RecordStored;
import nl.adreszicht.time.DutchTime;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Adapter to the recording pipeline: what the casusoverleg does when something happens at an address, in the
 * transaction of the record or colour change (so the proposal or the marker exists exactly when the record does, like
 * the colour and the tally of ADR 0011; a proposal is one row per address at most, so it cannot fail the record).
 *
 * <ul>
 *   <li>the colour turned red: a proposal for triage ({@link CaseProposalPolicy.Rule#ADRES_ROOD});
 *   <li>a new record of an organisation: every running case there goes back on the next agenda with a marker, and a
 *       proposal when records of enough organisations are dated within the window ({@link
 *       CaseProposalPolicy.Rule#MEERDERE_ORGANISATIES}).
 * </ul>
 *
 * A changed or destroyed record is not a new one; the accepted cases of a Zorg- en Veiligheidshuis ({@link
 * CaseSignals}) are no {@link RecordStored}.
 */
@Component
class CaseProposals {

    private final Referrals referrals;
    private final CaseStore store;
    private final CasePlans plans;
    private final RecordsAtAddress records;
    private final KnownAddresses addresses;
    private final DutchTime time;
    private final CaseProposalPolicy policy;

    CaseProposals(
            Referrals referrals,
            CaseStore store,
            CasePlans plans,
            RecordsAtAddress records,
            KnownAddresses addresses,
            DutchTime time,
            CaseProposalProperties proposals) {
        this.referrals = referrals;
        this.store = store;
        this.plans = plans;
        this.records = records;
        this.addresses = addresses;
        this.time = time;
        this.policy = proposals.policy();
    }

    @EventListener
    void on(ColourChanged changed) {
        policy.turnedRedProposes(changed.from(), changed.to())
                .ifPresent(rule -> addresses
                        .gemeenteOf(changed.address())
                        .ifPresent(gemeente -> referrals.propose(changed.address(), gemeente.value(), rule)));
    }

    @EventListener
    void on(RecordStored recorded) {
        if (recorded.organisation() == null) {
            return;
        }
        // The cases at the address, read once: what gets the marker, and whether a proposal may be made at all.
        java.util.List<CaseStore.CaseRow> cases = store.at(recorded.address());
        plans.newRecordAt(cases);
        if (!referrals.mayPropose(cases)) {
            return;
        }
        // Under the address's lock, which the colour and the monitor take anyway: a read before it could miss a record
        // that a registration at the same address committed meanwhile, and is not kept (KnownAddresses).
        addresses.lockForDerivation(recorded.address());
        java.util.List<CaseProposalPolicy.DatedRecord> dated = records.at(recorded.address()).stream()
                .map(record -> new CaseProposalPolicy.DatedRecord(record.organisation(), record.date()))
                .toList();
        policy.recordsOfSeveralOrganisationsPropose(dated, time.today())
                .ifPresent(rule -> addresses
                        .gemeenteOf(recorded.address())
                        .ifPresent(gemeente -> referrals.propose(recorded.address(), gemeente.value(), rule, cases)));
    }
}
