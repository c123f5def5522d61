package io.retort.examples.webflux;

import io.retort.examples.webflux.Dtos.ErrorResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Maps errors to responses: validation errors and malformed input to 400 (with one detail per field),
 * {@link NotFoundException} to 404, {@link ConflictException} to 409.
 *
 * <pre>{@code
 * POST /users {"name": ""}  ->  400 {"status": 400, "error": "Bad Request", "details": ["name: must not be blank"]}
 * }</pre>
 */
@RestControllerAdvice
public class ErrorHandling {
    /** Bean validation of a request body failed. */
    @ExceptionHandler(WebExchangeBindException.class)
    public ResponseEntity<ErrorResponse> invalid(WebExchangeBindException e) {
        List<String> details = e.getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .sorted()
                .collect(Collectors.toList());
        return error(HttpStatus.BAD_REQUEST, details);
    }

    /** A malformed body or parameter, or a bad page request. */
    @ExceptionHandler({ServerWebInputException.class, IllegalArgumentException.class})
    public ResponseEntity<ErrorResponse> badInput(Exception e) {
        String reason = e instanceof ServerWebInputException w ? w.getReason() : e.getMessage();
        return error(HttpStatus.BAD_REQUEST, List.of(String.valueOf(reason)));
    }

    /** A user or address that does not exist. */
    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<ErrorResponse> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, List.of(e.getMessage()));
    }

    /** A name or e-mail that is taken. */
    @ExceptionHandler(ConflictException.class)
    public ResponseEntity<ErrorResponse> conflict(ConflictException e) {
        return error(HttpStatus.CONFLICT, List.of(e.getMessage()));
    }

    private static ResponseEntity<ErrorResponse> error(HttpStatus status, List<String> details) {
        return ResponseEntity.status(status).body(new ErrorResponse(status.value(), status.getReasonPhrase(), details));
    }
}
