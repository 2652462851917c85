package nl.adreszicht.colour;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.adreszicht.radar.AddressHistorySource;
import nl.adreszicht.radar.HistoryEntry;
import nl.adreszicht.radar.HistoryEntry.Sentence;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.time.DutchTime;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The colour's part of an address's history: every change of colour with the rule that decided it, every raise
 * with its reason, and every lowering proposed or approved.
 */
@Component
@Transactional(readOnly = true)
class ColourHistory implements AddressHistorySource {

    private final JdbcTemplate jdbc;

    ColourHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<HistoryEntry> historyAt(AddressId address) {
        List<HistoryEntry> entries = new ArrayList<>();
        entries.addAll(jdbc.query(
                "SELECT id, colour, previous_colour, deciding_rule, rules_version, computed_at"
                        + " FROM address_colour_history WHERE address_id = ?",
                (row, n) -> entry(
                                "kleur-" + row.getLong("id"),
                                HistoryEntry.Type.KLEURWIJZIGING,
                                row.getObject("computed_at", OffsetDateTime.class),
                                null,
                                "Kleur "
                                        + (row.getString("previous_colour") == null
                                                ? ""
                                                : row.getString("previous_colour") + " → ")
                                        + row.getString("colour") + " (regel " + row.getString("deciding_rule")
                                        + ", kleurregels " + row.getString("rules_version") + ")",
                                null)
                        .saying(colourChange(
                                row.getString("previous_colour"),
                                row.getString("colour"),
                                row.getString("deciding_rule"),
                                row.getString("rules_version"))),
                address.value()));
        entries.addAll(jdbc.query(
                "SELECT id, reason, raised_by_organisation, raised_on, created_at FROM colour_raise"
                        + " WHERE address_id = ?",
                (row, n) -> entry(
                                row.getObject("id", UUID.class).toString(),
                                HistoryEntry.Type.KLEURVERHOGING,
                                row.getObject("created_at", OffsetDateTime.class),
                                row.getString("raised_by_organisation"),
                                "Kleur verhoogd naar RED op " + row.getObject("raised_on", LocalDate.class),
                                row.getString("reason"))
                        .saying(Sentence.of(
                                "historie.zin.kleurverhoging",
                                colour("RED"),
                                DutchTime.displayDate(row.getObject("raised_on", LocalDate.class)))),
                address.value()));
        entries.addAll(jdbc.query(
                "SELECT id, target, reason, review_date, proposed_by_organisation, proposed_at, approved_on"
                        + " FROM colour_lowering WHERE address_id = ?",
                (row, n) -> entry(
                                row.getObject("id", UUID.class).toString(),
                                HistoryEntry.Type.KLEURVERLAGING,
                                row.getObject("proposed_at", OffsetDateTime.class),
                                row.getString("proposed_by_organisation"),
                                "Kleurverlaging naar " + row.getString("target") + " tot "
                                        + row.getObject("review_date", LocalDate.class)
                                        + (row.getObject("approved_on", LocalDate.class) == null
                                                ? ", voorgesteld"
                                                : ", goedgekeurd op " + row.getObject("approved_on", LocalDate.class)),
                                row.getString("reason"))
                        .saying(
                                row.getObject("approved_on", LocalDate.class) == null
                                        ? Sentence.of(
                                                "historie.zin.kleurverlaging.voorgesteld",
                                                colour(row.getString("target")),
                                                DutchTime.displayDate(row.getObject("review_date", LocalDate.class)))
                                        : Sentence.of(
                                                "historie.zin.kleurverlaging.goedgekeurd",
                                                colour(row.getString("target")),
                                                DutchTime.displayDate(row.getObject("review_date", LocalDate.class)),
                                                DutchTime.displayDate(row.getObject("approved_on", LocalDate.class)))),
                address.value()));
        return entries;
    }

    /** "Kleur geel → oranje (meerdere incidenten met kinderen aanwezig; kleurregels v1)", in the reader's language. */
    private static Sentence colourChange(
            @org.jspecify.annotations.Nullable String previous, String colour, String rule, String version) {
        MessageSourceResolvable why = Sentence.label("colour.rule." + rule, rule);
        return previous == null
                ? Sentence.of("historie.zin.kleur.eerste", colour(colour), why, version)
                : Sentence.of("historie.zin.kleur", colour(previous), colour(colour), why, version);
    }

    private static MessageSourceResolvable colour(String colour) {
        return Sentence.label("colour." + colour, colour);
    }

    private static HistoryEntry entry(
            String id,
            HistoryEntry.Type type,
            OffsetDateTime at,
            @org.jspecify.annotations.Nullable String organisation,
            String summary,
            @org.jspecify.annotations.Nullable String note) {
        return new HistoryEntry(id, type, at, organisation, summary, note, null, null, List.of(), List.of());
    }
}
