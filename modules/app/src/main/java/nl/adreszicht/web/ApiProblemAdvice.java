package nl.adreszicht.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Turns every exception on an {@code /api/v1} request into {@code application/problem+json}: Spring's own
 * errors (404, 405, 415, 400 …) keep their status, access denied becomes 403, and anything unexpected a 500
 * whose detail reveals nothing. UI requests are handed back untouched to the HTML error pages.
 */
@ControllerAdvice
class ApiProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception exception, HttpServletRequest request) throws Exception {
        if (!ApiRequests.isApi(request)) {
            // Rethrowing the same exception lets the next resolver and the HTML error page handle it.
            throw exception;
        }
        ProblemDetail problem = problemFor(exception);
        problem.setInstance(URI.create(request.getRequestURI()));
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (exception instanceof ErrorResponse error) {
            response.headers(error.getHeaders());
        }
        return response.body(problem);
    }

    private static ProblemDetail problemFor(Exception exception) {
        if (exception instanceof ErrorResponse error) {
            return error.getBody();
        }
        if (exception instanceof AccessDeniedException) {
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN, "Uw rol of werkgebied geeft geen toegang tot deze gegevens.");
        }
        if (exception instanceof AuthenticationException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Niet aangemeld.");
        }
        log.error("Unexpected error on an API request", exception);
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Er ging iets mis aan onze kant. Probeer het later opnieuw.");
    }
}
