/**
 * The casusoverleg of the Zorg- en Veiligheidshuis (the MDA++ way of working; domain.md section 3): a professional of
 * the police, Veilig Thuis or the gemeente refers a household (an address) with a reason, or the system proposes it
 * when the address turns red or records of several organisations arrive there ({@code CaseProposalPolicy}); the
 * procesregisseur of the region accepts it with the partners to invite, or declines it with a reason the referrer
 * sees; meetings (overleggen) discuss the accepted cases behind a confidentiality statement and record minutes per
 * case; one plan van aanpak per household names goals, one regisseur and actions that their owners follow up, until
 * the case closes with an outcome. Scope is part of every query ({@code CaseScope}): the procesregisseur sees the
 * region's cases, a partner only the cases its organisation was invited to, until three months after closing.
 *
 * <p>Its coupling to the recording pipeline sits in a few adapters, so that it can follow that pipeline as it
 * changes: {@code CaseProposals} (listens to {@code ColourChanged} and {@code RecordStored}), {@code
 * RecordsAtAddress} (reads the {@code ColourRecordSource}s), {@code CaseSignals} (announces a case to signal
 * matching with {@code SignalRaised}), and the SPI implementations {@code CaseHistory}, {@code CaseSignalHolders},
 * {@code CaseRetention} and {@code CaseMonitoredRecords} (for the monitor an accepted case is a record at its address
 * and its plan van aanpak an intervention, announced with {@code MonitoredRecordChanged}). The recidive measurement
 * reads the accepted and closed cases through {@link nl.adreszicht.casusoverleg.CasePlanInterventions}.
 */
@ApplicationModule(
        allowedDependencies = {
            "records",
            "addresses",
            "colour",
            "radar",
            "matching",
            "monitor",
            "retention",
            "areascan",
            "codelists",
            "security",
            "audit",
            "time"
        })
@NullMarked
package nl.adreszicht.casusoverleg;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
