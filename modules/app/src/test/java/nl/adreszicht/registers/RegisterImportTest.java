package nl.adreszicht.registers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.adreszicht.registers.RegisterImportService.Outcome;
import nl.adreszicht.registers.RegisterImportService.Register;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registers end to end on real PostgreSQL, from the hand-written fixtures in the published formats: the CBS map
 * (GeoPackage) and postcode table, the BAG full extract (zip of zips; history, inactive and ended voorkomens,
 * nevenadres, ligplaats, unusable statuses, a bad postcode) and a day of mutations; a second run changes nothing, an
 * interrupted run resumes without loading a part twice, and bad input is refused with a clear message and loses nothing.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class RegisterImportTest {

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired
    RegisterImportService service;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void empty() {
        JdbcTemplate owner = owner();
        owner.execute("TRUNCATE bag_nummeraanduiding, bag_object, bag_object_adres, bag_openbare_ruimte,"
                + " bag_woonplaats, bag_gemeente_woonplaats, bag_dirty, bag_nummeraanduiding_load, bag_object_load,"
                + " bag_openbare_ruimte_load, bag_woonplaats_load, bag_gemeente_woonplaats_load, cbs_area,"
                + " cbs_postcode_area, register_import_part, register_import CASCADE");
        owner.update("DELETE FROM address WHERE nummeraanduiding_id LIKE '01182000000000%'");
        owner.update("DELETE FROM area_boundary WHERE code IN ('GM0118', 'WK011801', 'WK011802', 'BU01180101',"
                + " 'BU01180102', 'BU01180201') AND area_year = 2025");
    }

    private JdbcTemplate owner() {
        return new JdbcTemplate(postgres.getPostgresDatabase());
    }

    private Outcome run(Register register, Path file, Integer year, boolean again) {
        return service.run(register, file, year, again, "test", new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private void loadCbs() throws Exception {
        Outcome areas = run(
                Register.CBS_GEBIEDEN,
                Fixtures.geoPackage(dir.resolve("wijkenbuurten_2025_v1.gpkg"), true),
                2025,
                false);
        assertThat(areas.exitCode()).as(areas.summary()).isZero();
        Path table = dir.resolve("pc6hnr20250801_gwb.csv");
        Files.write(table, Fixtures.resource("cbs/pc6hnr20250801_gwb.csv"));
        assertThat(run(Register.CBS_POSTCODES, table, 2025, false).exitCode()).isZero();
    }

    private Map<String, Map<String, Object>> addresses() {
        Map<String, Map<String, Object>> rows = new java.util.TreeMap<>();
        jdbc.queryForList(
                        "SELECT nummeraanduiding_id, postcode, huisnummer, huisletter, toevoeging, straat, woonplaats,"
                                + " gemeente_code, wijk_code, buurt_code, area_year, ended_on FROM address"
                                + " WHERE nummeraanduiding_id LIKE '01182000000000%'")
                .forEach(row -> rows.put(((String) row.get("nummeraanduiding_id")).trim(), row));
        return rows;
    }

    @Test
    void theFullExtractLoadsTheCurrentUsableAddressesWithTheirBuurtAndASecondRunChangesNothing() throws Exception {
        loadCbs();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM cbs_area WHERE area_year = 2025", Integer.class))
                .isEqualTo(6);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM area_boundary WHERE area_year = 2025 AND level = 'buurt'"
                                + " AND gemeente_code = 'GM0118' AND NOT synthetic",
                        Integer.class))
                .isEqualTo(3);

        Path extract = Fixtures.fullExtract(dir);
        Outcome first = run(Register.BAG, extract, null, false);

        assertThat(first.exitCode()).as(first.summary()).isEqualTo(2);
        Map<String, Map<String, Object>> loaded = addresses();
        assertThat(loaded.keySet())
                .containsExactly(
                        "0118200000000001", // hoofdadres of a VBO in use
                        "0118200000000002", // VBO being built (gevormd), with huisletter and toevoeging
                        "0118200000000003", // nevenadres of the same VBO
                        "0118200000000005", // second voorkomen holds: its postcode
                        "0118200000000006", // the later voorkomen is inactive: the first holds
                        "0118200000000008", // woonplaats from the openbare ruimte, buurt from the postcode table
                        "0118200000000010"); // ligplaats
        assertThat(loaded.get("0118200000000001"))
                .containsEntry("postcode", "7901AA")
                .containsEntry("straat", "Kerkstraat")
                .containsEntry("woonplaats", "Hoogeveen")
                .containsEntry("gemeente_code", "GM0118")
                .containsEntry("buurt_code", "BU01180101")
                .containsEntry("wijk_code", "WK011801");
        assertThat(loaded.get("0118200000000002"))
                .containsEntry("huisletter", "A")
                .containsEntry("toevoeging", "2")
                .containsEntry("buurt_code", "BU01180102");
        assertThat(loaded.get("0118200000000003")).containsEntry("buurt_code", "BU01180101");
        assertThat(loaded.get("0118200000000005")).containsEntry("postcode", "7901AC");
        assertThat(loaded.get("0118200000000006")).containsEntry("postcode", "7901AD");
        assertThat(loaded.get("0118200000000008"))
                .containsEntry("woonplaats", "Hollandscheveld")
                .containsEntry("buurt_code", "BU01180201");
        assertThat(loaded.get("0118200000000010")).containsEntry("buurt_code", "BU01180102");
        Path report = ImportRun.reportBeside(extract);
        assertThat(Files.readString(report)).contains("0118200000000011").contains("postcode");
        assertThat(jdbc.queryForMap("SELECT status, started_by, rows_rejected, rows_written FROM register_import"
                        + " WHERE register = 'bag'"))
                .containsEntry("status", "afgewezen")
                .containsEntry("started_by", "test")
                .containsEntry("rows_rejected", 1L)
                .containsEntry("rows_written", 7L);

        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/beheer/registerimports")
                        .with(new nl.adreszicht.Requests(
                                        nl.adreszicht.security.Role.BEHEERDER, "gemeente-hoogeveen", null, null)
                                .ui()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("lvbag-extract-nl-08112025.zip")
                .contains("voltooid, met afgewezen rijen")
                .contains("7 geschreven");

        Outcome again = run(Register.BAG, extract, null, false);
        assertThat(again.exitCode()).isZero();
        assertThat(again.summary()).contains("al geladen");

        Outcome forced = run(Register.BAG, extract, null, true);
        assertThat(forced.summary()).contains(" 0 geschreven");
        assertThat(addresses()).isEqualTo(loaded);
    }

    private long buurtAddresses(String buurt) {
        return jdbc.queryForObject(
                "SELECT coalesce(sum(addresses), 0) FROM buurt_address_count WHERE buurt_code = ?", Long.class, buurt);
    }

    private long gemeenteAddresses(String gemeente) {
        return jdbc.queryForObject(
                "SELECT coalesce(sum(addresses), 0) FROM gemeente_address_count WHERE gemeente_code = ?",
                Long.class,
                gemeente);
    }

    private org.springframework.test.web.servlet.ResultActions find(String json) throws Exception {
        return mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/adressen/_zoek")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(json)
                        .with(POLICE.api()));
    }

    private static final nl.adreszicht.Requests POLICE = new nl.adreszicht.Requests(
            nl.adreszicht.security.Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, "GM0118");

    private String idOf(String bagId) {
        return jdbc.queryForObject("SELECT id::text FROM address WHERE nummeraanduiding_id = ?", String.class, bagId);
    }

    @Test
    void aFullExtractRefreshesThePlannersStatisticsOfTheMirrorBeforeTheDerivation() throws Exception {
        // The first national run's derivation stalled for minutes on a page read planned without statistics of the
        // freshly filled mirror (docs/performance.md): the import now analyses it itself, as the application's role.
        Map<String, Long> before = manualAnalyses();

        Outcome outcome = run(Register.BAG, Fixtures.fullExtract(dir), null, false);

        assertThat(outcome.exitCode()).as(outcome.summary()).isIn(0, 2);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        Map<String, Long> after = manualAnalyses();
        // Statistics counters reach pg_stat_user_tables when the import's connection goes idle (up to a second).
        while (!BagMirror.DERIVATION_READS.stream().allMatch(t -> after.get(t) > before.get(t))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after.putAll(manualAnalyses());
        }
        for (String table : BagMirror.DERIVATION_READS) {
            assertThat(after.get(table)).as(table).isGreaterThan(before.get(table));
        }
    }

    /** ANALYZE runs per table (not autovacuum's), from a fresh statistics snapshot. */
    private Map<String, Long> manualAnalyses() {
        JdbcTemplate owner = owner();
        Map<String, Long> counts = new java.util.HashMap<>();
        owner.query(
                "SELECT relname, analyze_count FROM pg_stat_user_tables WHERE relname = ANY(?)",
                row -> {
                    counts.put(row.getString(1), row.getLong(2));
                },
                (Object) BagMirror.DERIVATION_READS.toArray(String[]::new));
        return counts;
    }

    @Test
    void aDayOfMutationsUpdatesEndsAndAddsAddressesAndAppliedTwiceChangesNothing() throws Exception {
        loadCbs();
        run(Register.BAG, Fixtures.fullExtract(dir), null, false);
        Path mutations = Fixtures.mutations(dir);
        long inBuurt = buurtAddresses("BU01180102");
        long inGemeente = gemeenteAddresses("GM0118");
        String endedId = idOf("0118200000000002");
        find("{\"postcode\": \"7901AA\", \"huisnummer\": 1, \"huisletter\": \"A\", \"toevoeging\": \"2\"}")
                .andExpect(jsonPath("$.id").value(endedId));
        find("{\"postcode\": \"7912AB\", \"huisnummer\": 6}").andExpect(status().isOk());

        Outcome applied = run(Register.BAG, mutations, null, false);

        assertThat(applied.exitCode()).as(applied.summary()).isZero();
        Map<String, Map<String, Object>> after = addresses();
        assertThat(after.get("0118200000000001")).containsEntry("postcode", "7901BA");
        assertThat(after.get("0118200000000002").get("ended_on")).hasToString("2025-11-09");
        // The ligplaats was taken out of the register (a verwijdering): its address ended too.
        assertThat(after.get("0118200000000010").get("ended_on")).hasToString("2025-11-09");
        assertThat(after.get("0118200000000003").get("ended_on")).isNull();
        assertThat(after.get("0118200000000012"))
                .containsEntry("postcode", "7901AF")
                .containsEntry("buurt_code", "BU01180101");
        // A new nummeraanduiding takes the designation of the one that ended the same day.
        assertThat(after.get("0118200000000013"))
                .containsEntry("postcode", "7901AA")
                .containsEntry("huisletter", "A")
                .containsEntry("toevoeging", "2")
                .containsEntry("buurt_code", "BU01180102")
                .containsEntry("ended_on", null);
        assertThat(applied.summary()).contains("2 beëindigd");
        // Given and ended on the same day (a toevoeging, then a wijziging that ends the same voorkomen): the last
        // mention
        // of the highest voorkomen decides, so it is not in the mirror.
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM bag_nummeraanduiding WHERE id = '0118200000000014'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT rows_ended FROM register_import WHERE register = 'bag-mutaties'", Long.class))
                .isEqualTo(2L);

        // Ended addresses no longer count: BU01180102 lost 1A-2 and the ligplaats and gained the new 1A-2; GM0118
        // lost those two and gained 13 and the new 1A-2.
        assertThat(buurtAddresses("BU01180102")).isEqualTo(inBuurt - 1);
        assertThat(gemeenteAddresses("GM0118")).isEqualTo(inGemeente);
        // Search for a new registration finds the new address, never the ended one; the ended one stays readable by id
        // for the records at it.
        String newId = idOf("0118200000000013");
        find("{\"postcode\": \"7901AA\", \"huisnummer\": 1, \"huisletter\": \"A\", \"toevoeging\": \"2\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(newId));
        find("{\"postcode\": \"7912AB\", \"huisnummer\": 6}").andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/api/v1/adressen/" + endedId)
                        .with(POLICE.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(endedId));
        assertThat(jdbc.queryForObject(
                        "SELECT register FROM register_import ORDER BY started_at DESC LIMIT 1", String.class))
                .isEqualTo("bag-mutaties");

        Outcome twice = run(Register.BAG_MUTATIES, mutations, null, true);
        assertThat(twice.summary()).contains(" 0 geschreven");
        assertThat(addresses()).isEqualTo(after);
    }

    @Test
    void cbsOverviewOfAYearsMergersLoadsTheGemeentenAndPassesOverABorderCorrection() throws Exception {
        String gemeenten = "('GM0003', 'GM0010', 'GM0024', 'GM0788')";
        owner().update("DELETE FROM area_code_change WHERE old_code IN " + gemeenten);
        Path overview = dir.resolve("gemeentelijke-indeling-2021-wijzigingen.csv");
        Files.write(overview, Fixtures.resource("cbs/gemeentelijke-indeling-2021-wijzigingen.csv"));

        Outcome loaded = run(Register.CBS_CODEWIJZIGINGEN, overview, null, false);

        assertThat(loaded.exitCode()).as(loaded.summary()).isZero();
        assertThat(jdbc.queryForList(
                        "SELECT change_year || ' ' || old_code || ' ' || new_code || ' ' || coalesce(share::text, '-')"
                                + " FROM area_code_change WHERE old_code IN " + gemeenten + " ORDER BY 1",
                        String.class))
                .containsExactly(
                        "2021 GM0003 GM1979 -",
                        "2021 GM0010 GM1979 -",
                        "2021 GM0024 GM1979 -",
                        "2021 GM0788 GM0757 -",
                        "2021 GM0788 GM0824 -",
                        "2021 GM0788 GM0865 -"); // not Tilburg: its footnote calls that a grenscorrectie
        assertThat(jdbc.queryForObject(
                        "SELECT current_code FROM area_code_successor WHERE old_code = 'GM0788' AND valid_until = 2020",
                        String.class))
                .isEqualTo("GM0757");

        Outcome otherYear = run(Register.CBS_CODEWIJZIGINGEN, overview, 2022, true);
        assertThat(otherYear.exitCode()).isEqualTo(1);
        assertThat(otherYear.summary()).contains("overzicht van 2021, niet van 2022");

        // The same overview straight from CBS's workbook (.xlsx): the same changes, nothing new.
        owner().update("DELETE FROM area_code_change WHERE old_code IN " + gemeenten);
        Path workbook = Fixtures.cbsWorkbook(dir.resolve("gemeentelijke-indeling-op-1-januari-2021.xlsx"));
        Outcome fromExcel = run(Register.CBS_CODEWIJZIGINGEN, workbook, 2021, false);
        assertThat(fromExcel.exitCode()).as(fromExcel.summary()).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM area_code_change WHERE change_year = 2021 AND old_code IN " + gemeenten,
                        Integer.class))
                .isEqualTo(6);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM area_code_change WHERE old_code = 'GM0788' AND new_code = 'GM0855'",
                        Integer.class))
                .isZero();
        Path notAnOverview = Fixtures.cbsWorkbook(dir.resolve("andere-werkmap-2021.xlsx"));
        try (var zip = java.nio.file.FileSystems.newFileSystem(notAnOverview)) {
            Files.delete(zip.getPath("xl/worksheets/sheet2.xml"));
        }
        assertThat(run(Register.CBS_CODEWIJZIGINGEN, notAnOverview, 2021, false).summary())
                .contains("geen werkblad met het overzicht");

        // Saved from Excel: semicolons and a code without its leading zeros; one line with its columns swapped
        // refuses the whole file, and without a year the overview cannot be placed.
        Path excel = dir.resolve("wijzigingen.csv");
        Files.write(excel, Fixtures.resource("cbs/gemeentelijke-indeling-wijzigingen-excel.csv"));
        Outcome noYear = run(Register.CBS_CODEWIJZIGINGEN, excel, null, false);
        assertThat(noYear.exitCode()).isEqualTo(1);
        assertThat(noYear.summary()).contains("noemt zijn jaar niet");
        Outcome refused = run(Register.CBS_CODEWIJZIGINGEN, excel, 2022, false);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.summary()).contains("1 regels zijn ongeldig");
        assertThat(Files.readString(ImportRun.reportBeside(excel)))
                .contains("regel 4")
                .contains("vier cijfers");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM area_code_change WHERE change_year = 2022 AND old_code = 'GM0003'",
                        Integer.class))
                .isZero();
        // Every run gave the register's lock back: another session (another server) takes it at once.
        assertThat(owner().queryForObject(
                                "SELECT pg_try_advisory_lock(hashtext('adreszicht-register-cbs-codewijzigingen'))",
                                Boolean.class))
                .isTrue();
    }

    @Test
    void anInterruptedRunResumesWhereItStoodWithoutLoadingAPartTwice() throws Exception {
        loadCbs();
        Path extract = Fixtures.fullExtract(dir);
        // The database refuses the verblijfsobjecten once, as a lost connection or a full disk would.
        JdbcTemplate owner = owner();
        owner.execute("CREATE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN RAISE EXCEPTION 'schijf vol'; END $$");
        owner.execute(
                "CREATE TRIGGER fail_once BEFORE INSERT ON bag_object_load FOR EACH ROW EXECUTE FUNCTION fail_once()");
        Outcome interrupted;
        try {
            interrupted = run(Register.BAG, extract, null, false);
        } finally {
            owner.execute("DROP TRIGGER fail_once ON bag_object_load");
            owner.execute("DROP FUNCTION fail_once()");
        }
        assertThat(interrupted.exitCode()).isEqualTo(1);
        assertThat(interrupted.summary()).contains("schijf vol");
        assertThat(addresses()).isEmpty();
        List<String> before = jdbc.queryForList("SELECT part FROM register_import_part ORDER BY part", String.class);
        assertThat(before).hasSize(4).allMatch(part -> !part.contains("VBO"));

        Outcome resumed = run(Register.BAG, extract, null, false);

        assertThat(resumed.exitCode()).as(resumed.summary()).isEqualTo(2);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("(hervat)");
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT import_id) FROM register_import_part", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM register_import_part", Integer.class))
                .isEqualTo(7); // six XML files and the mirror, each once
        assertThat(addresses()).hasSize(7);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bag_object", Integer.class))
                .isEqualTo(8);
    }

    @Test
    void aResumedRunWhoseUnloggedStagingACrashEmptiedReadsItsPartsAgain() throws Exception {
        loadCbs();
        Path extract = Fixtures.fullExtract(dir);
        JdbcTemplate owner = owner();
        owner.execute("CREATE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN RAISE EXCEPTION 'schijf vol'; END $$");
        owner.execute(
                "CREATE TRIGGER fail_once BEFORE INSERT ON bag_object_load FOR EACH ROW EXECUTE FUNCTION fail_once()");
        try {
            assertThat(run(Register.BAG, extract, null, false).exitCode()).isEqualTo(1);
        } finally {
            owner.execute("DROP TRIGGER fail_once ON bag_object_load");
            owner.execute("DROP FUNCTION fail_once()");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM register_import_part", Integer.class))
                .isEqualTo(4);
        assertThat(owner.queryForObject(
                        "SELECT count(*) FROM pg_class WHERE relname LIKE 'bag\\_%\\_load' AND relpersistence = 'u'",
                        Integer.class))
                .isEqualTo(5);
        // What crash recovery does to unlogged tables: the parts marked done are no longer staged.
        owner.execute("TRUNCATE bag_nummeraanduiding_load, bag_object_load, bag_openbare_ruimte_load,"
                + " bag_woonplaats_load, bag_gemeente_woonplaats_load");

        Outcome resumed = run(Register.BAG, extract, null, false);

        assertThat(resumed.exitCode()).as(resumed.summary()).isEqualTo(2);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("(hervat)");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM register_import_part", Integer.class))
                .isEqualTo(7); // every XML file read again, and the mirror
        assertThat(addresses()).hasSize(7);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bag_object", Integer.class))
                .isEqualTo(8);
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndLosesNothingAlreadyLoaded() throws Exception {
        loadCbs();
        run(Register.BAG, Fixtures.fullExtract(dir), null, false);
        Map<String, Map<String, Object>> loaded = addresses();
        assertThat(loaded).hasSize(7);

        byte[] whole = Files.readAllBytes(Fixtures.mutations(dir));
        Path truncated = dir.resolve("BAGNLDM-afgebroken.zip");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(run(Register.BAG, truncated, null, false).summary())
                .contains("geen leesbaar zipbestand")
                .contains("niets geladen");

        Path notBag = dir.resolve("9999NUM08112025-000001.xml");
        Files.write(notBag, Fixtures.resource("bag/not-a-bag-extract.xml"));
        Outcome refused = run(Register.BAG, notBag, null, false);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.summary()).contains("geen bestand van een BAG 2.0-extract");

        Path noBuurten = Fixtures.geoPackage(dir.resolve("wijkenbuurten_2025_zonder.gpkg"), false);
        assertThat(run(Register.CBS_GEBIEDEN, noBuurten, 2025, false).summary()).contains("geen laag 'buurten'");

        Path otherOrder = dir.resolve("pc6hnr-andere-volgorde.csv");
        Files.write(otherOrder, Fixtures.resource("cbs/pc6hnr-andere-volgorde.csv"));
        assertThat(run(Register.CBS_POSTCODES, otherOrder, 2025, false).summary())
                .contains("kopregel")
                .contains("PC6;Huisnummer;Buurt<jaar>");

        Path otherYear = dir.resolve("pc6hnr20240801_gwb.csv");
        Files.write(otherYear, Fixtures.resource("cbs/pc6hnr20240801_gwb.csv"));
        Outcome wrongYear = run(Register.CBS_POSTCODES, otherYear, 2025, false);
        assertThat(wrongYear.exitCode()).isEqualTo(1);
        assertThat(wrongYear.summary()).contains("indeling van 2024").contains("niet van 2025");
        Path gpkg2024 = Fixtures.geoPackage(dir.resolve("wijkenbuurten_2024_v1.gpkg"), true);
        assertThat(run(Register.CBS_GEBIEDEN, gpkg2024, 2025, false).summary()).contains("niet van 2025");

        assertThat(addresses()).isEqualTo(loaded);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM cbs_postcode_area", Integer.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM register_import WHERE status = 'mislukt' AND message IS NOT NULL",
                        Integer.class))
                .isEqualTo(6);
    }
}
