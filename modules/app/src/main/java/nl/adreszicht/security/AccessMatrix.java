package nl.adreszicht.security;

import static nl.adreszicht.security.Role.BEHEERDER;
import static nl.adreszicht.security.Role.GEMEENTE_ANALIST;
import static nl.adreszicht.security.Role.GEMEENTE_MEDEWERKER;
import static nl.adreszicht.security.Role.KETENPARTNER;
import static nl.adreszicht.security.Role.POLITIE_MEDEWERKER;
import static nl.adreszicht.security.Role.PRIVACY_OFFICER;
import static nl.adreszicht.security.Role.VT_MEDEWERKER;
import static nl.adreszicht.security.Role.VT_SUPERVISOR;
import static nl.adreszicht.security.Role.ZVH_PROCESREGISSEUR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may do what, written down once. {@code SecurityConfiguration} builds its route rules from these rows,
 * the access log takes the action names and personal-data flags from them, the generated matrix tests call
 * every row with every role, a completeness test fails the build when a request mapping has no row, and
 * docs/security/permissions.md must show exactly this table. Services enforce the scope in their queries.
 */
public final class AccessMatrix {

    private static final Set<Role> ALL_ROLES = EnumSet.allOf(Role.class);

    /** Roles that register or review records at an address, and so must find it. */
    private static final Set<Role> ADDRESS_READERS =
            EnumSet.of(POLITIE_MEDEWERKER, VT_MEDEWERKER, VT_SUPERVISOR, GEMEENTE_MEDEWERKER);

    /** Roles that do case work or configuration and read the shared code lists. */
    private static final Set<Role> CODE_LIST_READERS =
            EnumSet.of(POLITIE_MEDEWERKER, VT_MEDEWERKER, VT_SUPERVISOR, GEMEENTE_MEDEWERKER, BEHEERDER);

    /** Veilig Thuis's own work: intake, the Handelingsprotocol, the worklist. */
    private static final Set<Role> VEILIG_THUIS = EnumSet.of(VT_MEDEWERKER, VT_SUPERVISOR);

    /** The process manager of a Zorg- en Veiligheidshuis: triage, agenda, minutes and plans of its region. */
    private static final Set<Role> PROCESREGIE = EnumSet.of(ZVH_PROCESREGISSEUR);

    /**
     * Who takes part in a casusoverleg when their organisation is invited: the partners, and the police, Veilig Thuis
     * and the gemeente with their own roles.
     */
    private static final Set<Role> CASE_PARTICIPANTS =
            EnumSet.of(KETENPARTNER, POLITIE_MEDEWERKER, VT_MEDEWERKER, VT_SUPERVISOR, GEMEENTE_MEDEWERKER);

    /** The procesregisseur and the participants. */
    private static final Set<Role> CASE_READERS = EnumSet.of(
            ZVH_PROCESREGISSEUR, KETENPARTNER, POLITIE_MEDEWERKER, VT_MEDEWERKER, VT_SUPERVISOR, GEMEENTE_MEDEWERKER);

    /** Who sees the addresses with repeated records (issue 15): police and Veilig Thuis, each in its own area. */
    private static final Set<Role> REPEAT_READERS = EnumSet.of(POLITIE_MEDEWERKER, VT_MEDEWERKER, VT_SUPERVISOR);

    private static final List<Permission> PERMISSIONS = List.of(
            // UI pages
            row("start.tonen", GET, "/", ALL_ROLES, Scope.NONE, false),
            open("afmelding.tonen", GET, "/afgemeld"),
            row("help.tonen", GET, "/help", ALL_ROLES, Scope.NONE, false),
            open("privacyverklaring.tonen", GET, "/privacyverklaring"),
            // A session that ended during a form: the explanation before signing in, the kept input after it.
            open("sessie-verlopen.tonen", GET, "/sessie-verlopen"),
            row("bewaarde-invoer.tonen", GET, "/bewaarde-invoer", ALL_ROLES, Scope.NONE, false),
            row("adressen.pagina", GET, "/adressen", ADDRESS_READERS, Scope.NONE, false),
            row("adressen.pagina.zoeken", POST, "/adressen", ADDRESS_READERS, Scope.OWN_GEMEENTE, true),
            row("adres.pagina", GET, "/adressen/{id}", ADDRESS_READERS, Scope.OWN_GEMEENTE, true),
            row(
                    "adres.historie.pagina",
                    GET,
                    "/adressen/{id}/historie",
                    EnumSet.of(VT_MEDEWERKER, VT_SUPERVISOR),
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "adres.doorbreken.formulier",
                    POST,
                    "/adressen/{id}/doorbraken",
                    EnumSet.of(VT_MEDEWERKER, VT_SUPERVISOR),
                    Scope.OWN_VT_REGION,
                    true),
            row("samenloop.pagina", GET, "/samenloop", ADDRESS_READERS, Scope.OWN_ORGANISATION, true),
            row("doorbraken.pagina", GET, "/doorbraken", EnumSet.of(VT_SUPERVISOR), Scope.OWN_ORGANISATION, true),
            row(
                    "doorbraak.beoordelen.formulier",
                    POST,
                    "/doorbraken/{id}/beoordeling",
                    EnumSet.of(VT_SUPERVISOR),
                    Scope.OWN_ORGANISATION,
                    true),
            row("incident.formulier", GET, "/incidenten/nieuw", EnumSet.of(POLITIE_MEDEWERKER), Scope.NONE, false),
            row(
                    "incidenten.formulier.registreren",
                    POST,
                    "/incidenten",
                    EnumSet.of(POLITIE_MEDEWERKER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "gemeenteregistratie.formulier",
                    GET,
                    "/gemeenteregistraties/nieuw",
                    EnumSet.of(GEMEENTE_MEDEWERKER),
                    Scope.NONE,
                    false),
            row(
                    "gemeenteregistraties.formulier.registreren",
                    POST,
                    "/gemeenteregistraties",
                    EnumSet.of(GEMEENTE_MEDEWERKER),
                    Scope.OWN_GEMEENTE,
                    true),
            row("melding.formulier", GET, "/meldingen/nieuw", VEILIG_THUIS, Scope.NONE, false),
            row("meldingen.formulier.registreren", POST, "/meldingen", VEILIG_THUIS, Scope.OWN_VT_REGION, true),
            row("melding.pagina", GET, "/meldingen/{id}", VEILIG_THUIS, Scope.OWN_VT_REGION, true),
            row(
                    "melding.beoordelen.formulier",
                    POST,
                    "/meldingen/{id}/veiligheidsbeoordeling",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row("werkvoorraad.pagina", GET, "/werkvoorraad", VEILIG_THUIS, Scope.OWN_VT_REGION, true),
            // Issue 16: the follow-through of a melding on its page (veiligthuis).
            row(
                    "melding.toewijzen.formulier",
                    POST,
                    "/meldingen/{id}/behandelaar",
                    EnumSet.of(VT_SUPERVISOR),
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "melding.onderzoek.starten.formulier",
                    POST,
                    "/meldingen/{id}/onderzoek",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "melding.onderzoek.afronden.formulier",
                    POST,
                    "/meldingen/{id}/onderzoek/afronding",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "melding.vervolgstap.toevoegen.formulier",
                    POST,
                    "/meldingen/{id}/vervolgstappen",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row("melding.beeindigen.formulier", POST, "/meldingen/{id}/einde", VEILIG_THUIS, Scope.OWN_VT_REGION, true),
            row(
                    "melding.overdragen.formulier",
                    POST,
                    "/meldingen/{id}/overdracht",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "melding.monitoring.plannen.formulier",
                    POST,
                    "/meldingen/{id}/monitoring",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "melding.monitoring.vastleggen.formulier",
                    POST,
                    "/meldingen/{id}/monitoring/{momentId}/uitkomst",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row("overdrachten.pagina", GET, "/overdrachten", EnumSet.of(GEMEENTE_MEDEWERKER), Scope.OWN_GEMEENTE, true),
            row(
                    "overdracht.pagina",
                    GET,
                    "/overdrachten/{id}",
                    EnumSet.of(GEMEENTE_MEDEWERKER),
                    Scope.OWN_GEMEENTE,
                    true),
            row(
                    "overdracht.accepteren.formulier",
                    POST,
                    "/overdrachten/{id}/acceptatie",
                    EnumSet.of(GEMEENTE_MEDEWERKER),
                    Scope.OWN_GEMEENTE,
                    true),
            row(
                    "overdracht.weigeren.formulier",
                    POST,
                    "/overdrachten/{id}/weigering",
                    EnumSet.of(GEMEENTE_MEDEWERKER),
                    Scope.OWN_GEMEENTE,
                    true),
            row(
                    "melding.raad.verzoeken.formulier",
                    POST,
                    "/meldingen/{id}/raadsverzoeken",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "melding.informeren.formulier",
                    POST,
                    "/meldingen/{id}/informeren",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            // The professional's own choice of reminders by e-mail: no data of any record.
            row("herinneringen.pagina", GET, "/instellingen/herinneringen", VEILIG_THUIS, Scope.NONE, false),
            row("herinneringen.instellen", POST, "/instellingen/herinneringen", VEILIG_THUIS, Scope.NONE, false),
            // Issue 16: the rights of the people in the records (retention).
            row(
                    "inzageverzoeken.pagina",
                    GET,
                    "/inzageverzoeken",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "inzageverzoeken.formulier.registreren",
                    POST,
                    "/inzageverzoeken",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "inzageverzoek.pagina",
                    GET,
                    "/inzageverzoeken/{id}",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "inzageverzoek.export.pagina",
                    GET,
                    "/inzageverzoeken/{id}/export",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "inzageverzoek.verlengen.formulier",
                    POST,
                    "/inzageverzoeken/{id}/verlenging",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "inzageverzoek.afronden.formulier",
                    POST,
                    "/inzageverzoeken/{id}/afronding",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "vernietigingsaanvragen.pagina",
                    GET,
                    "/vernietigingsaanvragen",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "vernietigingsaanvragen.formulier.registreren",
                    POST,
                    "/vernietigingsaanvragen",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "vernietigingsaanvraag.weigeren.formulier",
                    POST,
                    "/vernietigingsaanvragen/{id}/weigering",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "vernietigingsaanvraag.uitvoeren.formulier",
                    POST,
                    "/vernietigingsaanvragen/{id}/uitvoering",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "melding.corrigeren.formulier",
                    POST,
                    "/meldingen/{id}/correcties",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row("toegangslog.pagina", GET, "/toegangslog", EnumSet.of(PRIVACY_OFFICER), Scope.OWN_ORGANISATION, true),
            row(
                    "toegangslog.export",
                    GET,
                    "/toegangslog/export",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            // Aggregates after disclosure control: not personal data, so not in the access log (disclosure-control.md).
            row("gebiedsscan.pagina", GET, "/gebiedsscan", EnumSet.of(GEMEENTE_ANALIST), Scope.OWN_GEMEENTE, false),
            row(
                    "gebiedsscan.kaart",
                    GET,
                    "/gebiedsscan/kaart",
                    EnumSet.of(GEMEENTE_ANALIST),
                    Scope.OWN_GEMEENTE,
                    false),
            row("monitor.pagina", GET, "/monitor", EnumSet.of(GEMEENTE_ANALIST), Scope.OWN_GEMEENTE, false),
            row("monitor.export", GET, "/monitor/export", EnumSet.of(GEMEENTE_ANALIST), Scope.OWN_GEMEENTE, false),
            row(
                    "monitor.veiligheidsanalyse",
                    GET,
                    "/monitor/veiligheidsanalyse",
                    EnumSet.of(GEMEENTE_ANALIST),
                    Scope.OWN_GEMEENTE,
                    false),
            // Addresses with repeated records: personal data. Police: the regions its unit serves; VT: its region.
            row("herhaaladressen.pagina", GET, "/herhaaladressen", REPEAT_READERS, Scope.OWN_VT_REGION, true),
            // Public register data and who imported it: no personal data (module registers).
            row("registerimports.pagina", GET, "/beheer/registerimports", EnumSet.of(BEHEERDER), Scope.NONE, false),
            row(
                    "gebiedsscan.export",
                    GET,
                    "/gebiedsscan/export",
                    EnumSet.of(GEMEENTE_ANALIST),
                    Scope.OWN_GEMEENTE,
                    false),
            // The casusoverleg (module casusoverleg): referral, triage, meetings, plans, actions.
            row("aanmelding.formulier", GET, "/aanmeldingen/nieuw", ADDRESS_READERS, Scope.NONE, false),
            row("aanmeldingen.formulier.registreren", POST, "/aanmeldingen", ADDRESS_READERS, Scope.OWN_GEMEENTE, true),
            row("aanmeldingen.pagina", GET, "/aanmeldingen", PROCESREGIE, Scope.OWN_CASES, true),
            row("aanmelding.triage.formulier", POST, "/aanmeldingen/{id}/triage", PROCESREGIE, Scope.OWN_CASES, true),
            // A list of dates and gemeenten: which cases a meeting discusses is on its own page.
            row("overleggen.pagina", GET, "/overleggen", CASE_READERS, Scope.OWN_CASES, false),
            row("overleggen.formulier.plannen", POST, "/overleggen", PROCESREGIE, Scope.OWN_CASES, true),
            row("overleg.pagina", GET, "/overleggen/{id}", CASE_READERS, Scope.OWN_CASES, true),
            row(
                    "overleg.geheimhouding.formulier",
                    POST,
                    "/overleggen/{id}/geheimhouding",
                    CASE_READERS,
                    Scope.OWN_CASES,
                    true),
            row(
                    "overleg.verslag.formulier",
                    POST,
                    "/overleggen/{id}/casussen/{casusId}/verslag",
                    PROCESREGIE,
                    Scope.OWN_CASES,
                    true),
            // The printed agenda names case numbers, gemeenten and organisations only: no personal data.
            row("overleg.agenda.afdrukken", GET, "/overleggen/{id}/agenda", PROCESREGIE, Scope.OWN_CASES, false),
            row("casussen.pagina", GET, "/casussen", CASE_READERS, Scope.OWN_CASES, true),
            row("casus.pagina", GET, "/casussen/{id}", CASE_READERS, Scope.OWN_CASES, true),
            row("casus.plan.formulier", POST, "/casussen/{id}/plan", PROCESREGIE, Scope.OWN_CASES, true),
            row("casus.actie.formulier", POST, "/casussen/{id}/acties", PROCESREGIE, Scope.OWN_CASES, true),
            row("casus.afsluiten.formulier", POST, "/casussen/{id}/afsluiting", PROCESREGIE, Scope.OWN_CASES, true),
            row("acties.pagina", GET, "/acties", CASE_PARTICIPANTS, Scope.OWN_CASES, true),
            row("actie.status.formulier", POST, "/acties/{id}/status", CASE_READERS, Scope.OWN_CASES, true),
            row("adres.casus.fragment", GET, "/adressen/{id}/casus", ADDRESS_READERS, Scope.OWN_CASES, true),
            // Disclosure-controlled counts: not personal data (disclosure-control.md).
            row(
                    "casusoverleg.cijfers.pagina",
                    GET,
                    "/casusoverleg/cijfers",
                    EnumSet.of(GEMEENTE_ANALIST),
                    Scope.OWN_GEMEENTE,
                    false),

            // API
            open("openapi.lezen", GET, "/api/v1/openapi.json"),
            open("openapi.yaml.lezen", GET, "/api/v1/openapi.json.yaml"),
            row("profiel.lezen", GET, "/api/v1/profiel", ALL_ROLES, Scope.NONE, false),
            row("geweldsvormen.lezen", GET, "/api/v1/geweldsvormen", CODE_LIST_READERS, Scope.NONE, false),
            row("geweldsvorm.lezen", GET, "/api/v1/geweldsvormen/{code}", CODE_LIST_READERS, Scope.NONE, false),
            row("adressen.zoeken", POST, "/api/v1/adressen/_zoek", ADDRESS_READERS, Scope.OWN_GEMEENTE, true),
            row("adres.lezen", GET, "/api/v1/adressen/{id}", ADDRESS_READERS, Scope.OWN_GEMEENTE, true),
            row(
                    "adres.kleur.verhogen",
                    POST,
                    "/api/v1/adressen/{id}/kleurverhogingen",
                    EnumSet.of(POLITIE_MEDEWERKER, VT_MEDEWERKER, VT_SUPERVISOR),
                    Scope.OWN_GEMEENTE,
                    true),
            row(
                    "adres.historie.lezen",
                    GET,
                    "/api/v1/adressen/{id}/historie",
                    EnumSet.of(VT_MEDEWERKER, VT_SUPERVISOR),
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "adres.doorbreken",
                    POST,
                    "/api/v1/adressen/{id}/doorbraken",
                    EnumSet.of(VT_MEDEWERKER, VT_SUPERVISOR),
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "samenloopsignalen.lezen",
                    GET,
                    "/api/v1/samenloopsignalen",
                    ADDRESS_READERS,
                    Scope.OWN_ORGANISATION,
                    true),
            row("doorbraken.lezen", GET, "/api/v1/doorbraken", EnumSet.of(VT_SUPERVISOR), Scope.OWN_ORGANISATION, true),
            row(
                    "doorbraak.beoordelen",
                    POST,
                    "/api/v1/doorbraken/{id}/beoordeling",
                    EnumSet.of(VT_SUPERVISOR),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "adres.kleur.verlagen",
                    POST,
                    "/api/v1/adressen/{id}/kleurverlagingen",
                    EnumSet.of(VT_MEDEWERKER, VT_SUPERVISOR),
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "adres.kleurverlagingen.lezen",
                    GET,
                    "/api/v1/adressen/{id}/kleurverlagingen",
                    EnumSet.of(VT_MEDEWERKER, VT_SUPERVISOR),
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "adres.kleur.verlaging.goedkeuren",
                    POST,
                    "/api/v1/adressen/{id}/kleurverlagingen/{verlagingId}/goedkeuring",
                    EnumSet.of(VT_SUPERVISOR),
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "incidenten.registreren",
                    POST,
                    "/api/v1/incidenten",
                    EnumSet.of(POLITIE_MEDEWERKER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "incident.lezen",
                    GET,
                    "/api/v1/incidenten/{id}",
                    EnumSet.of(POLITIE_MEDEWERKER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "incident.zorgmelding.versturen",
                    POST,
                    "/api/v1/incidenten/{id}/zorgmelding",
                    EnumSet.of(POLITIE_MEDEWERKER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "incident.zorgmelding.lezen",
                    GET,
                    "/api/v1/incidenten/{id}/zorgmelding",
                    EnumSet.of(POLITIE_MEDEWERKER),
                    Scope.OWN_ORGANISATION,
                    true),
            row("meldingen.registreren", POST, "/api/v1/meldingen", VEILIG_THUIS, Scope.OWN_VT_REGION, true),
            row("melding.lezen", GET, "/api/v1/meldingen/{id}", VEILIG_THUIS, Scope.OWN_VT_REGION, true),
            row(
                    "melding.beoordelen",
                    POST,
                    "/api/v1/meldingen/{id}/veiligheidsbeoordeling",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "melding.onderzoek.starten",
                    POST,
                    "/api/v1/meldingen/{id}/onderzoek",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "melding.onderzoek.afronden",
                    POST,
                    "/api/v1/meldingen/{id}/onderzoek/afronding",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "melding.vervolgstap.toevoegen",
                    POST,
                    "/api/v1/meldingen/{id}/vervolgstappen",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row("melding.beeindigen", POST, "/api/v1/meldingen/{id}/einde", VEILIG_THUIS, Scope.OWN_VT_REGION, true),
            // Issue 16: the follow-through of a melding (veiligthuis).
            row(
                    "melding.toewijzen",
                    POST,
                    "/api/v1/meldingen/{id}/behandelaar",
                    EnumSet.of(VT_SUPERVISOR),
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "behandelaars.lezen",
                    GET,
                    "/api/v1/behandelaars",
                    EnumSet.of(VT_SUPERVISOR),
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "melding.overdragen",
                    POST,
                    "/api/v1/meldingen/{id}/overdracht",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "melding.monitoring.plannen",
                    POST,
                    "/api/v1/meldingen/{id}/monitoring",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "melding.monitoring.vastleggen",
                    POST,
                    "/api/v1/meldingen/{id}/monitoring/{momentId}/uitkomst",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "overdrachten.lezen",
                    GET,
                    "/api/v1/overdrachten",
                    EnumSet.of(GEMEENTE_MEDEWERKER),
                    Scope.OWN_GEMEENTE,
                    true),
            row(
                    "overdracht.lezen",
                    GET,
                    "/api/v1/overdrachten/{id}",
                    EnumSet.of(GEMEENTE_MEDEWERKER),
                    Scope.OWN_GEMEENTE,
                    true),
            row(
                    "overdracht.accepteren",
                    POST,
                    "/api/v1/overdrachten/{id}/acceptatie",
                    EnumSet.of(GEMEENTE_MEDEWERKER),
                    Scope.OWN_GEMEENTE,
                    true),
            row(
                    "overdracht.weigeren",
                    POST,
                    "/api/v1/overdrachten/{id}/weigering",
                    EnumSet.of(GEMEENTE_MEDEWERKER),
                    Scope.OWN_GEMEENTE,
                    true),
            row(
                    "melding.raad.verzoeken",
                    POST,
                    "/api/v1/meldingen/{id}/raadsverzoeken",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row(
                    "melding.informeren",
                    POST,
                    "/api/v1/meldingen/{id}/informeren",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            // A notice that a request was made, on a day: no address, person or text, so no personal data.
            row(
                    "collegeberichten.lezen",
                    GET,
                    "/api/v1/college-berichten",
                    EnumSet.of(GEMEENTE_MEDEWERKER),
                    Scope.OWN_GEMEENTE,
                    false),
            // Issue 16: the rights of the people in the records (retention).
            row(
                    "inzageverzoeken.registreren",
                    POST,
                    "/api/v1/inzageverzoeken",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "inzageverzoeken.lezen",
                    GET,
                    "/api/v1/inzageverzoeken",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "inzageverzoek.lezen",
                    GET,
                    "/api/v1/inzageverzoeken/{id}",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "inzageverzoek.verlengen",
                    POST,
                    "/api/v1/inzageverzoeken/{id}/verlenging",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "inzageverzoek.afronden",
                    POST,
                    "/api/v1/inzageverzoeken/{id}/afronding",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "inzageverzoek.exporteren",
                    GET,
                    "/api/v1/inzageverzoeken/{id}/export",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "vernietigingsaanvragen.registreren",
                    POST,
                    "/api/v1/vernietigingsaanvragen",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "vernietigingsaanvragen.lezen",
                    GET,
                    "/api/v1/vernietigingsaanvragen",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "vernietigingsaanvraag.weigeren",
                    POST,
                    "/api/v1/vernietigingsaanvragen/{id}/weigering",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "vernietigingsaanvraag.uitvoeren",
                    POST,
                    "/api/v1/vernietigingsaanvragen/{id}/uitvoering",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "melding.corrigeren",
                    POST,
                    "/api/v1/meldingen/{id}/correcties",
                    VEILIG_THUIS,
                    Scope.OWN_VT_REGION,
                    true),
            row("adviezen.registreren", POST, "/api/v1/adviezen", VEILIG_THUIS, Scope.OWN_VT_REGION, true),
            row("advies.lezen", GET, "/api/v1/adviezen/{id}", VEILIG_THUIS, Scope.OWN_VT_REGION, true),
            row("werkvoorraad.lezen", GET, "/api/v1/werkvoorraad", VEILIG_THUIS, Scope.OWN_VT_REGION, true),
            row(
                    "vernietigingsverzoeken.uitvoeren",
                    POST,
                    "/api/v1/vernietigingsverzoeken",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "gemeenteregistraties.registreren",
                    POST,
                    "/api/v1/gemeenteregistraties",
                    EnumSet.of(GEMEENTE_MEDEWERKER),
                    Scope.OWN_GEMEENTE,
                    true),
            row(
                    "gemeenteregistratie.lezen",
                    GET,
                    "/api/v1/gemeenteregistraties/{id}",
                    EnumSet.of(GEMEENTE_MEDEWERKER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "gebiedsscans.lezen",
                    GET,
                    "/api/v1/gebiedsscans",
                    EnumSet.of(GEMEENTE_ANALIST),
                    Scope.OWN_GEMEENTE,
                    false),
            row(
                    "monitorcijfers.lezen",
                    GET,
                    "/api/v1/monitorcijfers",
                    EnumSet.of(GEMEENTE_ANALIST),
                    Scope.OWN_GEMEENTE,
                    false),
            row("herhaaladressen.lezen", GET, "/api/v1/herhaaladressen", REPEAT_READERS, Scope.OWN_VT_REGION, true),
            row(
                    "toegangslog.object",
                    GET,
                    "/api/v1/toegangslog/objecten/{objectId}",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "toegangslog.gebruiker",
                    GET,
                    "/api/v1/toegangslog/gebruikers/{subject}",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "toegangslog.break-the-glass",
                    GET,
                    "/api/v1/toegangslog/break-the-glass",
                    EnumSet.of(PRIVACY_OFFICER, VT_SUPERVISOR),
                    Scope.OWN_ORGANISATION,
                    true),
            row(
                    "toegangslog.verificatie",
                    GET,
                    "/api/v1/toegangslog/verificatie",
                    EnumSet.of(PRIVACY_OFFICER),
                    Scope.NONE,
                    false),
            // The casusoverleg (module casusoverleg).
            row("aanmeldingen.registreren", POST, "/api/v1/aanmeldingen", ADDRESS_READERS, Scope.OWN_GEMEENTE, true),
            row("aanmeldingen.lezen", GET, "/api/v1/aanmeldingen", PROCESREGIE, Scope.OWN_CASES, true),
            row(
                    "aanmelding.lezen",
                    GET,
                    "/api/v1/aanmeldingen/{id}",
                    EnumSet.of(
                            ZVH_PROCESREGISSEUR, POLITIE_MEDEWERKER, VT_MEDEWERKER, VT_SUPERVISOR, GEMEENTE_MEDEWERKER),
                    Scope.OWN_CASES,
                    true),
            row("aanmelding.triage", POST, "/api/v1/aanmeldingen/{id}/triage", PROCESREGIE, Scope.OWN_CASES, true),
            row("overleggen.plannen", POST, "/api/v1/overleggen", PROCESREGIE, Scope.OWN_CASES, true),
            row("overleggen.lezen", GET, "/api/v1/overleggen", CASE_READERS, Scope.OWN_CASES, false),
            row("overleg.lezen", GET, "/api/v1/overleggen/{id}", CASE_READERS, Scope.OWN_CASES, true),
            row(
                    "overleg.geheimhouding.accepteren",
                    POST,
                    "/api/v1/overleggen/{id}/geheimhoudingsverklaringen",
                    CASE_READERS,
                    Scope.OWN_CASES,
                    true),
            row(
                    "overleg.verslag.vastleggen",
                    POST,
                    "/api/v1/overleggen/{id}/casussen/{casusId}/verslag",
                    PROCESREGIE,
                    Scope.OWN_CASES,
                    true),
            row("casussen.lezen", GET, "/api/v1/casussen", CASE_READERS, Scope.OWN_CASES, true),
            row("casus.lezen", GET, "/api/v1/casussen/{id}", CASE_READERS, Scope.OWN_CASES, true),
            row("casus.plan.lezen", GET, "/api/v1/casussen/{id}/plan", CASE_READERS, Scope.OWN_CASES, true),
            row("casus.plan.vastleggen", POST, "/api/v1/casussen/{id}/plan", PROCESREGIE, Scope.OWN_CASES, true),
            row("casus.acties.toevoegen", POST, "/api/v1/casussen/{id}/acties", PROCESREGIE, Scope.OWN_CASES, true),
            row("casus.afsluiten", POST, "/api/v1/casussen/{id}/afsluiting", PROCESREGIE, Scope.OWN_CASES, true),
            row("acties.lezen", GET, "/api/v1/acties", CASE_PARTICIPANTS, Scope.OWN_CASES, true),
            row(
                    "actie.status.wijzigen",
                    POST,
                    "/api/v1/acties/{id}/statuswijzigingen",
                    CASE_READERS,
                    Scope.OWN_CASES,
                    true),
            row("adres.casussen.lezen", GET, "/api/v1/adressen/{id}/casussen", ADDRESS_READERS, Scope.OWN_CASES, true),
            row(
                    "casusoverleg.cijfers.lezen",
                    GET,
                    "/api/v1/casusoverleg-cijfers",
                    EnumSet.of(GEMEENTE_ANALIST),
                    Scope.OWN_GEMEENTE,
                    false));

    /** The pages' assets, the same for everybody: served without the session (SecurityConfiguration). */
    static final List<String> STATIC_RESOURCES = List.of("/css/**", "/js/**", "/webjars/**", "/favicon.ico");

    /** Paths outside the request mappings: assets and the login flow. */
    static final List<String> PUBLIC_RESOURCES = Stream.concat(
                    STATIC_RESOURCES.stream(), Stream.of("/oauth2/authorization/**", "/login/oauth2/code/**"))
            .toList();

    static final List<String> PUBLIC_ACTUATOR = List.of("/actuator/health", "/actuator/health/**");

    static final Set<Role> ACTUATOR_INFO = EnumSet.of(BEHEERDER);

    /** The municipality's analysts only ever receive aggregates: checked against every row they may call. */
    public static final Role AGGREGATES_ONLY = GEMEENTE_ANALIST;

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private AccessMatrix() {}

    public static List<Permission> permissions() {
        return PERMISSIONS;
    }

    /**
     * The row for a request, if any: used to name the action of a refusal in the access log. A {@code HEAD} request
     * is decided by the {@code GET} row of its path: it runs the same handler, only without sending the body.
     */
    public static Optional<Permission> find(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        String decidingMethod = HttpMethod.HEAD.matches(method) ? HttpMethod.GET.name() : method;
        return PERMISSIONS.stream()
                .filter(p -> p.method().matches(decidingMethod))
                .filter(p -> pattern(p).matches(container))
                .findFirst();
    }

    /**
     * Paths of the framework and the platform that no row names but that are not unknown either: Spring Security's
     * login, logout and error endpoints and the actuator. They stay refused unless a rule above permits them.
     */
    static final List<String> FRAMEWORK_PATHS =
            List.of("/error", "/logout", "/login", "/login/**", "/oauth2/**", "/actuator", "/actuator/**");

    /**
     * Whether any row, public resource or framework path names this path, whatever the method. A path nobody names
     * is unknown: a signed-in caller is told it does not exist (404) instead of being refused it (403), which was a
     * dead end that sounded like a missing role.
     */
    public static boolean knowsPath(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return PERMISSIONS.stream().anyMatch(p -> pattern(p).matches(container))
                || Stream.of(PUBLIC_RESOURCES, PUBLIC_ACTUATOR, FRAMEWORK_PATHS)
                        .flatMap(List::stream)
                        .anyMatch(known -> PARSER.parse(known).matches(container));
    }

    /** Whether the path is one of the pages' assets, which are served without the session. */
    public static boolean isStaticResource(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return STATIC_RESOURCES.stream().anyMatch(asset -> PARSER.parse(asset).matches(container));
    }

    /** The row of an action: what the access log takes an action's allowed roles from. */
    public static Optional<Permission> byAction(String action) {
        return PERMISSIONS.stream().filter(p -> p.action().equals(action)).findFirst();
    }

    private static PathPattern pattern(Permission permission) {
        return PARSER.parse(permission.path());
    }

    private static Permission row(
            String action, HttpMethod method, String path, Set<Role> roles, Scope scope, boolean personalData) {
        return new Permission(action, method, path, roles, scope, personalData, false);
    }

    private static Permission open(String action, HttpMethod method, String path) {
        return new Permission(action, method, path, Set.of(), Scope.NONE, false, true);
    }
}
