package nl.adreszicht.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import nl.adreszicht.operations.DatabaseFaults;
import nl.adreszicht.operations.ThrottledLog;
import nl.adreszicht.security.IdentityProviderUnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer when a service Adreszicht depends on cannot be reached: 503 with {@code Retry-After}, as problem
 * details on {@code /api/v1} and as a Dutch page (English with the language cookie) in the UI, instead of a 500 with
 * a stack trace after the pool's or Keycloak's full timeout. A pool whose connections were all busy while PostgreSQL
 * answered is told apart (overload, not an outage): a short {@code Retry-After}, its own problem type and page. It
 * wraps everything else, the session and security filters included, because those reach PostgreSQL (the session)
 * and Keycloak (the login) before any controller.
 * The page is rendered on its own, without the layout, the session or the database.
 */
final class ServiceUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFilter.class);

    /** The problem type of a 503 for an exhausted pool: the client may retry the same request. */
    static final String BUSY_TYPE = "tag:adreszicht.nl,2026:problemen/druk";

    /** What could not be reached, or was too busy to answer. */
    enum Dependency {
        IDENTITY_PROVIDER(
                "inloggen",
                "De identiteitsdienst (Keycloak) is tijdelijk niet bereikbaar; probeer het over"
                        + " enkele seconden opnieuw."),
        DATABASE("database", "De database is tijdelijk niet bereikbaar; probeer het over enkele seconden opnieuw."),
        /** PostgreSQL answers, but every connection of the pool was in use for the pool's whole connection timeout. */
        BUSY(
                "druk",
                BUSY_TYPE,
                "Adreszicht is op dit moment druk",
                "Adreszicht is op dit moment druk; er is niets gewijzigd. Probeer het over enkele seconden opnieuw.");

        final String page;
        final String type;
        final String title;
        final String detail;

        Dependency(String page, String detail) {
            this(page, "about:blank", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(), detail);
        }

        Dependency(String page, String type, String title, String detail) {
            this.page = page;
            this.type = type;
            this.title = title;
            this.detail = detail;
        }
    }

    private final ITemplateEngine templates;
    private final LocaleResolver locales;
    private final JsonMapper json;
    private final DataSource dataSource;
    private final ThrottledLog databaseLog = new ThrottledLog(log);

    ServiceUnavailableFilter(
            ITemplateEngine templates, LocaleResolver locales, JsonMapper json, DataSource dataSource) {
        this.templates = templates;
        this.locales = locales;
        this.json = json;
        this.dataSource = dataSource;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!answers(failure) || response.isCommitted()) {
                throw failure;
            }
            Dependency dependency = dependencyOf(failure);
            Duration retryAfter = retryAfter(failure, dependency);
            if (dependency == Dependency.BUSY) {
                // The database is fine, this instance has more work than connections. At most a line a minute with
                // the count since: a line per refused request would add to the overload it reports.
                databaseLog.warn(
                        "pool",
                        "Database connection pool exhausted ({}): {} {} answered 503 with Retry-After {} s",
                        DatabaseFaults.poolState(failure),
                        request.getMethod(),
                        request.getRequestURI(),
                        retryAfter.toSeconds());
            } else if (dependency == Dependency.DATABASE) {
                databaseLog.warn(
                        "database",
                        "PostgreSQL is unreachable (pool: {}): requests are answered 503 with Retry-After {} s",
                        DatabaseFaults.poolState(failure),
                        retryAfter.toSeconds());
            }
            answer(request, response, dependency, retryAfter);
        }
    }

    /** Whether the failure is an unreachable (or too busy) dependency, answered here with 503 and Retry-After. */
    static boolean answers(Throwable failure) {
        return identityProviderCause(failure) != null || DatabaseFaults.isDatabaseFault(failure);
    }

    /** Which dependency a failure that this filter {@linkplain #answers answers} for is about. */
    private Dependency dependencyOf(Throwable failure) {
        if (identityProviderCause(failure) != null) {
            return Dependency.IDENTITY_PROVIDER;
        }
        return DatabaseFaults.isPoolExhausted(failure, DatabaseFaults.maximumPoolSize(dataSource))
                ? Dependency.BUSY
                : Dependency.DATABASE;
    }

    /** When the caller may try again. */
    private static Duration retryAfter(Throwable failure, Dependency dependency) {
        return switch (dependency) {
            case IDENTITY_PROVIDER -> identityProviderCause(failure).retryAfter();
            case BUSY -> DatabaseFaults.BUSY_RETRY_AFTER;
            case DATABASE -> DatabaseFaults.RETRY_AFTER;
        };
    }

    private static @Nullable IdentityProviderUnavailableException identityProviderCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IdentityProviderUnavailableException keycloak) {
                return keycloak;
            }
        }
        return null;
    }

    private void answer(
            HttpServletRequest request, HttpServletResponse response, Dependency dependency, Duration retryAfter)
            throws IOException {
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (ApiRequests.isApi(request)) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", dependency.type);
            problem.put("title", dependency.title);
            problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
            problem.put("detail", dependency.detail);
            problem.put("instance", request.getRequestURI());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        Locale locale = locales.resolveLocale(request);
        Context context = new Context(locale, Map.of("reason", dependency.page, "retryAfter", retryAfter.toSeconds()));
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.getWriter().write(templates.process("onbeschikbaar", context));
    }

    @Configuration
    static class Registration {
        @Bean
        FilterRegistrationBean<ServiceUnavailableFilter> serviceUnavailableFilter(
                ITemplateEngine templates, LocaleResolver localeResolver, JsonMapper json, DataSource dataSource) {
            FilterRegistrationBean<ServiceUnavailableFilter> registration = new FilterRegistrationBean<>(
                    new ServiceUnavailableFilter(templates, localeResolver, json, dataSource));
            // Right after the API-Version header and around everything else (Spring Session's filter included).
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
