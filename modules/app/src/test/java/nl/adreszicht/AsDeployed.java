package nl.adreszicht;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The application over the wire as a deployment runs it: on a cloud platform (Kubernetes, where Spring Boot would
 * trust forwarded headers by itself), behind one configured proxy address ({@code 127.0.0.2}), and with a clock the
 * test can move forward ({@link TestClock}), so that session lifetimes are tried without waiting. Test classes
 * extending this share one application context.
 */
@TestPropertySource(
        properties = {"spring.main.cloud-platform=kubernetes", "adreszicht.trusted-proxies=127\\.0\\.0\\.2"})
public abstract class AsDeployed extends OverTheWire {

    /** The suite's clock ({@link TestClock}), moved forward by the tests; put back after every test method. */
    @Autowired
    protected TestClock.Settable clock;
}
