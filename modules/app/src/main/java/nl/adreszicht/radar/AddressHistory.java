package nl.adreszicht.radar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.adreszicht.addresses.AddressArea;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.codelists.VtRegions;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.NotFoundException;
import nl.adreszicht.records.RefusedException;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The history of one address across every agency, for a Veilig Thuis professional whose region covers the
 * address's gemeente, or who broke the glass for it. The decision is made here, in the service, from the token's
 * region and the stored grants; a refusal is logged like any other.
 */
@Service
class AddressHistory {

    private final List<AddressHistorySource> sources;
    private final KnownAddresses addresses;
    private final VtRegions regions;
    private final BreakTheGlass breakTheGlass;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;
    private final TransactionTemplate readOnly;

    AddressHistory(
            List<AddressHistorySource> sources,
            KnownAddresses addresses,
            VtRegions regions,
            BreakTheGlass breakTheGlass,
            AccessLog accessLog,
            CurrentProfessional currentProfessional,
            PlatformTransactionManager transactions) {
        this.sources = sources;
        this.addresses = addresses;
        this.regions = regions;
        this.breakTheGlass = breakTheGlass;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Which entries to show: a period (inclusive, Dutch calendar days) and types; all when empty. */
    record Filter(@Nullable LocalDate from, @Nullable LocalDate until, Set<HistoryEntry.Type> types) {

        boolean admits(HistoryEntry entry) {
            LocalDate day = DutchTime.dayOf(entry.at());
            return (from == null || !day.isBefore(from))
                    && (until == null || !day.isAfter(until))
                    && (types.isEmpty() || types.contains(entry.type()));
        }
    }

    /** The history as shown: on what basis, the entries newest first, and the betrokkenen over time. */
    record History(
            AddressId address,
            Optional<BreakTheGlass.Grant> grant,
            List<HistoryEntry> entries,
            List<PersonOverTime> persons) {}

    /** One betrokkene across the entries shown, with their role in each. */
    record PersonOverTime(String name, @Nullable LocalDate birthDate, List<Appearance> appearances) {}

    /** Where a betrokkene appears: which entry, when, and their role there. */
    record Appearance(
            String entryId,
            HistoryEntry.Type type,
            LocalDate date,
            String role,
            @Nullable String relation) {}

    /**
     * The history of {@code address}, logged as a read (flagged break-the-glass when it rests on a grant).
     *
     * @throws NotFoundException for an unknown address
     * @throws RefusedException outside the professional's region without a grant (logged as a refusal)
     */
    History read(AddressId address, Filter filter, String action) {
        // No transaction is open while the access is logged: the entry commits in a transaction of its own, and
        // holding this read's connection meanwhile would make every read need two connections at once, so that as
        // many concurrent reads as the pool has connections wait on each other (docs/performance.md).
        Optional<BreakTheGlass.Grant> grant = authorise(address, action);
        accessLog.record(new AccessEntry(AccessKind.LEZEN, action, "adres", address.toString(), grant.isPresent()));
        List<HistoryEntry> read = readOnly.execute(status -> sources.stream()
                .flatMap(source -> source.historyAt(address).stream())
                .filter(filter::admits)
                .sorted(Comparator.comparing(HistoryEntry::at).reversed())
                .toList());
        List<HistoryEntry> entries = read == null ? List.of() : read;
        return new History(address, grant, entries, personsOverTime(entries));
    }

    /**
     * Whether the caller may see the history: empty when their region covers the address, the grant when they
     * broke the glass for it.
     */
    Optional<BreakTheGlass.Grant> authorise(AddressId address, String action) {
        Professional professional = currentProfessional.require();
        AddressArea area = addresses
                .areaOf(address)
                .orElseThrow(() -> new NotFoundException("Dit adres staat niet in het adresregister."));
        boolean inRegion = professional
                .vtRegion()
                .filter(region -> regions.covers(region, area.gemeente().value()))
                .isPresent();
        if (inRegion) {
            return Optional.empty();
        }
        Optional<BreakTheGlass.Grant> grant = breakTheGlass.active(professional.subject(), address);
        if (grant.isEmpty()) {
            accessLog.record(new AccessEntry(AccessKind.GEWEIGERD, action, "adres", address.toString(), false));
            throw new RefusedException("Dit adres ligt buiten uw Veilig Thuis-regio. Gebruik break-the-glass, met een"
                    + " reden, als u de historie moet zien.");
        }
        return grant;
    }

    /** Whether the register knows the address. */
    boolean exists(AddressId address) {
        return addresses.exists(address);
    }

    /** Whether the caller's region covers the address; a grant is then not needed. */
    boolean inRegion(AddressId address) {
        Professional professional = currentProfessional.require();
        return addresses
                .areaOf(address)
                .flatMap(area -> professional
                        .vtRegion()
                        .filter(region -> regions.covers(region, area.gemeente().value())))
                .isPresent();
    }

    private static List<PersonOverTime> personsOverTime(List<HistoryEntry> entries) {
        Map<String, List<Appearance>> appearances = new LinkedHashMap<>();
        Map<String, HistoryEntry.Person> first = new LinkedHashMap<>();
        for (int i = entries.size() - 1; i >= 0; i--) { // oldest first: a person's first appearance names them
            HistoryEntry entry = entries.get(i);
            for (HistoryEntry.Person person : entry.persons()) {
                first.putIfAbsent(person.key(), person);
                appearances
                        .computeIfAbsent(person.key(), key -> new ArrayList<>())
                        .add(new Appearance(
                                entry.id(),
                                entry.type(),
                                DutchTime.dayOf(entry.at()),
                                person.role(),
                                person.relation()));
            }
        }
        return first.entrySet().stream()
                .map(e -> new PersonOverTime(
                        e.getValue().name(), e.getValue().birthDate(), List.copyOf(appearances.get(e.getKey()))))
                .toList();
    }
}
