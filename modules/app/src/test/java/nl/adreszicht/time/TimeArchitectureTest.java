package nl.adreszicht.time;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Stream;
import nl.adreszicht.AdreszichtApplication;
import org.junit.jupiter.api.Test;

/**
 * Main code reads time only through {@link DutchTime}: no {@code LocalDate.now()}, {@code Instant.now()} or system
 * clock anywhere else, and the Dutch zone is named in one place. Otherwise a test that fixes the clock would fix only
 * part of the application, and a date taken in UTC would be yesterday's between midnight and 02:00.
 */
class TimeArchitectureTest {

    /**
     * The application's classes. The local launcher ({@code nl.adreszicht.localstack}, a module of its own that only
     * waits for PostgreSQL and Keycloak to start) measures timeouts, not dates, and is left out.
     */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.adreszicht")
            .that(resideOutsideOfPackage("nl.adreszicht.localstack.."));

    private static final Set<Class<?>> TEMPORALS = Set.of(
            Instant.class,
            LocalDate.class,
            LocalDateTime.class,
            LocalTime.class,
            OffsetDateTime.class,
            OffsetTime.class,
            ZonedDateTime.class,
            Year.class,
            YearMonth.class,
            MonthDay.class);

    @Test
    void nothingButDutchTimeReadsTheSystemClock() {
        noClasses()
                .that()
                .doNotBelongToAnyOf(DutchTime.class)
                .should()
                .callMethodWhere(target(name("now")).and(target(owner(oneOf(TEMPORALS)))))
                .orShould()
                .callMethodWhere(target(nameStartingWith("system")).and(target(owner(oneOf(Set.of(Clock.class))))))
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(ZoneId.class, "systemDefault")
                .orShould()
                .callMethod(TimeZone.class, "getDefault")
                .orShould()
                .callConstructor(java.util.Date.class)
                .because("the time of day and the date come from DutchTime, so one Clock bean fixes them everywhere")
                .check(MAIN.that(notTheApplicationsClockBean()));
    }

    @Test
    void onlyDutchTimeHoldsTheClock() {
        noClasses()
                .that()
                .doNotBelongToAnyOf(DutchTime.class, AdreszichtApplication.class)
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Clock.class)
                .because("every module asks DutchTime for now and today instead of reading the Clock itself")
                .check(MAIN);
    }

    @Test
    void theDutchZoneIsNamedOnlyInDutchTime() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.endsWith(Path.of("time", "DutchTime.java")))
                    .flatMap(file -> codeLines(file).stream()
                            .filter(line -> line.contains("Europe/Amsterdam"))
                            .map(line -> sources.relativize(file) + ": " + line.strip()))
                    .toList();
        }
        assertThat(offenders)
                .as("use DutchTime.ZONE or DutchTime.ZONE_ID instead of naming the zone again")
                .isEmpty();
    }

    @Test
    void theRulesSeeTheCallsTheyForbid() {
        // A rule over classes it cannot see passes vacuously: make sure the import found the application.
        assertThat(MAIN.contain(DutchTime.class)).isTrue();
        assertThat(MAIN.size()).isGreaterThan(150);
    }

    /** The lines of a Java file that are code, not comments. */
    private static List<String> codeLines(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> {
                        String code = line.strip();
                        return !(code.startsWith("*") || code.startsWith("/*") || code.startsWith("//"));
                    })
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DescribedPredicate<JavaClass> oneOf(Set<Class<?>> types) {
        return DescribedPredicate.describe(
                "one of " + types.stream().map(Class::getSimpleName).sorted().toList(),
                owner -> types.stream().anyMatch(owner::isEquivalentTo));
    }

    private static DescribedPredicate<JavaClass> notTheApplicationsClockBean() {
        // AdreszichtApplication defines the one Clock bean, Clock.systemUTC(); nothing else there reads time.
        return DescribedPredicate.not(DescribedPredicate.describe(
                "the application class", c -> c.isEquivalentTo(AdreszichtApplication.class)));
    }
}
