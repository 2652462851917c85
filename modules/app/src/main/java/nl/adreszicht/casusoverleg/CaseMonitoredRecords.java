package nl.adreszicht.casusoverleg;

import java.util.List;
import java.util.Set;
import nl.adreszicht.monitor.Intervention;
import nl.adreszicht.monitor.InterventionSource;
import nl.adreszicht.monitor.MonitoredRecord;
import nl.adreszicht.monitor.MonitoredRecordChanged;
import nl.adreszicht.monitor.MonitoredRecordSource;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.AddressReads;
import nl.adreszicht.records.RecordSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The casusoverleg's cases at an address as the monitor counts them (issue 15), read through the recidive
 * measurement's query port {@link CasePlanInterventions}, and the adapter that tells the monitor when they change.
 *
 * <p><b>A case is a record from the day the procesregisseur accepted it</b>, not from the day it was referred: only an
 * accepted case is a case of the casusoverleg. A waiting referral may still be declined, and a proposal the system
 * made itself ({@code CaseProposalPolicy}) is derived from the records already at the address; counting either would
 * add counts that triage later withdraws, and count the records the proposal was made of a second time. It is the
 * same moment at which signal matching counts a case as a signal ({@link CaseSignals}) and at which {@link
 * CasePlanInterventions} starts the case as an intervention. A declined referral is therefore never counted, and
 * closing a case changes nothing here: it stays a record of its day of acceptance until it is destroyed (retention
 * then announces {@code RecordDestroyed}, which the monitor already follows).
 *
 * <p>A case names no persons and no violence types (it is about a household; the minutes are free text), so both
 * sets are empty. It is an event of its own under the same-event rule ({@code colour.SameEvents} joins only a police
 * incident and a VT melding about the same persons): a case accepted after an incident at the address is a repeat of
 * it, as issue 15 asks ("a casusoverleg case" is a record like any other), from recidive rules version r2 on.
 *
 * <p><b>Its plan van aanpak is an intervention from the day it was first set</b> ({@code plan_set_at}): a later change
 * of the plan (another review date, another regisseur) does not move it to another quarter's cohort.
 */
@Component
@Transactional(readOnly = true)
class CaseMonitoredRecords implements MonitoredRecordSource, InterventionSource {

    private final CasePlanInterventions cases;
    private final ApplicationEventPublisher events;

    CaseMonitoredRecords(CasePlanInterventions cases, ApplicationEventPublisher events) {
        this.cases = cases;
        this.events = events;
    }

    @Override
    public List<MonitoredRecord> recordsAt(AddressId address) {
        return cases.acceptedAt(address).stream()
                .map(accepted -> MonitoredRecord.of(
                        accepted.caseId().toString(),
                        RecordSource.CASUSOVERLEG,
                        accepted.acceptedOn(),
                        Set.of(),
                        Set.of()))
                .toList();
    }

    @Override
    public List<Intervention> interventionsAt(AddressId address) {
        return cases.acceptedAt(address).stream()
                .filter(accepted -> accepted.planSetOn() != null)
                .map(accepted -> new Intervention(
                        accepted.caseId().toString(), Intervention.Kind.CASUSOVERLEG_PLAN, accepted.planSetOn()))
                .toList();
    }

    /**
     * In the caller's transaction: a case at the address was accepted or its plan set, so the monitor reads the
     * address again (neither stores a record of another module, so no {@code RecordStored} says so).
     */
    void changed(AddressId address) {
        AddressReads.forget(address);
        events.publishEvent(new MonitoredRecordChanged(address));
    }
}
