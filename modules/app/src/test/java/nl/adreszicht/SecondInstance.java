package nl.adreszicht;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another instance of the application, started inside the test as an operator would start a replica: on a free
 * port, with a throw-away embedded PostgreSQL of its own, and the given settings. Fault tests use it for what must
 * hold from the moment an instance starts (Keycloak already down) and for what happens when it stops.
 */
public final class SecondInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance with these {@code name=value} settings on top of the test configuration. */
    public static SecondInstance start(String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0", "--adreszicht.local-keycloak.banner=false", "--spring.main.banner-mode=off"));
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        return new SecondInstance(
                new SpringApplicationBuilder(AdreszichtApplication.class).run(arguments.toArray(String[]::new)));
    }

    public String url() {
        return "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** GET on this instance, with the given headers as name, value pairs. */
    public HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        context.close();
    }
}
