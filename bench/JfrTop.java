import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The text form of a flame graph (docs/performance.md, issue 18): reads a JFR recording of the application under one
 * scenario's load (bench/run.sh, the profile pass) and prints where its threads were.
 *
 * <ul>
 *   <li>CPU samples ({@code jdk.ExecutionSample}) by layer: the share of samples whose stack holds a frame of the
 *       layer (inclusive, so the shares add up to more than 100 %), e.g. Hibernate, the JDBC driver, JSON, Spring
 *       Security, Tomcat, Micrometer, the application's own code;
 *   <li>the top frames (self time: the method on top of the stack) and the application's methods by inclusive share;
 *   <li>samples of threads in native code ({@code jdk.NativeMethodSample}), mostly socket reads, i.e. waiting for
 *       PostgreSQL or Keycloak, by the application method that waited.
 * </ul>
 *
 * <p>Usage: {@code java bench/JfrTop.java recording.jfr [top=15]}.
 */
public class JfrTop {

    /** Layers by package prefix, in the order they are printed. */
    private static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("application (nl.adreszicht)", List.of("nl.adreszicht."));
        LAYERS.put("Hibernate / JPA", List.of("org.hibernate.", "jakarta.persistence."));
        LAYERS.put("Spring Data / transactions", List.of("org.springframework.data.", "org.springframework.transaction.",
                "org.springframework.orm."));
        LAYERS.put("JDBC driver (pgjdbc)", List.of("org.postgresql."));
        LAYERS.put("connection pool (Hikari)", List.of("com.zaxxer.hikari."));
        LAYERS.put("JSON (Jackson)", List.of("tools.jackson.", "com.fasterxml.jackson."));
        LAYERS.put("Spring Security / JWT", List.of("org.springframework.security.", "com.nimbusds."));
        LAYERS.put("Spring MVC", List.of("org.springframework.web."));
        LAYERS.put("Tomcat / HTTP", List.of("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."));
        LAYERS.put("Thymeleaf", List.of("org.thymeleaf."));
        LAYERS.put("Micrometer / observation", List.of("io.micrometer."));
        LAYERS.put("logging", List.of("ch.qos.logback.", "org.slf4j."));
        LAYERS.put("garbage collection / JIT (no Java frame)", List.of());
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java bench/JfrTop.java recording.jfr [top=15]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1].replace("top=", "")) : 15;
        Map<String, Integer> layers = new LinkedHashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> application = new HashMap<>();
        Map<String, Integer> waiting = new HashMap<>();
        int cpu = 0;
        int nativeSamples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (type.equals("jdk.ExecutionSample")) {
                cpu++;
                if (frames.isEmpty()) {
                    layers.merge("garbage collection / JIT (no Java frame)", 1, Integer::sum);
                    continue;
                }
                self.merge(name(frames.get(0)), 1, Integer::sum);
                Set<String> inLayers = new LinkedHashSet<>();
                Set<String> inMethods = new LinkedHashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame);
                    for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
                        if (layer.getValue().stream().anyMatch(method::startsWith)) {
                            inLayers.add(layer.getKey());
                        }
                    }
                    if (method.startsWith("nl.adreszicht.")) {
                        inMethods.add(method);
                    }
                }
                inLayers.forEach(layer -> layers.merge(layer, 1, Integer::sum));
                inMethods.forEach(method -> application.merge(method, 1, Integer::sum));
            } else if (type.equals("jdk.NativeMethodSample")) {
                String waiter = frames.stream()
                        .map(JfrTop::name)
                        .filter(method -> method.startsWith("nl.adreszicht."))
                        .findFirst()
                        .orElse(null);
                if (waiter != null) { // threads parked in native code outside a request (selectors, the JIT) are left out
                    nativeSamples++;
                    waiting.merge(waiter + "  <- " + name(frames.get(0)), 1, Integer::sum);
                }
            }
        }
        System.out.printf("CPU samples: %d (jdk.ExecutionSample)%n", cpu);
        System.out.println("by layer (inclusive: a sample counts for every layer on its stack):");
        for (String layer : LAYERS.keySet()) {
            int n = layers.getOrDefault(layer, 0);
            if (n > 0) {
                System.out.printf("  %5.1f %%  %s%n", 100.0 * n / cpu, layer);
            }
        }
        print("top frames (self)", self, cpu, top);
        print("the application's methods (inclusive)", application, cpu, top);
        System.out.printf("%nsamples in native code under a request: %d (jdk.NativeMethodSample; socket reads are "
                + "waits for PostgreSQL or Keycloak)%n", nativeSamples);
        print("where they waited (the application's innermost method <- the native frame)", waiting, nativeSamples, top);
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.printf("%n%s:%n", title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(total, 1),
                        e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
