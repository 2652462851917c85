package nl.adreszicht.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.InvalidRequestException;
import nl.adreszicht.records.NotFoundException;
import nl.adreszicht.records.PreconditionFailedException;
import nl.adreszicht.records.ReadLimitExceededException;
import nl.adreszicht.records.RefusedException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Where the services' domain exceptions ({@code records}: not found, conflict, refused, invalid request) become HTTP:
 * the services know nothing of it. On the API {@link ApiProblemAdvice} answers them as problem details with the
 * exception's Dutch message; on a page the same status shows the error page (a form that expects one, such as a
 * conflicting registration number, catches it itself and shows it at the field).
 */
@Configuration
class DomainExceptions implements WebMvcConfigurer {

    /** Request attribute: the minutes until a professional refused by the read guard can go on (the 429 page). */
    static final String READ_LIMIT_MINUTES = "nl.adreszicht.web.readLimitMinutes";

    /** The status of a domain exception, or null for any other exception. */
    static @Nullable HttpStatus statusOf(Exception exception) {
        if (exception instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (exception instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (exception instanceof RefusedException) {
            return HttpStatus.FORBIDDEN;
        }
        if (exception instanceof PreconditionFailedException) {
            return HttpStatus.PRECONDITION_FAILED;
        }
        if (exception instanceof ReadLimitExceededException) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        if (exception instanceof InvalidRequestException) {
            return HttpStatus.BAD_REQUEST;
        }
        return null;
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(DomainExceptions::onPage);
    }

    /** After the API's advice passed a page's exception on: the error page with the exception's status. */
    private static @Nullable ModelAndView onPage(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception exception) {
        HttpStatus status = statusOf(exception);
        if (status == null || ApiRequests.isApi(request)) {
            return null;
        }
        if (exception instanceof ReadLimitExceededException exceeded) {
            // The error page says in Dutch when they can go on; the header says it to the browser.
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(exceeded.retryAfterSeconds()));
            request.setAttribute(READ_LIMIT_MINUTES, (exceeded.retryAfterSeconds() + 59) / 60);
        }
        try {
            response.sendError(status.value());
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }
}
