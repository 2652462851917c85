package nl.adreszicht;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The casusoverleg's part of the matrix fixture (module casusoverleg): a running case at the matrix's address, with an
 * action, on the agenda of a coming meeting whose statement the matrix's professional accepted; a referral waiting for
 * triage at a second address; and the example bodies and forms of the casusoverleg's rows. Every role of the matrix
 * works for the fixture's organisation, so the case invites it, its action is its own and it referred the referral.
 * {@link #reset} puts all of it back as it was before each call: closing, triage and planning change it.
 */
final class CasusoverlegMatrix {

    static final String CASUS_ID = "5b0c3c0e-7777-4d6e-9a51-2b1f0c9d7e07";
    static final String AANMELDING_ID = "5b0c3c0e-8888-4d6e-9a51-2b1f0c9d7e08";
    static final String ACTIE_ID = "5b0c3c0e-aaaa-4d6e-9a51-2b1f0c9d7e0a";
    static final String OVERLEG_ID = "5b0c3c0e-bbbb-4d6e-9a51-2b1f0c9d7e0b";

    /** The address of the waiting referral. */
    static final String REFERRED_ADDRESS_ID = "5b0c3c0e-9999-4d6e-9a51-2b1f0c9d7e09";

    /** The address the example referral refers: nothing runs there. */
    static final String NEW_REFERRAL_ADDRESS_ID = "5b0c3c0e-cccc-4d6e-9a51-2b1f0c9d7e0c";

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
    private static final String PLANNED = TODAY.plusDays(2).toString();
    private static final String ORGANISATION = "veilig-thuis-drenthe";

    private CasusoverlegMatrix() {}

    static final Map<String, String> BODIES = Map.of(
            "aanmeldingen.registreren",
            "{\"adresId\": \"" + NEW_REFERRAL_ADDRESS_ID + "\", \"reden\": \"Herhaald geweld, kinderen getuige.\"}",
            "aanmelding.triage",
            "{\"besluit\": \"accepteren\", \"partners\": [\"" + ORGANISATION + "\"]}",
            "overleggen.plannen",
            "{\"datum\": \"" + PLANNED + "\", \"aanvang\": \"10:00\", \"gemeenten\": [\"GM0118\"]}",
            "overleg.geheimhouding.accepteren",
            "{}",
            "overleg.verslag.vastleggen",
            "{\"besluiten\": \"Regie bij Veilig Thuis.\", \"risico\": \"midden\"}",
            "casus.plan.vastleggen",
            "{\"doelen\": [{\"soort\": \"veiligheid\", \"omschrijving\": \"Geen geweld meer.\"}],"
                    + " \"regisseurOrganisatie\": \"" + ORGANISATION + "\", \"regisseurNaam\": \"Test Regisseur\","
                    + " \"herbeoordelingsdatum\": \"" + TODAY.plusDays(30) + "\"}",
            "casus.acties.toevoegen",
            "{\"omschrijving\": \"Huisbezoek.\", \"eigenaar\": \"" + ORGANISATION + "\", \"deadline\": \""
                    + TODAY.plusDays(7) + "\"}",
            "casus.afsluiten",
            "{\"uitkomst\": \"veiligheid-bereikt\"}",
            "actie.status.wijzigen",
            "{\"status\": \"gestart\", \"toelichting\": \"Afspraak staat.\"}");

    static final Map<String, Map<String, String>> FORMS = Map.of(
            "aanmeldingen.formulier.registreren",
            Map.of("adresId", NEW_REFERRAL_ADDRESS_ID, "reden", "Herhaald geweld, kinderen getuige."),
            "aanmelding.triage.formulier",
            Map.of("besluit", "accepteren", "partners", ORGANISATION),
            "overleggen.formulier.plannen",
            Map.of("datum", PLANNED, "aanvang", "10:00", "gemeenten", "GM0118"),
            "overleg.geheimhouding.formulier",
            Map.of(),
            "overleg.verslag.formulier",
            Map.of("besluiten", "Regie bij Veilig Thuis.", "risico", "midden"),
            "casus.plan.formulier",
            Map.of(
                    "doelSoort", "veiligheid",
                    "doelOmschrijving", "Geen geweld meer.",
                    "regisseurOrganisatie", ORGANISATION,
                    "regisseurNaam", "Test Regisseur",
                    "herbeoordelingsdatum", TODAY.plusDays(30).toString()),
            "casus.actie.formulier",
            Map.of(
                    "omschrijving",
                    "Huisbezoek.",
                    "eigenaar",
                    ORGANISATION,
                    "deadline",
                    TODAY.plusDays(7).toString()),
            "casus.afsluiten.formulier",
            Map.of("uitkomst", "veiligheid-bereikt"),
            "actie.status.formulier",
            Map.of("status", "gestart", "toelichting", "Afspraak staat."));

    /** Which fixture an {@code {id}} names, by the path it is in. */
    static final Map<String, String> FIXTURES = Map.of(
            "/api/v1/aanmeldingen/", AANMELDING_ID,
            "/aanmeldingen/", AANMELDING_ID,
            "/api/v1/casussen/", CASUS_ID,
            "/casussen/", CASUS_ID,
            "/api/v1/overleggen/", OVERLEG_ID,
            "/overleggen/", OVERLEG_ID,
            "/api/v1/acties/", ACTIE_ID,
            "/acties/", ACTIE_ID);

    /** The fixture as it was: what earlier calls created or changed goes, and the fixture comes back. */
    static void reset(JdbcTemplate owner, String addressId, String subject) {
        for (String[] address : new String[][] {{REFERRED_ADDRESS_ID, "2"}, {NEW_REFERRAL_ADDRESS_ID, "3"}}) {
            owner.update(
                    "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                            + " VALUES (?::uuid, '7901AB', ?, 'Teststraat', 'Hoogeveen', 'GM0118', true)"
                            + " ON CONFLICT DO NOTHING",
                    address[0],
                    Integer.parseInt(address[1]));
        }
        owner.update(
                "DELETE FROM casus WHERE id IN (?::uuid, ?::uuid) OR address_id IN (?::uuid, ?::uuid, ?::uuid)",
                CASUS_ID,
                AANMELDING_ID,
                addressId,
                REFERRED_ADDRESS_ID,
                NEW_REFERRAL_ADDRESS_ID);
        owner.update(
                "DELETE FROM overleg WHERE id = ?::uuid OR (zvh_region = 'ZVH03' AND held_on = ?::date)",
                OVERLEG_ID,
                PLANNED);
        owner.update(
                "DELETE FROM retention_schedule WHERE source = 'CASUSOVERLEG' AND record_id IN (?, ?)",
                CASUS_ID,
                AANMELDING_ID);
        insertCase(owner, CASUS_ID, addressId, "lopend", "ZVH03-2026-90001");
        insertCase(owner, AANMELDING_ID, REFERRED_ADDRESS_ID, "aangemeld", "ZVH03-2026-90002");
        owner.update(
                "INSERT INTO casus_partner (casus_id, organisation, invited_at) VALUES (?::uuid, ?, now())",
                CASUS_ID,
                ORGANISATION);
        owner.update(
                "INSERT INTO casus_action (id, casus_id, description, owner_organisation, deadline, status,"
                        + " created_at, created_by) VALUES (?::uuid, ?::uuid, 'Huisbezoek afleggen.', ?,"
                        + " current_date + 7, 'open', now(), 'fixture')",
                ACTIE_ID,
                CASUS_ID,
                ORGANISATION);
        owner.update(
                "INSERT INTO overleg (id, zvh_region, held_on, starts_at, created_by, created_at)"
                        + " VALUES (?::uuid, 'ZVH03', current_date + 1, '09:00', 'fixture', now())",
                OVERLEG_ID);
        owner.update("INSERT INTO overleg_gemeente (overleg_id, gemeente_code) VALUES (?::uuid, 'GM0118')", OVERLEG_ID);
        owner.update(
                "INSERT INTO overleg_casus (overleg_id, casus_id, position, agenda_reason)"
                        + " VALUES (?::uuid, ?::uuid, 1, 'nieuw')",
                OVERLEG_ID,
                CASUS_ID);
        owner.update(
                "INSERT INTO overleg_statement (overleg_id, subject, name, organisation, statement_version,"
                        + " accepted_at) VALUES (?::uuid, ?, 'Test Professional', ?, 'v1', now())",
                OVERLEG_ID,
                subject,
                ORGANISATION);
    }

    private static void insertCase(JdbcTemplate owner, String id, String address, String status, String number) {
        owner.update(
                "INSERT INTO casus (id, number, zvh_region, gemeente_code, vt_region, address_id, status, origin,"
                        + " reason, referred_by, referred_by_organisation, referred_at, triaged_by, triaged_at)"
                        + " VALUES (?::uuid, ?, 'ZVH03', 'GM0118', 'VT03', ?::uuid, ?, 'aanmelding',"
                        + " 'Fixture voor de matrix.', 'fixture', ?, now(), ?, ?)",
                id,
                number,
                address,
                status,
                ORGANISATION,
                status.equals("aangemeld") ? null : "fixture",
                status.equals("aangemeld") ? null : java.time.OffsetDateTime.now());
    }
}
