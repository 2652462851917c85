package nl.adreszicht.registers;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import nl.adreszicht.addresses.RegisterAddresses;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Runs one import of a register from start to summary: one run of a register at a time in the whole cluster (a
 * PostgreSQL advisory lock), the same file resumed where an interrupted run stood, a file already loaded skipped unless
 * asked again, every run recorded, and an exit code: 0 when everything loaded, 2 when rows were rejected or addresses
 * left without a buurt (the rest is loaded), 1 when the file could not be loaded (nothing of it changed).
 */
@Service
class RegisterImportService {

    private final DutchTime time;

    /** What to import. */
    enum Register {
        BAG("bag"),
        BAG_MUTATIES("bag-mutaties"),
        CBS_GEBIEDEN("cbs-gebieden"),
        CBS_POSTCODES("cbs-postcodes"),
        CBS_CODEWIJZIGINGEN("cbs-codewijzigingen"),
        BUURTINDELING("buurtindeling");

        final String code;

        Register(String code) {
            this.code = code;
        }
    }

    /** The outcome the command exits with. */
    record Outcome(int exitCode, String summary) {}

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final RegisterImports imports;
    private final BagLoad bag;
    private final CbsAreaImport areas;
    private final CbsTables tables;
    private final AddressDerivation derivation;
    private final RegisterAddresses addresses;

    RegisterImportService(
            DataSource dataSource,
            JdbcTemplate jdbc,
            RegisterImports imports,
            BagLoad bag,
            CbsAreaImport areas,
            CbsTables tables,
            AddressDerivation derivation,
            RegisterAddresses addresses,
            DutchTime time) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.imports = imports;
        this.bag = bag;
        this.areas = areas;
        this.tables = tables;
        this.derivation = derivation;
        this.addresses = addresses;
        this.time = time;
    }

    /**
     * Imports {@code file} as {@code register}; {@code year} is the CBS division (required for CBS areas and postcodes,
     * optional for the BAG), {@code again} loads a file that was loaded before, {@code by} names who started it.
     */
    Outcome run(Register requested, Path file, @Nullable Integer year, boolean again, String by, PrintStream console) {
        Register register = requested;
        String options = year == null ? "" : "jaar=" + year;
        String checksum = null;
        BagExtractFile extract = null;
        try {
            if (requested == Register.BUURTINDELING) {
                checksum = "0".repeat(64);
            } else {
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("Het bestand " + file + " bestaat niet of is geen bestand.");
                }
                if (requested == Register.BAG || requested == Register.BAG_MUTATIES) {
                    extract = BagExtractFile.open(file);
                    register = extract.mutations() ? Register.BAG_MUTATIES : Register.BAG;
                    if (requested == Register.BAG_MUTATIES && register != Register.BAG_MUTATIES) {
                        throw new IllegalArgumentException(file.getFileName() + " is een volledig extract, geen"
                                + " mutatiebestand; laad het met --adreszicht.import.bag.");
                    }
                }
                if ((register == Register.CBS_GEBIEDEN || register == Register.CBS_POSTCODES) && year == null) {
                    throw new IllegalArgumentException(
                            "Geef het jaar van de CBS-indeling op met" + " --adreszicht.registers.jaar=<jjjj>.");
                }
                console.println("Controlegetal berekenen van " + file.getFileName() + " …");
                checksum = RegisterImports.sha256(file);
            }
        } catch (Exception unreadable) {
            imports.failedBeforeStart(register.code, file, checksum, options, by, message(unreadable));
            return new Outcome(1, "Import mislukt: " + message(unreadable));
        }
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock, register)) {
                return new Outcome(
                        1,
                        "Import mislukt: er loopt al een import van " + register.code
                                + " (op deze of een andere server); probeer het later opnieuw.");
            }
            try {
                return locked(register, file, year, again, by, console, options, checksum, extract);
            } finally {
                // The lock belongs to the session, and the session outlives this run in the pool: release it, or the
                // next run (on another pooled connection, or on another server) would find it taken for good.
                unlock(lock, register);
            }
        } catch (SQLException e) {
            return new Outcome(1, "Import mislukt: de database is niet bereikbaar (" + e.getMessage() + ")");
        }
    }

    /** The run itself, while this server holds the register's lock. */
    private Outcome locked(
            Register register,
            Path file,
            @Nullable Integer year,
            boolean again,
            String by,
            PrintStream console,
            String options,
            String checksum,
            @Nullable BagExtractFile extract) {
        if (register != Register.BUURTINDELING && !again) {
            Optional<java.time.Instant> done = imports.completed(register.code, checksum, options);
            if (done.isPresent()) {
                return new Outcome(
                        0,
                        "Dit bestand is al geladen (" + done.get() + "); er is niets gewijzigd."
                                + " Met --adreszicht.registers.opnieuw=true wordt het opnieuw verwerkt.");
            }
        }
        imports.abandonStale(register.code);
        Optional<UUID> unfinished = register == Register.BUURTINDELING
                ? Optional.empty()
                : imports.unfinished(register.code, checksum, options);
        if (register == Register.BAG && unfinished.isEmpty()) {
            jdbc.update("UPDATE register_import SET status = 'mislukt', finished_at = now(), message ="
                    + " 'vervangen door een nieuwe volledige import' WHERE register = 'bag' AND status = 'bezig'");
        }
        unfinished.ifPresent(imports::resume);
        String sum = checksum;
        Register which = register;
        UUID id = unfinished.orElseGet(() -> imports.start(which.code, file, sum, options, by));
        try (ImportRun run = new ImportRun(id, unfinished.isPresent(), file, console)) {
            try {
                switch (register) {
                    case BAG, BAG_MUTATIES -> bag.load(java.util.Objects.requireNonNull(extract), run, year);
                    case CBS_GEBIEDEN -> areas.load(file, java.util.Objects.requireNonNull(year), run);
                    case CBS_POSTCODES -> tables.postcodes(file, java.util.Objects.requireNonNull(year), run);
                    case CBS_CODEWIJZIGINGEN -> tables.codeChanges(file, year, run);
                    case BUURTINDELING -> {
                        jdbc.update("INSERT INTO bag_dirty SELECT id FROM bag_nummeraanduiding ON CONFLICT DO NOTHING");
                        long written = derivation.derive(run, derivation.year(year), time.today());
                        addresses.loaded(written);
                    }
                }
            } catch (Exception failed) {
                imports.finish(run, "mislukt", message(failed));
                return new Outcome(
                        1,
                        "Import mislukt: " + message(failed) + "\n" + summary(run, register)
                                + (run.hasReport() ? "\nAfgewezen rijen: " + run.report() : ""));
            }
            boolean clean = run.rejected.get() == 0 && run.unplaced.get() == 0;
            imports.finish(run, clean ? "voltooid" : "afgewezen", null);
            return new Outcome(
                    clean ? 0 : 2, summary(run, register) + (run.hasReport() ? "\nRapport: " + run.report() : ""));
        }
    }

    private static void unlock(Connection connection, Register register) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT pg_advisory_unlock(hashtext('adreszicht-register-' || ?))")) {
            statement.setString(1, lockKey(register));
            statement.execute();
        }
    }

    private static String lockKey(Register register) {
        // One lock for the BAG (full or mutations: they write the same mirror), one per CBS table.
        return register == Register.BAG_MUTATIES || register == Register.BUURTINDELING ? "bag" : register.code;
    }

    private static boolean tryLock(Connection connection, Register register) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext('adreszicht-register-' || ?))")) {
            statement.setString(1, lockKey(register));
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static String summary(ImportRun run, Register register) {
        return String.format(
                Locale.forLanguageTag("nl"),
                "%s: %,d rijen gelezen, %,d geschreven, %,d beëindigd, %,d afgewezen, %,d zonder buurt,"
                        + " %,d overgeslagen (historie of niet bruikbaar), %s",
                register.code,
                run.read.get(),
                run.written.get(),
                run.ended.get(),
                run.rejected.get(),
                run.unplaced.get(),
                run.skipped.get(),
                ImportRun.duration(run.elapsedSeconds()));
    }

    private static String message(Throwable failure) {
        Throwable cause = failure;
        while ((cause.getMessage() == null
                        || cause instanceof RuntimeException
                                && cause.getCause() != null
                                && !(cause instanceof IllegalArgumentException)
                                && !(cause instanceof BagXml.FormatException))
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
