package nl.adreszicht.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import nl.adreszicht.TestClock;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The test clock drives the application's {@link DutchTime}, and a day one test sets does not leak into the next
 * (the next test method, and so the next test class, runs on system time again).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestClockTest {

    @Autowired
    DutchTime time;

    @Autowired
    TestClock.Settable clock;

    @Test
    @Order(1)
    void aTestThatSetsTheDayMovesTheApplicationsToday() {
        clock.startAt(TestClock.TODAY.minusDays(3));

        assertThat(time.today()).isEqualTo(TestClock.TODAY.minusDays(3));
        assertThat(time.now()).isCloseTo(TestClock.NOW.minusDays(3).toInstant(), within(5, ChronoUnit.SECONDS));
    }

    @Test
    @Order(2)
    void theNextTestRunsOnSystemTimeAgain() {
        assertThat(time.now()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
    }
}
