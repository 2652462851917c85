package nl.adreszicht.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Runs a POST with an {@code Idempotency-Key} once (ADR 0014). After the security filters, so the caller is known:
 * in one transaction it takes the key (a transaction-scoped advisory lock; a concurrent request with the same key is
 * answered 409 with {@code Retry-After} at once), looks for the answer stored under it, and either replays that answer
 * (the same body; 422 for another) or runs the request with its response buffered. The handler's own transactions
 * join this one, so the write, its access-log entries and the stored answer commit together or not at all, and the
 * client sees the answer only after that commit. Only a success (below 400) is stored: after a refusal or a failure
 * the client may retry with the same key.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    /** Seconds a client waits before retrying while the first request with its key is still running. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final StoredResponses stored;
    private final TransactionTemplate transaction;
    private final CurrentProfessional professionals;
    private final AccessLog accessLog;
    private final HandlerExceptionResolver problems;

    IdempotencyFilter(
            StoredResponses stored,
            TransactionTemplate transaction,
            CurrentProfessional professionals,
            AccessLog accessLog,
            HandlerExceptionResolver problems) {
        this.stored = stored;
        this.transaction = transaction;
        this.professionals = professionals;
        this.accessLog = accessLog;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(IdempotencyKey.HEADER) == null
                || !IdempotencyKey.covers(request.getMethod(), request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        IdempotencyKey key;
        try {
            key = IdempotencyKey.parse(request.getHeader(IdempotencyKey.HEADER));
        } catch (InvalidValueException malformed) {
            answer(request, response, malformed);
            return;
        }
        Optional<Professional> professional = professionals.get();
        if (key == null || professional.isEmpty()) {
            // No key, or nobody to scope it to (the security filters let no such POST through to a handler).
            chain.doFilter(request, response);
            return;
        }
        StoredResponses.Scope scope = new StoredResponses.Scope(
                professional.get().subject(), request.getMethod(), request.getRequestURI(), key.value());
        byte[] body = request.getInputStream().readAllBytes();
        byte[] hash = RequestFingerprint.of(body);
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        Outcome outcome;
        try {
            outcome = transaction.execute(
                    status -> run(scope, hash, new BodyRequest(request, body), buffered, chain, status));
        } catch (ChainFailed failed) {
            failed.rethrow();
            throw failed;
        }
        if (outcome instanceof Outcome.Busy) {
            ErrorResponseException conflict = problem(
                    HttpStatus.CONFLICT,
                    "Een eerder verzoek met deze Idempotency-Key is nog bezig; probeer het over " + RETRY_AFTER_SECONDS
                            + " seconde opnieuw.");
            conflict.getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
            answer(request, response, conflict);
        } else if (outcome instanceof Outcome.OtherBody) {
            answer(
                    request,
                    response,
                    problem(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "Deze Idempotency-Key is al gebruikt voor een verzoek met een andere inhoud; er is niets"
                                    + " gewijzigd. Gebruik een nieuwe sleutel voor een nieuw verzoek."));
        } else if (outcome instanceof Outcome.Replay replay) {
            replay(replay.answer(), response);
        } else {
            buffered.copyBodyToResponse();
        }
    }

    /** What came of the request, decided in its transaction. */
    sealed interface Outcome {
        record Busy() implements Outcome {}

        record OtherBody() implements Outcome {}

        record Replay(StoredResponses.Stored answer) implements Outcome {}

        record Ran() implements Outcome {}
    }

    private Outcome run(
            StoredResponses.Scope scope,
            byte[] hash,
            HttpServletRequest request,
            ContentCachingResponseWrapper response,
            FilterChain chain,
            TransactionStatus status) {
        if (!stored.lock(scope)) {
            return new Outcome.Busy();
        }
        Optional<StoredResponses.Stored> earlier = stored.find(scope);
        if (earlier.isPresent()) {
            if (!MessageDigest.isEqual(earlier.get().requestHash(), hash)) {
                return new Outcome.OtherBody();
            }
            // The replayed body shows what the first request stored: for this caller a read of the same objects.
            for (StoredResponses.LoggedObject object : earlier.get().logged()) {
                accessLog.record(
                        AccessEntry.of(AccessKind.LEZEN, object.action(), object.objectType(), object.objectId()));
            }
            return new Outcome.Replay(earlier.get());
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            throw new ChainFailed(failure);
        }
        int answered = response.getStatus();
        if (status.isRollbackOnly() || answered >= 500) {
            // A handler's transaction failed (it marked the joined one), or the request did: nothing it did stays.
            status.setRollbackOnly();
            return new Outcome.Ran();
        }
        if (answered >= 400) {
            // A refusal stores no answer; what the handler logged of its attempt commits as it would without a key.
            return new Outcome.Ran();
        }
        stored.save(
                scope,
                new StoredResponses.Stored(
                        hash,
                        answered,
                        response.getContentType(),
                        response.getHeader(HttpHeaders.LOCATION),
                        response.getHeader(HttpHeaders.ETAG),
                        response.getContentAsByteArray(),
                        logged(accessLog.writtenInThisTransaction())));
        return new Outcome.Ran();
    }

    /** The objects the request's entries name, once each. */
    private static List<StoredResponses.LoggedObject> logged(List<AccessEntry> entries) {
        Set<StoredResponses.LoggedObject> objects = new LinkedHashSet<>();
        for (AccessEntry entry : entries) {
            if (entry.objectType() != null && entry.objectId() != null) {
                objects.add(new StoredResponses.LoggedObject(entry.action(), entry.objectType(), entry.objectId()));
            }
        }
        return List.copyOf(objects);
    }

    private static void replay(StoredResponses.Stored answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, answer.etag());
        }
        response.setHeader(IdempotencyKey.REPLAYED, "true");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    /** The API's problem details for a refusal decided here, before any handler (ApiProblemAdvice). */
    private void answer(HttpServletRequest request, HttpServletResponse response, Exception refusal)
            throws ServletException {
        if (problems.resolveException(request, response, null, refusal) == null) {
            throw new ServletException(refusal);
        }
    }

    /** A failure of the request inside the transaction, carried out of it unchanged. */
    private static final class ChainFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChainFailed(Exception cause) {
            super(cause);
        }

        void rethrow() throws IOException, ServletException {
            Throwable cause = getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof ServletException servlet) {
                throw servlet;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
        }
    }

    /** The request with its body, read once for the fingerprint, readable again by the handler. */
    private static final class BodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
