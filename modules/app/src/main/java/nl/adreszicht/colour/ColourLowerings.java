package nl.adreszicht.colour;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.GuardedChange;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.NotFoundException;
import nl.adreszicht.records.RefusedException;
import nl.adreszicht.records.StatedReason;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lowering a computed colour with four eyes (domain.md section 4). A Veilig Thuis professional proposes a lower
 * colour with a reason and a review date; a vt-supervisor who is not the proposer approves it. The approved
 * lowering caps the colour until the review date, and lapses early when anything the approvers did not see counts
 * (see {@link ColourOverride.Lower}). A proposal is checked against the colour of the day it is made and again
 * on approval, so nobody approves a lowering of a colour that has since changed.
 */
@Service
class ColourLowerings {

    /** A lowering is a temporary judgement: it must be reviewed within the colour window. */
    static final Period LONGEST_REVIEW = Period.ofMonths(12);

    private final JdbcTemplate jdbc;
    private final AddressColours colours;
    private final DutchTime time;

    ColourLowerings(JdbcTemplate jdbc, AddressColours colours, DutchTime time) {
        this.jdbc = jdbc;
        this.colours = colours;
        this.time = time;
    }

    /**
     * Records a proposal to lower the colour of {@code address} to {@code target}.
     *
     * @throws InvalidValuesException when the target, reason or review date is not acceptable
     * @throws ConflictException when the address has no colour above the target
     */
    @Transactional
    Lowering propose(AddressId address, String target, String reason, @Nullable LocalDate reviewDate, Professional by) {
        LocalDate today = today();
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        Colour colour = invalid.collect(() -> targetColour(target));
        String why = invalid.collect(() -> StatedReason.of(reason));
        LocalDate review = invalid.collect(() -> reviewDate(reviewDate, today));
        invalid.throwIfAny();

        AddressColours.StoredColour stored = colours.stored(address)
                .filter(current -> current.colour().isAbove(colour))
                .orElseThrow(() -> conflict("De kleur van dit adres is niet hoger dan de voorgestelde kleur."));
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO colour_lowering (id, address_id, target, reason, review_date, reviewed_record_ids,"
                        + " proposed_by, proposed_by_organisation, proposed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                address.value(),
                colour.name(),
                why,
                review,
                colours.textArray(stored.countedRecordIds()),
                by.subject(),
                by.organisation().orElse(null),
                today);
        return find(address, id).orElseThrow();
    }

    /**
     * Approves a proposal as its second pair of eyes and recomputes the colour.
     *
     * @throws NotFoundException when the address has no such proposal
     * @throws RefusedException when the approver is not a vt-supervisor other than the proposer
     * @throws ConflictException when it was approved before, its review date has come, or records counted since it
     *     was proposed
     */
    @Transactional
    Lowering approve(AddressId address, String lowering, IfMatch ifMatch, Professional by) {
        LocalDate today = today();
        Lowering proposal = parse(lowering)
                .flatMap(id -> find(address, id))
                .orElseThrow(() -> new NotFoundException("Dit adres heeft geen zo'n kleurverlaging."));
        if (!by.has(Role.VT_SUPERVISOR) || by.subject().equals(proposal.proposedBy())) {
            throw new RefusedException(
                    "Een kleurverlaging wordt goedgekeurd door een vt-supervisor die haar niet zelf voorstelde"
                            + " (vier ogen).");
        }
        ifMatch.requireCurrent(proposal.revision());
        if (proposal.approvedBy() != null) {
            throw conflict("Deze kleurverlaging is al goedgekeurd.");
        }
        if (!today.isBefore(proposal.reviewDate())) {
            throw conflict("De herbeoordelingsdatum van dit voorstel is al bereikt; doe een nieuw voorstel.");
        }
        Set<String> counted = Set.copyOf(colours.stored(address)
                .map(AddressColours.StoredColour::countedRecordIds)
                .orElse(List.of()));
        if (!Set.copyOf(proposal.reviewedRecordIds()).containsAll(counted)) {
            throw conflict("Sinds het voorstel zijn er nieuwe registraties op dit adres; doe een nieuw voorstel.");
        }
        GuardedChange.requireApplied(jdbc.update(
                "UPDATE colour_lowering SET approved_by = ?, approved_on = ?, approved_at = ?, revision = revision + 1"
                        + " WHERE id = ? AND address_id = ? AND revision = ? AND approved_by IS NULL",
                by.subject(),
                today,
                time.nowUtc(),
                proposal.id(),
                address.value(),
                proposal.revision()));
        colours.recompute(address, today);
        return find(address, proposal.id()).orElseThrow();
    }

    /** The proposals and approved lowerings of an address, newest first. */
    @Transactional(readOnly = true)
    List<Lowering> of(AddressId address) {
        return jdbc.query(
                SELECT + " WHERE address_id = ? ORDER BY proposed_at DESC", ColourLowerings::row, address.value());
    }

    /** The approved lowerings of an address, as the colour policy reads them on every recompute. */
    static List<ColourOverride> approved(JdbcTemplate jdbc, AddressId address) {
        return jdbc
                .query(
                        SELECT + " WHERE address_id = ? AND approved_by IS NOT NULL",
                        ColourLowerings::row,
                        address.value())
                .stream()
                .flatMap(lowering -> lowering.override().stream())
                .map(ColourOverride.class::cast)
                .toList();
    }

    private Optional<Lowering> find(AddressId address, UUID id) {
        return jdbc
                .query(SELECT + " WHERE address_id = ? AND id = ?", ColourLowerings::row, address.value(), id)
                .stream()
                .findFirst();
    }

    private static final String SELECT = "SELECT id, target, reason, review_date, reviewed_record_ids, proposed_by,"
            + " proposed_on, approved_by, approved_on, revision FROM colour_lowering";

    private static Lowering row(ResultSet row, int n) throws SQLException {
        return new Lowering(
                row.getObject("id", UUID.class),
                Colour.valueOf(row.getString("target")),
                // Erased when a record it reviewed was destroyed or reached the end of its retention.
                java.util.Objects.requireNonNullElse(row.getString("reason"), AddressColours.ERASED),
                row.getObject("review_date", LocalDate.class),
                List.of((String[]) row.getArray("reviewed_record_ids").getArray()),
                row.getString("proposed_by"),
                row.getObject("proposed_on", LocalDate.class),
                row.getString("approved_by"),
                row.getObject("approved_on", LocalDate.class),
                row.getLong("revision"));
    }

    private static Colour targetColour(String target) {
        try {
            Colour colour = Colour.valueOf(target.trim().toUpperCase(java.util.Locale.ROOT));
            if (colour != Colour.RED) {
                return colour;
            }
        } catch (IllegalArgumentException unknown) {
            // reported below, as any other target that cannot be a lowering
        }
        throw new InvalidValueException("doelkleur", "validation.doelkleur");
    }

    private static LocalDate reviewDate(@Nullable LocalDate reviewDate, LocalDate today) {
        if (reviewDate == null || !reviewDate.isAfter(today) || reviewDate.isAfter(today.plus(LONGEST_REVIEW))) {
            throw new InvalidValueException("herbeoordelingsdatum", "validation.herbeoordelingsdatum");
        }
        return reviewDate;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static ConflictException conflict(String why) {
        return new ConflictException(why);
    }

    private LocalDate today() {
        return time.today();
    }

    /** A proposed, and perhaps approved, lowering. */
    record Lowering(
            UUID id,
            Colour target,
            String reason,
            LocalDate reviewDate,
            List<String> reviewedRecordIds,
            String proposedBy,
            LocalDate proposedOn,
            @Nullable String approvedBy,
            @Nullable LocalDate approvedOn,
            long revision) {

        /** As the colour policy reads it, once approved. */
        Optional<ColourOverride.Lower> override() {
            if (approvedBy == null || approvedOn == null) {
                return Optional.empty();
            }
            return Optional.of(new ColourOverride.Lower(
                    target, reason, approvedBy, proposedBy, approvedOn, reviewDate, Set.copyOf(reviewedRecordIds)));
        }
    }
}
