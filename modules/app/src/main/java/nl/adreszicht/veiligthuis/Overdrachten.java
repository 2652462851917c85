package nl.adreszicht.veiligthuis;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.addresses.Address;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.NotFoundException;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lokaal team's side of an overdracht: the inbox of the caller's gemeente (from the token), an offer with what the
 * team needs to take the case over (the address, the violence types and the onderzoek's outcomes, the betrokkenen,
 * VT's note and whom to call) and never the melder (no melder, no reason as the melder gave it, no melder among the
 * betrokkenen, no BSN), and the answer: accepted, or refused with a reason, which returns the case to VT's worklist.
 * Another gemeente's offer is not found (and the attempt logged as a refusal). Every access is logged on the melding,
 * so Veilig Thuis's privacy officer sees who at the gemeente read it.
 */
@Service
class Overdrachten {

    /** How many lines the inbox shows: the open offers first, then the latest answered ones. */
    static final int INBOX_SIZE = 200;

    private final MeldingStore store;
    private final Meldingen meldingen;
    private final Monitoring monitoring;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;
    private final KnownAddresses addresses;
    private final nl.adreszicht.codelists.Organisations organisations;
    private final DutchTime time;
    private final TransactionTemplate transaction;

    Overdrachten(
            MeldingStore store,
            Meldingen meldingen,
            Monitoring monitoring,
            AccessLog accessLog,
            CurrentProfessional currentProfessional,
            KnownAddresses addresses,
            nl.adreszicht.codelists.Organisations organisations,
            DutchTime time,
            PlatformTransactionManager transactions) {
        this.organisations = organisations;
        this.store = store;
        this.meldingen = meldingen;
        this.monitoring = monitoring;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
        this.addresses = addresses;
        this.time = time;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Schema(name = "OverdrachtInInbox")
    record Regel(
            String id,
            String registratienummer,
            OffsetDateTime aangebodenOp,
            String status,
            @Nullable OffsetDateTime beslistOp) {}

    /**
     * An offer as the lokaal team sees it: what it needs to take over, not who reported it. Its ETag is its melding's
     * revision: the answer changes the melding, so it must be given on the melding as the team read it.
     */
    @Schema(name = "Overdracht")
    record OverdrachtResource(
            String id,
            String registratienummer,
            String status,
            LocalDate overdrachtsdatum,
            @Nullable String toelichting,

            @Schema(description = "De Veilig Thuis-organisatie om contact mee op te nemen") @Nullable
            String vtOrganisatie,

            @Nullable Adres adres,
            List<MeldingResource.Geweldsvorm> geweldsvormen,
            List<Betrokkene> betrokkenen,
            @Nullable OffsetDateTime beslistOp,
            @Nullable String weigeringsreden,

            // The revision of its melding, which an answer changes: the ETag header, not in the body.
            @JsonIgnore @Schema(hidden = true) long revision) {}

    @Schema(name = "AdresVanOverdracht")
    record Adres(String straat, String huisnummer, String postcode, String woonplaats) {}

    @Schema(name = "BetrokkeneInOverdracht")
    record Betrokkene(
            String rol,
            @Nullable String relatie,
            String naam,
            @Nullable LocalDate geboortedatum) {}

    /** The gemeente of the caller; an account without one has no inbox. */
    String gemeente() {
        return currentProfessional
                .require()
                .gemeente()
                .orElseThrow(() -> new AccessDeniedException("Uw account hoort bij geen gemeente."));
    }

    /** The caller's gemeente's inbox; the look is logged. */
    List<Regel> inbox(String action) {
        List<Regel> lines = store.inbox(gemeente(), INBOX_SIZE).stream()
                .map(line -> new Regel(
                        line.overdracht().toString(),
                        line.registrationNumber(),
                        line.offeredAt(),
                        line.status(),
                        line.decidedAt()))
                .toList();
        accessLog.record(new AccessEntry(AccessKind.ZOEKEN, action, "overdracht", null, false));
        return lines;
    }

    /**
     * The notices to the college of the caller's gemeente (a verzoek to the Raad was made, on a day): no personal data,
     * so not in the access log.
     */
    List<MeldingStore.CollegeNotice> collegeNotices() {
        return store.collegeNotices(gemeente(), INBOX_SIZE);
    }

    /** The offer, if it was made to the caller's gemeente; the read is logged on its melding. */
    Optional<OverdrachtResource> read(UUID id, String action) {
        Optional<MeldingStore.OfferedTo> offer = scoped(id, action);
        if (offer.isEmpty()) {
            return Optional.empty();
        }
        return transaction.execute(status -> {
            Melding melding =
                    store.find(offer.get().melding(), offer.get().region()).orElseThrow();
            accessLog.record(AccessEntry.of(
                    AccessKind.LEZEN,
                    action,
                    Meldingen.OBJECT_TYPE,
                    melding.id().toString()));
            return Optional.of(resource(melding, id));
        });
    }

    /** Accepts the offer: the lokaal team takes the case over; the monitoring moments are planned. */
    OverdrachtResource accept(UUID id, IfMatch ifMatch, String action) {
        return decide(id, ifMatch, true, null, action);
    }

    /** Refuses the offer with a reason: the case is Veilig Thuis's again and shows so on its worklist. */
    OverdrachtResource refuse(UUID id, IfMatch ifMatch, String reason, String action) {
        return decide(id, ifMatch, false, reason, action);
    }

    private OverdrachtResource decide(
            UUID id, IfMatch ifMatch, boolean accepted, @Nullable String reason, String action) {
        MeldingStore.OfferedTo offer = scoped(id, action).orElseThrow(() -> new NotFoundException(notFound()));
        Professional professional = currentProfessional.require();
        return meldingen.answer(offer, ifMatch, action, melding -> {
            Melding after = melding.decide(
                    id,
                    accepted,
                    reason,
                    professional.subject(),
                    professional.organisation().orElse(null),
                    time.now());
            Melding.Overdracht answered = after.follow().overdrachten().stream()
                    .filter(o -> o.id().equals(id))
                    .findFirst()
                    .orElseThrow();
            store.updateOverdracht(answered);
            if (accepted) {
                monitoring.planAfterHandOver(after, time.today());
            }
            return resource(after, id);
        });
    }

    /** The offer if it was made to the caller's gemeente; one made elsewhere is logged as a refusal. */
    private Optional<MeldingStore.OfferedTo> scoped(UUID id, String action) {
        String gemeente = gemeente();
        Optional<MeldingStore.OfferedTo> offer = store.offeredTo(id);
        if (offer.isPresent() && !offer.get().gemeente().equals(gemeente)) {
            accessLog.refusedIfExists(
                    action, Meldingen.OBJECT_TYPE, offer.get().melding().toString());
            return Optional.empty();
        }
        return offer;
    }

    private OverdrachtResource resource(Melding melding, UUID id) {
        Melding.Overdracht offer = melding.follow().overdrachten().stream()
                .filter(o -> o.id().equals(id))
                .findFirst()
                .orElseThrow();
        Address address = addresses.addressOf(melding.address()).orElse(null);
        return new OverdrachtResource(
                offer.id().toString(),
                melding.registrationNumber(),
                offer.status(),
                offer.offeredOn(),
                offer.note(),
                melding.organisation() == null ? null : organisations.displayName(melding.organisation()),
                address == null
                        ? null
                        : new Adres(
                                address.straat(),
                                address.houseNumber().toString(),
                                address.postcode().toString(),
                                address.woonplaats()),
                melding.violenceTypes().stream()
                        .map(type -> new MeldingResource.Geweldsvorm(type.code(), type.outcome()))
                        .toList(),
                // Never the melder: not as melder, not as a betrokkene in the role of melder, and no BSN at all.
                melding.persons().stream()
                        .filter(person -> !"melder".equals(person.role()))
                        .map(person ->
                                new Betrokkene(person.role(), person.relation(), person.name(), person.birthDate()))
                        .toList(),
                offer.decidedAt(),
                offer.refusalReason(),
                melding.revision());
    }

    static String notFound() {
        return "Deze overdracht bestaat niet (of is aan een andere gemeente gedaan).";
    }
}
